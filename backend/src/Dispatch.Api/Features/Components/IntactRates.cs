using System.ComponentModel.DataAnnotations;
using Dispatch.Api.Features.Catalogue;
using Dispatch.Api.Features.Grids;
using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Grids;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Features.Components;

/// <summary>The census targets: the least intact rate a component category must reach, by category code.</summary>
public sealed class ComponentOptions
{
    public const string SectionName = "Components";

    /// <summary>
    /// Category code → least intact rate (0–1). The default is Fujian's 2021 plan: street lighting (0118 路灯)
    /// "道路照明设施完好率达到95%以上".
    /// </summary>
    [Required]
    public Dictionary<string, decimal> IntactTargets { get; set; } = new(StringComparer.Ordinal) { ["0118"] = 0.95m };
}

/// <summary>One category in one street (or, with <c>street</c> null, in the whole selection).</summary>
public sealed record IntactRateRow(
    CategoryRef Category, string? StreetCode, string? StreetName, int InService, int Intact, decimal? Rate, decimal? Target, bool? MeetsTarget);

public sealed record IntactRatesDto(string Definition, IReadOnlyList<IntactRateRow> Totals, IReadOnlyList<IntactRateRow> Rows);

/// <summary>完好率: intact rates of components per category and street.</summary>
public static class IntactRates
{
    public const string Definition =
        "Intact rate (完好率) = intact ÷ in service. In service: a component in the inventory (not retired) whose census "
        + "state is neither abandoned nor removed. Intact: in service, no open case names it (reported damaged or under "
        + "repair), and its census state is intact or a case naming it was closed after its census record last changed. "
        + "Rates are rounded to four decimals; a category with no component in service has no rate.";

    public static async Task<Results<Ok<IntactRatesDto>, ValidationProblem>> Handle(
        string? street, string? category, DispatchDbContext db, GridDirectory grids, IOptions<ComponentOptions> options, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var grid = await grids.GetAsync(ct);
        if (!string.IsNullOrEmpty(street)
            && (!GridCode.TryParse(street, out var code, out _) || code.Level != GridLevel.Street || grid.Find(street) is null))
            errors["street"] = [$"'{street}' is not the 9-digit code of a street of the grid."];
        Category? only = null;
        if (!string.IsNullOrEmpty(category))
        {
            only = await db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Kind == CategoryKind.Component && c.Code == category, ct);
            if (only is null)
                errors["category"] = [$"'{category}' is not the 4-digit code of a component category."];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var query = db.Components.AsNoTracking().InService();
        if (!string.IsNullOrEmpty(street))
            query = query.Where(c => c.UnitGridCode.StartsWith(street));
        if (only is not null)
            query = query.Where(c => c.CategoryId == only.Id);
        var inService = await Count(query, ct);
        var intact = (await Count(query.Where(ComponentViews.IsIntact(db)), ct)).ToDictionary(x => (x.CategoryId, x.Street), x => x.Count);
        var counts = inService.Select(x => new { x.CategoryId, x.Street, InService = x.Count, Intact = intact.GetValueOrDefault((x.CategoryId, x.Street)) }).ToList();

        var categories = await db.Categories.AsNoTracking().Where(c => c.Kind == CategoryKind.Component).ToDictionaryAsync(c => c.Id, ct);
        var targets = options.Value.IntactTargets;
        IntactRateRow Row(Category c, string? streetCode, int inService, int intactCount)
        {
            decimal? rate = inService == 0 ? null : Math.Round((decimal)intactCount / inService, 4);
            decimal? target = targets.TryGetValue(c.Code, out var t) ? t : null;
            return new IntactRateRow(new CategoryRef(c.Id, c.Code, c.NameZh, c.NameEn), streetCode,
                streetCode is null ? null : grid.Find(streetCode)?.Name, inService, intactCount, rate, target,
                rate is null || target is null ? null : rate >= target);
        }
        var rows = counts
            .Select(x => Row(categories[x.CategoryId], x.Street, x.InService, x.Intact))
            .OrderBy(r => r.Category.Code, StringComparer.Ordinal).ThenBy(r => r.StreetCode, StringComparer.Ordinal)
            .ToList();
        var totals = counts.GroupBy(x => x.CategoryId)
            .Select(g => Row(categories[g.Key], null, g.Sum(x => x.InService), g.Sum(x => x.Intact)))
            .OrderBy(r => r.Category.Code, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new IntactRatesDto(Definition, totals, rows));
    }

    private sealed record Counted(Guid CategoryId, string Street, int Count);

    private static Task<List<Counted>> Count(IQueryable<Domain.Components.Component> query, CancellationToken ct) =>
        query.GroupBy(c => new { c.CategoryId, Street = c.UnitGridCode.Substring(0, GridCode.StreetLength) })
            .Select(g => new Counted(g.Key.CategoryId, g.Key.Street, g.Count()))
            .ToListAsync(ct);
}
