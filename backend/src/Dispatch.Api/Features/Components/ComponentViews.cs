using Dispatch.Domain.Cases;
using Dispatch.Domain.Components;
using Dispatch.Persistence;

namespace Dispatch.Api.Features.Components;

/// <summary>A component with what the cases naming it say about it.</summary>
/// <remarks>Init properties, not a positional record: EF translates filters on a member-init projection only.</remarks>
internal sealed class ComponentView
{
    public required Component Component { get; init; }
    public bool UnderRepair { get; init; }
    public bool Reported { get; init; }
    public bool RepairedSinceCensus { get; init; }

    public ComponentCondition Condition => ComponentConditions.Of(Component.State, UnderRepair, Reported, RepairedSinceCensus);
}

/// <summary>
/// A component's condition is derived from the cases that name it, by query, not kept in a column: the case module
/// needs no hook into the census, a voided case un-marks the component by itself, and a census import or edit
/// (newer than the last closed case) takes over again. Cases are found through their indexed component id.
/// </summary>
internal static class ComponentViews
{
    private static readonly CaseState[] Reported = [.. ComponentConditions.Reported];
    private static readonly CaseState[] Repairing = [.. ComponentConditions.Repairing];
    private static readonly CaseState[] Repaired = [.. ComponentConditions.Repaired];

    public static IQueryable<ComponentView> WithCases(this IQueryable<Component> components, DispatchDbContext db) =>
        components.Select(c => new ComponentView
        {
            Component = c,
            UnderRepair = db.Cases.Any(k => k.ComponentId == c.Id && Repairing.Contains(k.State)),
            Reported = db.Cases.Any(k => k.ComponentId == c.Id && Reported.Contains(k.State)),
            RepairedSinceCensus = db.Cases.Any(k => k.ComponentId == c.Id && Repaired.Contains(k.State) && k.UpdatedAt > c.UpdatedAt),
        });

    /// <summary>
    /// Intact now (the numerator of the intact rate): no open case names it, and the census says intact or a case
    /// closed after the census record last changed.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Component, bool>> IsIntact(DispatchDbContext db) =>
        c => !db.Cases.Any(k => k.ComponentId == c.Id && (Repairing.Contains(k.State) || Reported.Contains(k.State)))
            && (c.State == ComponentState.Intact
                || db.Cases.Any(k => k.ComponentId == c.Id && Repaired.Contains(k.State) && k.UpdatedAt > c.UpdatedAt));

    /// <summary>In service: in the inventory, neither abandoned nor removed (see <see cref="ComponentConditions.IsInService"/>).</summary>
    public static IQueryable<Component> InService(this IQueryable<Component> components) =>
        components.Where(c => c.RetiredAt == null && c.State != ComponentState.Abandoned && c.State != ComponentState.Removed);
}
