using System.Globalization;
using Dispatch.Api.Features.Catalogue;
using Dispatch.Api.Features.Grids;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Grids;
using Dispatch.Domain.Routing;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Routing;

public sealed record ConsideredRuleDto(RoutingRuleDto Rule, string Outcome, string Detail);

/// <summary>
/// The answer of a dry run: the department and the rule, or <c>department: null</c> with the reason no rule matches.
/// <c>considered</c> lists the category's rules in the order they were tried.
/// </summary>
public sealed record DryRunResult(
    bool Matched,
    DepartmentRef? Department,
    RoutingRuleDto? Rule,
    string? Reason,
    GridRef UnitGrid,
    GridRef Community,
    GridRef Street,
    string? ComponentId,
    DepartmentRef? ComponentOwner,
    DateTimeOffset At,
    IReadOnlyList<ConsideredRuleDto> Considered);

/// <summary>
/// 派遣预演: where a case of this category, condition, place and component would go if it were filed now (or at
/// <c>at</c>), by exactly the rules and code the router uses. Nothing is stored.
/// </summary>
public static class DryRun
{
    public static async Task<Results<Ok<DryRunResult>, ValidationProblem, ProblemHttpResult>> Handle(
        string? categoryId, string? conditionId, string? lon, string? lat, string? componentId, string? at,
        DispatchDbContext db, GridDirectory grids, CaseRouter router, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        JsonBody.TryParseInstant(at, "at", errors, out var atInstant);
        var category = await ParseCategoryAsync(categoryId, db, errors, ct);
        Guid? condition = null;
        if (!string.IsNullOrEmpty(conditionId))
        {
            if (!Guid.TryParse(conditionId, out var parsed))
                errors["conditionId"] = [$"'{conditionId}' is not a condition id."];
            else if (category is not null && category.Conditions.All(c => c.Id != parsed))
                errors["conditionId"] = [$"Condition {parsed} does not belong to category {category.Code} {category.NameZh}."];
            else
                condition = parsed;
        }

        Domain.Components.Component? component = null;
        if (!string.IsNullOrEmpty(componentId))
        {
            component = await db.Components.AsNoTracking().SingleOrDefaultAsync(c => c.Id == componentId, ct);
            if (component is null)
                errors["componentId"] = [$"No component {componentId} in the inventory."];
            else if (category is not null && component.CategoryId != category.Id)
                errors["componentId"] = [$"Component {componentId} is not of category {category.Code} {category.NameZh}."];
        }

        double? longitude = null, latitude = null;
        if (!string.IsNullOrEmpty(lon) || !string.IsNullOrEmpty(lat) || string.IsNullOrEmpty(componentId))
        {
            longitude = Coordinate(lon, "lon", -180, 180, errors);
            latitude = Coordinate(lat, "lat", -90, 90, errors);
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var x = longitude ?? component!.Longitude;
        var y = latitude ?? component!.Latitude;
        var grid = await grids.GetAsync(ct);
        if (grid.Locate(x, y) is not { } place)
            return GridProblems.OutsideManagedArea(x, y);

        var moment = atInstant ?? clock.GetUtcNow();
        var decision = await router.RouteAsync(category!.Id, condition, GridCode.Parse(place.Unit.Code), component?.Id, moment, ct);
        var lookups = await RuleRequests.LookupsAsync(db, grids, ct);
        DepartmentRef? Ref(Guid? id) => id is { } d && lookups.Departments.TryGetValue(d, out var department)
            ? new DepartmentRef(department.Key, department.NameZh, department.NameEn)
            : null;
        return TypedResults.Ok(new DryRunResult(
            decision.Matched,
            Ref(decision.Department?.Id),
            decision.Rule is null ? null : lookups.ToDto(decision.Rule, moment),
            decision.Reason,
            GridRef.From(place.Unit), GridRef.From(place.Community), GridRef.From(place.Street),
            component?.Id,
            Ref(component?.OwnerDepartmentId),
            moment,
            decision.Considered.Select(c => new ConsideredRuleDto(lookups.ToDto(c.Rule, moment), Outcome(c.Outcome), c.Detail)).ToList()));
    }

    public static string Outcome(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Chosen => "chosen",
        RuleOutcome.Unresolved => "unresolved",
        RuleOutcome.OtherCondition => "otherCondition",
        RuleOutcome.OutsideGrid => "outsideGrid",
        RuleOutcome.OtherOwner => "otherOwner",
        RuleOutcome.Outranked => "outranked",
        _ => outcome.ToString(),
    };

    internal static async Task<Category?> ParseCategoryAsync(string? text, DispatchDbContext db, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(text))
        {
            errors["categoryId"] = ["Category is required."];
            return null;
        }
        if (!Guid.TryParse(text, out var id))
        {
            errors["categoryId"] = [$"'{text}' is not a category id."];
            return null;
        }
        var category = await db.Categories.AsNoTracking().Include(c => c.Conditions).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
            errors["categoryId"] = [$"Unknown category {id}."];
        return category;
    }

    internal static double Coordinate(string? text, string field, double min, double max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            errors[field] = [$"'{field}' is required (WGS-84 degrees) unless a component gives the point."];
            return 0;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < min || value > max)
        {
            errors[field] = [$"'{text}' is not a {(field == "lon" ? "longitude" : "latitude")} between {min} and {max} (WGS-84 degrees)."];
            return 0;
        }
        return value;
    }
}
