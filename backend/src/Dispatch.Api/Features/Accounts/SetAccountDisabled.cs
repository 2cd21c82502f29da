using System.Security.Claims;
using Dispatch.Api.Audit;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Api.Features.Accounts;

/// <summary>
/// Disables an account (it may not sign in, and its sessions end at their next request) or enables it again, which
/// also lifts a lockout after failed sign-ins. Nobody disables the account they are signed in with, nor the last
/// enabled administrator.
/// </summary>
public static class SetAccountDisabled
{
    public static async Task<Results<Ok<AccountDto>, ValidationProblem, ProblemHttpResult>> Handle(
        string userName, AccountDisabledRequest? request, ClaimsPrincipal caller, UserManager<AppUser> users, DispatchDbContext db,
        AdminAudit audit, TimeProvider clock, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return AccountRules.NotFound(userName);
        if (request?.Disabled is not { } disabled)
            return AccountRules.Invalid(new() { ["disabled"] = ["Send { \"disabled\": true } or { \"disabled\": false }."] });
        if (disabled && string.Equals(caller.Identity?.Name, user.UserName, StringComparison.Ordinal))
            return AccountRules.Unprocessable("Cannot disable yourself", new()
            {
                ["disabled"] = ["An administrator cannot disable the account they are signed in with."],
            });

        var now = clock.GetUtcNow();
        var roles = await users.GetRolesAsync(user);
        var before = AccountDto.From(user, roles, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (disabled && !before.Disabled && roles.Contains(Roles.Admin))
        {
            await AccountRules.LockAdministratorsAsync(db, ct);
            if (await AccountRules.OtherEnabledAdministratorsAsync(db, user.Id, now, ct) == 0)
                return AccountRules.LastAdministrator("disabled", user.UserName!);
        }
        AccountRules.Succeeded(await users.SetLockoutEnabledAsync(user, true), userName);
        AccountRules.Succeeded(await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null), userName);
        AccountRules.Succeeded(await users.ResetAccessFailedCountAsync(user), userName);
        if (disabled)
            AccountRules.Succeeded(await users.UpdateSecurityStampAsync(user), userName);
        var after = AccountDto.From(user, roles, now);
        audit.Record("account.disabled", AccountEndpoints.SubjectType, user.UserName!, before, after);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(after);
    }
}
