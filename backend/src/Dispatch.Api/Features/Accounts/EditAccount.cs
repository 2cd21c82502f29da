using Dispatch.Api.Audit;
using Dispatch.Api.Features.Grids;
using Dispatch.Api.Hosting;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Api.Features.Accounts;

/// <summary>
/// Replaces an account's display name, roles, department, grid scope and phone, from the version the administrator
/// read (a stale one gets 409 with the account as it is now). The last enabled administrator keeps the role.
/// </summary>
public static class EditAccount
{
    public static async Task<Results<Ok<AccountDto>, ValidationProblem, ProblemHttpResult>> Handle(
        string userName, EditAccountRequest? request, UserManager<AppUser> users, DispatchDbContext db,
        GridDirectory grids, AdminAudit audit, TimeProvider clock, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return AccountRules.NotFound(userName);
        if (request is null)
            return AccountRules.Invalid(new() { ["body"] = ["Send the account as a JSON object."] });
        if (string.IsNullOrEmpty(request.Version))
            return EditConflicts.VersionMissing();
        var errors = new Dictionary<string, string[]>();
        var fields = AccountRules.Parse(request.DisplayName, request.Roles, request.DepartmentKey, request.GridScope, request.Phone, errors);
        if (fields is null)
            return AccountRules.Invalid(errors);

        var now = clock.GetUtcNow();
        var roles = await users.GetRolesAsync(user);
        var before = AccountDto.From(user, roles, now);
        if (!string.Equals(request.Version, user.ConcurrencyStamp, StringComparison.Ordinal))
            return EditConflicts.Conflict($"Account '{user.UserName}'", request.Version, before.Version, before);
        if (await AccountRules.CheckReferencesAsync(fields, db, grids, ct) is { Count: > 0 } impossible)
            return AccountRules.Unprocessable("The account is not possible", impossible);

        var losesAdmin = roles.Contains(Roles.Admin) && !fields.Roles.Contains(Roles.Admin);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (losesAdmin && !before.Disabled)
        {
            await AccountRules.LockAdministratorsAsync(db, ct);
            if (await AccountRules.OtherEnabledAdministratorsAsync(db, user.Id, now, ct) == 0)
                return AccountRules.LastAdministrator("roles", user.UserName!);
        }
        user.DisplayName = fields.DisplayName;
        user.DepartmentKey = fields.DepartmentKey;
        user.GridScope = fields.GridScope;
        user.PhoneNumber = fields.Phone;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded && updated.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            // Changed between the read above and this write: answer with the account as it is now.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var fresh = (await users.FindByNameAsync(userName))!;
            var current = AccountDto.From(fresh, await users.GetRolesAsync(fresh), now);
            return EditConflicts.Conflict($"Account '{fresh.UserName}'", request.Version, current.Version, current);
        }
        AccountRules.Succeeded(updated, userName);
        var removed = roles.Except(fields.Roles).ToList();
        var added = fields.Roles.Except(roles).ToList();
        if (removed.Count > 0)
            AccountRules.Succeeded(await users.RemoveFromRolesAsync(user, removed), userName);
        if (added.Count > 0)
            AccountRules.Succeeded(await users.AddToRolesAsync(user, added), userName);
        var after = AccountDto.From(user, fields.Roles, now);
        audit.Record("account.edit", AccountEndpoints.SubjectType, user.UserName!, before, after);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(after);
    }
}
