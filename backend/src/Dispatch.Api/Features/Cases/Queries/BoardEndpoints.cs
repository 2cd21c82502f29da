using System.Security.Claims;
using Dispatch.Api.Features.Catalogue;
using Dispatch.Api.Features.Grids;
using Dispatch.Api.Hosting;
using Dispatch.Contracts.Cases;
using Dispatch.Domain.Cases;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Cases.Queries;

public sealed record DepartmentBoard(DepartmentRef Department, IReadOnlyList<CaseSummary> Cases);
public sealed record CommandBoard(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<CaseSummary> Cases);

/// <summary>Board snapshots; live changes follow over <c>/hubs/board</c>.</summary>
public static class BoardEndpoints
{
    private static readonly CaseState[] Closed = [CaseState.Closed, CaseState.Archived, CaseState.NotAccepted, CaseState.Voided];

    public static IEndpointRouteBuilder MapBoardEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/boards").WithTags("Boards").RequireAuthorization();
        group.MapGet("/department/{key}", DepartmentSnapshot);
        group.MapGet("/command", CommandSnapshot).RequireAuthorization(AuthSetup.CommandCentrePolicy);
        return app;
    }

    /// <param name="assignee">
    /// <c>me</c>: only the cases given to the caller inside the department (内部派遣), the handler's own queue; a user
    /// name: only that handler's. Absent: the department's whole queue.
    /// </param>
    private static async Task<Results<Ok<DepartmentBoard>, ProblemHttpResult, ForbidHttpResult>> DepartmentSnapshot(
        string key, ClaimsPrincipal user, DispatchDbContext db, CancellationToken ct, string? assignee = null)
    {
        var ownDepartment = user.FindFirstValue(DispatchClaims.DepartmentKey);
        var allowed = Roles.CommandCentre.Any(user.IsInRole)
            || (user.IsInRole(Roles.Handler) && string.Equals(ownDepartment, key, StringComparison.Ordinal));
        if (!allowed)
            return TypedResults.Forbid();
        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Key == key, ct);
        if (department is null)
            return TypedResults.Problem(title: "Department not found", detail: $"No department '{key}'.", statusCode: StatusCodes.Status404NotFound);
        var open = db.Cases.AsNoTracking()
            .Where(c => (c.DepartmentId == department.Id || db.CaseAssists.Any(a => a.CaseId == c.Id && a.DepartmentId == department.Id)
                    // A sub-unit's board shows the cases its parent gave to its people.
                    || c.AssigneeDepartmentKey == department.Key)
                && !Closed.Contains(c.State))
            .InScopeOf(user);
        if (!string.IsNullOrWhiteSpace(assignee))
        {
            var who = assignee.Trim() == "me" ? user.Identity!.Name! : assignee.Trim();
            open = open.Where(c => c.AssigneeUserName == who);
        }
        open = open
            .OrderByDescending(c => c.UpdatedAt).Take(500);
        var cases = await db.Summaries(open).ToListAsync(ct);
        return TypedResults.Ok(new DepartmentBoard(new DepartmentRef(department.Key, department.NameZh, department.NameEn),
            cases.OrderByDescending(s => s.UpdatedAt).ToList()));
    }

    /// <param name="grid">
    /// Optional grid node: only cases in it or anywhere under it (counts too). An account scoped to a grid node sees
    /// that subtree without it, and a node outside the subtree is refused (403).
    /// </param>
    private static async Task<Results<Ok<CommandBoard>, ValidationProblem, ProblemHttpResult>> CommandSnapshot(
        string? grid, ClaimsPrincipal user, DispatchDbContext db, GridDirectory grids, CancellationToken ct)
    {
        var scope = db.Cases.AsNoTracking();
        var accountScope = user.GridScope();
        var filter = accountScope;
        if (!string.IsNullOrEmpty(grid))
        {
            if (!Domain.Grids.GridCode.TryParse(grid, out var node, out var error))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["grid"] = [error] });
            if ((await grids.GetAsync(ct)).Find(node.Value) is null)
                return GridProblems.NotFound(node.Value);
            if (accountScope is { } own && !own.Contains(node))
                return TypedResults.Problem(title: "Grid outside your scope", detail: AccountScope.OutsideScope(own, $"Grid {node.Value}"),
                    statusCode: StatusCodes.Status403Forbidden);
            filter = node;
        }
        if (filter is { } f)
            scope = scope.InGrid(f);
        var counts = await scope.GroupBy(c => c.State)
            .Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        var latest = scope.OrderByDescending(c => c.UpdatedAt).Take(200);
        var cases = await db.Summaries(latest).ToListAsync(ct);
        return TypedResults.Ok(new CommandBoard(counts.ToDictionary(x => x.State.ToString(), x => x.Count),
            cases.OrderByDescending(s => s.UpdatedAt).ToList()));
    }
}
