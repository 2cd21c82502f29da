using Dispatch.Api.Audit;
using Dispatch.Api.Features.Grids;
using Dispatch.Domain.Grids;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Api.Features.Accounts;

/// <summary>
/// The grid subtree a command-centre account is scoped to, or the street a patroller supervises (街道监督员), set on its
/// own (the list's quick control).
/// </summary>
public static class SetGridScope
{
    public static async Task<Results<Ok<AccountDto>, ValidationProblem, ProblemHttpResult>> Handle(
        string userName, GridScopeRequest? request, UserManager<AppUser> users, DispatchDbContext db, GridDirectory grids, AdminAudit audit,
        TimeProvider clock, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return AccountRules.NotFound(userName);
        if (request is null)
            return Invalid("The body must be { \"gridScope\": \"<grid code>\" } or { \"gridScope\": null }.");
        var roles = await users.GetRolesAsync(user);
        string? scope = null;
        if (!string.IsNullOrWhiteSpace(request.GridScope))
        {
            if (!GridCode.TryParse(request.GridScope.Trim(), out var code, out var error))
                return Invalid(error);
            if (await AccountRules.ScopeProblemAsync(code.Value, roles, grids, $"'{userName}'", ct) is { } problem)
                return Unprocessable(problem);
            scope = code.Value;
        }
        var now = clock.GetUtcNow();
        var before = AccountDto.From(user, roles, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.GridScope = scope;
        AccountRules.Succeeded(await users.UpdateAsync(user), userName);
        var after = AccountDto.From(user, roles, now);
        audit.Record("account.grid-scope", AccountEndpoints.SubjectType, user.UserName!, before, after);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(after);
    }

    private static ValidationProblem Invalid(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["gridScope"] = [message] }, title: "Invalid grid scope");

    private static ProblemHttpResult Unprocessable(string message) =>
        TypedResults.Problem(title: "Grid scope not possible", detail: message, statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["gridScope"] = [message] } });
}
