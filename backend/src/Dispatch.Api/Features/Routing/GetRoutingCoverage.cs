using Dispatch.Api.Features.Grids;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Grids;
using Dispatch.Domain.Routing;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Routing;

public sealed record CoverageCommunity(string Code, string Name, string StreetCode);

/// <summary>One category's row: the department key each community's cases would go to (null: nobody — a gap).</summary>
public sealed record CoverageRow(RuleCategoryRef Category, IReadOnlyDictionary<string, string?> Departments);

public sealed record CoverageGap(RuleCategoryRef Category, GridRef Community, string Reason);

public sealed record RoutingCoverageReport(
    DateTimeOffset At,
    int Categories,
    IReadOnlyList<CoverageCommunity> Communities,
    int Cells,
    int Covered,
    IReadOnlyList<CoverageGap> Gaps,
    IReadOnlyList<CoverageRow> Rows);

/// <summary>
/// 事事有人管: for every category × every community in force, the department a case there would go to (without a
/// component, so components fall back from the owner to their kind), by the rules in force at <c>at</c> (default
/// now). Rules drawn on single unit grids do not count for a whole community. Every empty cell is listed as a gap.
/// </summary>
public static class GetRoutingCoverage
{
    public static async Task<Results<Ok<RoutingCoverageReport>, ValidationProblem>> Handle(
        string? at, DispatchDbContext db, GridDirectory grids, CaseRouter router, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!JsonBody.TryParseInstant(at, "at", errors, out var atInstant))
            return TypedResults.ValidationProblem(errors);
        var moment = atInstant ?? clock.GetUtcNow();
        var grid = await grids.GetAsync(ct);
        var communities = grid.Nodes
            .Where(n => n.Level == GridLevel.Community && n.IsInForceOn(grids.Today))
            .OrderBy(n => n.Code, StringComparer.Ordinal)
            .ToList();
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Kind).ThenBy(c => c.Code).ToListAsync(ct);
        var rules = await router.RulesInForceAsync(null, moment, ct);
        var departments = await router.DepartmentsAsync(ct);

        var rows = new List<CoverageRow>(categories.Count);
        var gaps = new List<CoverageGap>();
        var covered = 0;
        foreach (var category in categories)
        {
            var reference = new RuleCategoryRef(category.Id, category.Kind == CategoryKind.Component ? "component" : "event",
                category.Code, category.NameZh, category.NameEn);
            var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var community in communities)
            {
                var decision = RoutingEngine.Route(
                    new RoutingCase(category.Id, null, GridCode.Parse(community.Code), null, moment), rules, departments);
                cells[community.Code] = decision.Department?.Key;
                if (decision.Matched)
                    covered++;
                else
                    gaps.Add(new CoverageGap(reference, GridRef.From(community), decision.Reason ?? "No rule matches."));
            }
            rows.Add(new CoverageRow(reference, cells));
        }
        return TypedResults.Ok(new RoutingCoverageReport(
            moment,
            categories.Count,
            communities.Select(c => new CoverageCommunity(c.Code, c.Name, c.ParentCode ?? "")).ToList(),
            categories.Count * communities.Count,
            covered,
            gaps,
            rows));
    }
}
