using Dispatch.Api.Audit;
using Dispatch.Api.Features.Grids;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Accounts;

/// <summary>
/// A new account with an initial password the administrator passes on; the person replaces it at the first sign-in
/// (<see cref="AppUser.MustChangePassword"/>). Nothing is written unless every field holds.
/// </summary>
public static class CreateAccount
{
    public static async Task<Results<Created<AccountDto>, ValidationProblem, ProblemHttpResult>> Handle(
        CreateAccountRequest? request, UserManager<AppUser> users, DispatchDbContext db, GridDirectory grids, AdminAudit audit,
        TimeProvider clock, CancellationToken ct)
    {
        if (request is null)
            return AccountRules.Invalid(new() { ["body"] = ["Send the account as a JSON object."] });
        var errors = new Dictionary<string, string[]>();
        AccountRules.CheckUserName(request.UserName, errors);
        var fields = AccountRules.Parse(request.DisplayName, request.Roles, request.DepartmentKey, request.GridScope, request.Phone, errors);
        var userName = request.UserName?.Trim() ?? "";
        var user = new AppUser { UserName = userName, MustChangePassword = true };
        if (await AccountRules.PasswordProblemsAsync(users, user, request.Password) is { Length: > 0 } weak)
            errors["password"] = weak;
        if (errors.Count > 0 || fields is null)
            return AccountRules.Invalid(errors);
        if (await AccountRules.CheckReferencesAsync(fields, db, grids, ct) is { Count: > 0 } impossible)
            return AccountRules.Unprocessable("The account is not possible", impossible);
        if (await users.FindByNameAsync(userName) is not null)
            return Taken(userName);

        user.DisplayName = fields.DisplayName;
        user.DepartmentKey = fields.DepartmentKey;
        user.GridScope = fields.GridScope;
        user.PhoneNumber = fields.Phone;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded)
            {
                if (created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
                    return Taken(userName);
                return AccountRules.Invalid(new() { ["userName"] = created.Errors.Select(e => e.Description).ToArray() });
            }
            AccountRules.Succeeded(await users.AddToRolesAsync(user, fields.Roles), userName);
            var after = AccountDto.From(user, fields.Roles, clock.GetUtcNow());
            audit.Record("account.create", AccountEndpoints.SubjectType, userName, null, after);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return TypedResults.Created($"/api/admin/users/{Uri.EscapeDataString(userName)}", after);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Taken(userName);
        }
    }

    private static ProblemHttpResult Taken(string userName) =>
        TypedResults.Problem(title: "User name taken", detail: $"An account '{userName}' exists already.", statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, string[]> { ["userName"] = [$"An account '{userName}' exists already."] },
            });
}
