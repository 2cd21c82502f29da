using Dispatch.Api.Audit;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Api.Features.Accounts;

/// <summary>
/// An administrator sets a temporary password (the one sent, or one made up here) and the account must replace it at
/// the next sign-in; its sessions end at once (the security stamp changes). The answer shows the password once; the
/// audit row never holds it.
/// </summary>
public static class ResetPassword
{
    public static async Task<Results<Ok<PasswordResetDto>, ValidationProblem, ProblemHttpResult>> Handle(
        string userName, PasswordResetRequest? request, UserManager<AppUser> users, DispatchDbContext db, AdminAudit audit,
        TimeProvider clock, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return AccountRules.NotFound(userName);
        var password = request?.Password;
        if (password is not null && await AccountRules.PasswordProblemsAsync(users, user, password) is { Length: > 0 } weak)
            return AccountRules.Invalid(new() { ["password"] = weak });
        password ??= AccountRules.TemporaryPassword();

        var now = clock.GetUtcNow();
        var roles = await users.GetRolesAsync(user);
        var before = AccountDto.From(user, roles, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        AccountRules.Succeeded(await users.RemovePasswordAsync(user), userName);
        AccountRules.Succeeded(await users.AddPasswordAsync(user, password), userName);
        user.MustChangePassword = true;
        AccountRules.Succeeded(await users.UpdateSecurityStampAsync(user), userName);
        var after = AccountDto.From(user, roles, now);
        audit.Record("account.password-reset", AccountEndpoints.SubjectType, user.UserName!, before, after);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new PasswordResetDto(after, password));
    }
}
