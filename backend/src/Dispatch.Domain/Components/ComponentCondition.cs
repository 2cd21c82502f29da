using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Components;

/// <summary>
/// What a component is like now: its census state, unless a case about it says more. A case that names the
/// component marks it reported damaged (上报破损) while it waits for a department, under repair (维修中) once a
/// department has it, and repaired — intact — when the case closes. A case that ends without being handled (voided,
/// not accepted) says nothing, so the component is back at its census state.
/// </summary>
public enum ComponentCondition
{
    Intact,
    Damaged,
    Missing,
    Abandoned,
    Removed,
    ReportedDamaged,
    UnderRepair,
}

public static class ComponentConditions
{
    /// <summary>Open case states before a department has the case (or after it gave the case back).</summary>
    public static readonly IReadOnlyList<CaseState> Reported =
        [CaseState.Reported, CaseState.Verifying, CaseState.ToFile, CaseState.ToDispatch, CaseState.Returned];

    /// <summary>Open case states while a department holds the case, up to its closing.</summary>
    public static readonly IReadOnlyList<CaseState> Repairing =
        [CaseState.Dispatched, CaseState.Handling, CaseState.FedBack, CaseState.Checking, CaseState.ToClose, CaseState.Suspended];

    /// <summary>Case states in which the problem was fixed.</summary>
    public static readonly IReadOnlyList<CaseState> Repaired = [CaseState.Closed, CaseState.Archived];

    /// <summary>
    /// The condition from the census state and the cases naming the component: any case under repair wins, then any
    /// reported one; a case closed after the census record last changed makes it intact; otherwise the census holds.
    /// Abandoned and removed components are out of service whatever cases say.
    /// </summary>
    public static ComponentCondition Of(ComponentState census, bool underRepair, bool reported, bool repairedSinceCensus) => census switch
    {
        ComponentState.Abandoned => ComponentCondition.Abandoned,
        ComponentState.Removed => ComponentCondition.Removed,
        _ when underRepair => ComponentCondition.UnderRepair,
        _ when reported => ComponentCondition.ReportedDamaged,
        _ when repairedSinceCensus => ComponentCondition.Intact,
        ComponentState.Intact => ComponentCondition.Intact,
        ComponentState.Damaged => ComponentCondition.Damaged,
        _ => ComponentCondition.Missing,
    };

    /// <summary>In service (在用): in the inventory and neither abandoned nor removed; the denominator of the intact rate.</summary>
    public static bool IsInService(ComponentState census, bool retired) =>
        !retired && census is not (ComponentState.Abandoned or ComponentState.Removed);

    /// <summary>The names the API uses: intact, damaged, missing, abandoned, removed, reported_damaged, under_repair.</summary>
    public static string Name(ComponentCondition condition) => condition switch
    {
        ComponentCondition.ReportedDamaged => "reported_damaged",
        ComponentCondition.UnderRepair => "under_repair",
        _ => condition.ToString().ToLowerInvariant(),
    };
}
