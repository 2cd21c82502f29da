using Dispatch.Api.Features.Grids;
using Dispatch.Domain.Grids;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Accounts;

/// <param name="GridScope">The grid node the account is scoped to (command-centre roles only), or null: everywhere.</param>
/// <param name="Disabled">The account may not sign in, and its sessions have ended.</param>
public sealed record AccountDto(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? DepartmentKey, string? GridScope,
    bool Disabled = false);

public sealed record GridScopeRequest(string? GridScope);

public sealed record PasswordResetRequest(string? Password);

public sealed record AccountDisabledRequest(bool? Disabled);

/// <summary>
/// Accounts as an administrator sees them, and the one setting kept here: the grid subtree a command-centre account
/// is scoped to. The change reaches the account's open sessions at the next cookie check (see <c>AuthSetup</c>).
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/users").WithTags("Accounts").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin });
        admin.MapGet("/", List);
        admin.MapPut("/{userName}/grid-scope", SetGridScope);
        admin.MapPut("/{userName}/password", ResetPassword);
        admin.MapPut("/{userName}/disabled", SetDisabled);
        return app;
    }

    /// <summary>Sets a new password; the account's sessions end (its security stamp changes).</summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetPassword(
        string userName, PasswordResetRequest? request, UserManager<AppUser> users)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return AccountNotFound(userName);
        if (string.IsNullOrEmpty(request?.Password))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["The new password is required."] });
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, request.Password);
            problems.AddRange(check.Errors.Select(e => e.Description));
        }
        if (problems.Count > 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = problems.ToArray() });
        Succeeded(await users.RemovePasswordAsync(user), userName);
        Succeeded(await users.AddPasswordAsync(user, request.Password), userName);
        Succeeded(await users.UpdateSecurityStampAsync(user), userName);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Disables an account (it may not sign in, and its sessions end at their next request) or enables it again. An
    /// administrator cannot disable the account they are signed in with.
    /// </summary>
    private static async Task<Results<Ok<AccountDto>, ValidationProblem, ProblemHttpResult>> SetDisabled(
        string userName, AccountDisabledRequest? request, System.Security.Claims.ClaimsPrincipal caller, UserManager<AppUser> users)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return AccountNotFound(userName);
        if (request?.Disabled is not { } disabled)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["disabled"] = ["Send { \"disabled\": true } or { \"disabled\": false }."] });
        if (disabled && string.Equals(caller.Identity?.Name, user.UserName, StringComparison.Ordinal))
            return TypedResults.Problem(title: "Cannot disable yourself", statusCode: StatusCodes.Status422UnprocessableEntity,
                detail: "An administrator cannot disable the account they are signed in with.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["disabled"] = ["Not your own account."] } });
        Succeeded(await users.SetLockoutEnabledAsync(user, true), userName);
        Succeeded(await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null), userName);
        Succeeded(await users.ResetAccessFailedCountAsync(user), userName);
        Succeeded(await users.UpdateSecurityStampAsync(user), userName);
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(ToDto(user, roles.Order(StringComparer.Ordinal).ToList()));
    }

    private static void Succeeded(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Updating {userName} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    private static ProblemHttpResult AccountNotFound(string userName) =>
        TypedResults.Problem(title: "Account not found", detail: $"No account '{userName}'.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Ok<List<AccountDto>>> List(DispatchDbContext db, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return TypedResults.Ok(users.Select(u => ToDto(u, byUser[u.Id].Order(StringComparer.Ordinal).ToList())).ToList());
    }

    private static async Task<Results<Ok<AccountDto>, ValidationProblem, ProblemHttpResult>> SetGridScope(
        string userName, GridScopeRequest? request, UserManager<AppUser> users, GridDirectory grids, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return TypedResults.Problem(title: "Account not found", detail: $"No account '{userName}'.", statusCode: StatusCodes.Status404NotFound);
        if (request is null)
            return Invalid("The body must be { \"gridScope\": \"<grid code>\" } or { \"gridScope\": null }.");
        var roles = await users.GetRolesAsync(user);
        string? scope = null;
        if (!string.IsNullOrWhiteSpace(request.GridScope))
        {
            if (!GridCode.TryParse(request.GridScope.Trim(), out var code, out var error))
                return Invalid(error);
            if ((await grids.GetAsync(ct)).Find(code.Value) is null)
                return Unprocessable($"No grid node {code.Value} is in force.");
            if (!roles.Any(Roles.CommandCentre.Contains))
                return Unprocessable($"'{userName}' holds no command-centre role ({string.Join(", ", Roles.CommandCentre)}); only those accounts take a grid scope.");
            scope = code.Value;
        }
        user.GridScope = scope;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Updating {userName} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        return TypedResults.Ok(ToDto(user, roles.Order(StringComparer.Ordinal).ToList()));
    }

    private static AccountDto ToDto(AppUser u, IReadOnlyList<string> roles) =>
        new(u.UserName!, u.DisplayName, roles, u.DepartmentKey, u.GridScope,
            Hosting.SessionValidator.Disabled(u.LockoutEnd, DateTimeOffset.UtcNow));

    private static ValidationProblem Invalid(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["gridScope"] = [message] }, title: "Invalid grid scope");

    private static ProblemHttpResult Unprocessable(string message) =>
        TypedResults.Problem(title: "Grid scope not possible", detail: message, statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["gridScope"] = [message] } });
}
