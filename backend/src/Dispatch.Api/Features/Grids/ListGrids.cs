using Dispatch.Domain.Grids;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Api.Features.Grids;

/// <summary>
/// Grid nodes in force today, from the in-memory directory: all of one level, and/or everything under a node
/// (<c>parent</c> matches any ancestor, so <c>?level=unit&amp;parent=450304001</c> lists a street's unit grids).
/// </summary>
public static class ListGrids
{
    public static async Task<Results<Ok<List<GridNodeDto>>, ValidationProblem, ProblemHttpResult>> Handle(
        string? level, string? parent, GridDirectory directory, CancellationToken ct)
    {
        if (!GridProblems.TryParseLevel(level, out var wanted, out var levelProblem))
            return levelProblem!;
        if (!GridProblems.TryParseCode(parent, "parent", out var under, out var parentProblem))
            return parentProblem!;
        var grid = await directory.GetAsync(ct);
        if (under is { } p && grid.Find(p.Value) is null)
            return GridProblems.NotFound(p.Value);
        var today = directory.Today;
        var nodes = grid.Nodes
            .Where(n => n.IsInForceOn(today))
            .Where(n => wanted is null || n.Level == wanted)
            .Where(n => under is null || (n.Code != under.Value.Value && under.Value.Contains(GridCode.Parse(n.Code))))
            .OrderBy(n => n.Code, StringComparer.Ordinal)
            .Select(GridNodeDto.From)
            .ToList();
        return TypedResults.Ok(nodes);
    }
}

/// <summary>One node, whether in force or retired (old cases keep retired codes), with its ancestors and children.</summary>
public static class GetGrid
{
    public static async Task<Results<Ok<GridNodeDetailDto>, ValidationProblem, ProblemHttpResult>> Handle(
        string code, GridDirectory directory, CancellationToken ct)
    {
        if (!GridCode.TryParse(code, out var parsed, out var error))
            return GridProblems.Invalid("code", error);
        var grid = await directory.GetAsync(ct);
        if (grid.Find(parsed.Value) is not { } node)
            return GridProblems.NotFound(parsed.Value);
        var ancestors = new List<GridRef>();
        for (var up = parsed.Parent; up is { } a; up = a.Parent)
            if (grid.Find(a.Value) is { } ancestor)
                ancestors.Insert(0, GridRef.From(ancestor));
        var today = directory.Today;
        var children = grid.Nodes
            .Where(n => n.ParentCode == node.Code && n.IsInForceOn(today))
            .OrderBy(n => n.Code, StringComparer.Ordinal)
            .Select(GridRef.From)
            .ToList();
        ResponsibilityGridDto? responsibility = null;
        if (grid.ResponsibilityGridOf(node.Code) is { } r && grid.ResponsibilityGrid(r.Code) is { } details)
            responsibility = new ResponsibilityGridDto(r.Code, r.Name, details.Patrollers);
        return TypedResults.Ok(new GridNodeDetailDto(GridNodeDto.From(node), ancestors, children, responsibility));
    }
}
