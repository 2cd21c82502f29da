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
public sealed record AccountDto(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? DepartmentKey, string? GridScope);

public sealed record GridScopeRequest(string? GridScope);

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
        return app;
    }

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
        new(u.UserName!, u.DisplayName, roles, u.DepartmentKey, u.GridScope);

    private static ValidationProblem Invalid(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["gridScope"] = [message] }, title: "Invalid grid scope");

    private static ProblemHttpResult Unprocessable(string message) =>
        TypedResults.Problem(title: "Grid scope not possible", detail: message, statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["gridScope"] = [message] } });
}
