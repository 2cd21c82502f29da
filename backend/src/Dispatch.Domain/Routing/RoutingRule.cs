using Dispatch.Domain.Grids;

namespace Dispatch.Domain.Routing;

/// <summary>Where a matching rule sends a case.</summary>
public enum RoutingTarget
{
    /// <summary>One named department.</summary>
    Department,

    /// <summary>
    /// The owner (权属单位) recorded for the case's component in the inventory. Resolves only when the case names a
    /// component that has an owner; otherwise the next rule is tried (部件 先属主、后属地).
    /// </summary>
    ComponentOwner,

    /// <summary>
    /// The department of <see cref="RoutingRule.DepartmentKind"/> with jurisdiction over the case's place, the most
    /// local one (事件 先属地、后属主). Kind <c>territory</c> is the street office of the case's street.
    /// </summary>
    Jurisdiction,
}

/// <summary>What an administrator fills in for a rule, before it is stored.</summary>
public sealed record RoutingRuleDraft(
    Guid CategoryId,
    Guid? ConditionId,
    GridCode? Grid,
    Guid? OwnerDepartmentId,
    RoutingTarget Target,
    Guid? DepartmentId,
    string? DepartmentKind,
    int Priority,
    string? Note = null);

/// <summary>
/// A routing rule (派遣规则): (category, filing condition?, grid subtree?, component owner?) → department, with a
/// priority. Rules are never edited in place: a change retires the rule and starts a successor, so a case is routed
/// by the rules in force when it was filed, and the history stays readable.
/// </summary>
public sealed class RoutingRule
{
    public const int MaxPriority = 1000;
    public const int MaxNoteLength = 500;
    public const int MaxDepartmentKindLength = 32;

    private RoutingRule() { }

    public Guid Id { get; private set; }
    public Guid CategoryId { get; private set; }
    /// <summary>Only cases filed under this condition (立案条件); null: any condition.</summary>
    public Guid? ConditionId { get; private set; }
    /// <summary>Only cases inside this grid node (any level); null: the whole managed area, the least specific.</summary>
    public string? GridCode { get; private set; }
    /// <summary>Only cases about a component whose recorded owner is this department; null: any case.</summary>
    public Guid? OwnerDepartmentId { get; private set; }
    public RoutingTarget Target { get; private set; }
    /// <summary>The department of a <see cref="RoutingTarget.Department"/> rule.</summary>
    public Guid? DepartmentId { get; private set; }
    /// <summary>The department kind of a <see cref="RoutingTarget.Jurisdiction"/> rule, e.g. <c>traffic_police</c>.</summary>
    public string? DepartmentKind { get; private set; }
    /// <summary>Among rules equally specific, the higher priority is tried first.</summary>
    public int Priority { get; private set; }
    public DateTimeOffset ValidFrom { get; private set; }
    /// <summary>The moment the rule stopped applying; null while in force.</summary>
    public DateTimeOffset? ValidTo { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public string? Note { get; private set; }
    /// <summary>The rule this one succeeded, when it was created by changing another.</summary>
    public Guid? ReplacesRuleId { get; private set; }

    public GridCode? Grid => GridCode is null ? null : Grids.GridCode.Parse(GridCode);

    public static RoutingRule Create(Guid id, RoutingRuleDraft draft, string createdBy, DateTimeOffset validFrom, Guid? replacesRuleId = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Problems(draft).Select(p => p.Message).FirstOrDefault() is { } problem)
            throw new ArgumentException(problem, nameof(draft));
        return new RoutingRule
        {
            Id = id,
            CategoryId = draft.CategoryId,
            ConditionId = draft.ConditionId,
            GridCode = draft.Grid?.Value,
            OwnerDepartmentId = draft.OwnerDepartmentId,
            Target = draft.Target,
            DepartmentId = draft.Target == RoutingTarget.Department ? draft.DepartmentId : null,
            DepartmentKind = draft.Target == RoutingTarget.Jurisdiction ? draft.DepartmentKind : null,
            Priority = draft.Priority,
            ValidFrom = validFrom,
            CreatedBy = createdBy,
            Note = string.IsNullOrWhiteSpace(draft.Note) ? null : draft.Note.Trim(),
            ReplacesRuleId = replacesRuleId,
        };
    }

    /// <summary>What is wrong with a draft, field by field (the API's field names); empty when it can be stored.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(RoutingRuleDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Priority is < -MaxPriority or > MaxPriority)
            yield return ("priority", $"Priority must be between {-MaxPriority} and {MaxPriority}.");
        if (draft.Note is { Length: > MaxNoteLength })
            yield return ("note", $"At most {MaxNoteLength} characters.");
        switch (draft.Target)
        {
            case RoutingTarget.Department when draft.DepartmentId is null:
                yield return ("departmentKey", "A rule with target 'department' names the department.");
                break;
            case RoutingTarget.Jurisdiction when string.IsNullOrWhiteSpace(draft.DepartmentKind):
                yield return ("departmentKind", "A rule with target 'jurisdiction' names a department kind (e.g. traffic_police, territory).");
                break;
            case RoutingTarget.Jurisdiction when draft.DepartmentKind!.Length > MaxDepartmentKindLength:
                yield return ("departmentKind", $"At most {MaxDepartmentKindLength} characters.");
                break;
        }
    }

    public bool IsInForceAt(DateTimeOffset at) => ValidFrom <= at && (ValidTo is null || at < ValidTo);

    /// <summary>Stops the rule applying from <paramref name="at"/> on (a rule not yet in force simply never applies).</summary>
    public void Retire(DateTimeOffset at)
    {
        if (ValidTo is not null && ValidTo <= at)
            throw new InvalidOperationException($"Routing rule {Id} was already retired at {ValidTo:O}.");
        ValidTo = at < ValidFrom ? ValidFrom : at;
    }
}
