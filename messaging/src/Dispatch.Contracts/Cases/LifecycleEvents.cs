namespace Dispatch.Contracts.Cases;

// Published through the outbox like the events in CaseEvents.cs. Additive changes only.

/// <summary>
/// One action on a case, one per trace row (受理, 派遣, 回退, 延期, 核查, 结案 ...): what evaluation and notifications
/// listen to. States are the names of the case states; <see cref="OnTime"/> is set for actions that end a timed step.
/// <see cref="Code"/> says what happened (<c>dispatch.rule</c>, <c>escalate.auto</c>, <c>check.failed</c> ...) with the
/// keys and codes of <see cref="Parameters"/> (departmentKey, ruleId, level, target, stage ...); <see cref="Opinion"/>
/// is only what a person wrote. Both are null in messages written before trace codes existed.
/// </summary>
public sealed record CaseActionTaken(
    Guid CaseId,
    string Number,
    int Version,
    string Action,
    string? FromState,
    string ToState,
    string Actor,
    string Role,
    string? DepartmentKey,
    string? Opinion,
    bool? OnTime,
    DateTimeOffset At,
    string? Code = null,
    IReadOnlyDictionary<string, string>? Parameters = null);

/// <summary>A department sent the case back as not its own (回退); the dispatcher must dispatch it again.</summary>
public sealed record CaseReturned(Guid CaseId, string Number, int Version, string DepartmentKey, string Reason, DateTimeOffset At);

/// <summary>80 % of the current step's time limit is used: the light turned yellow (预警).</summary>
public sealed record CaseDeadlineWarning(Guid CaseId, string Number, int Version, string Stage, DateTimeOffset Due, string? DepartmentKey, DateTimeOffset At);

/// <summary>The current step's time limit ran out: the light turned red (超时).</summary>
public sealed record CaseOverdue(Guid CaseId, string Number, int Version, string Stage, DateTimeOffset Due, string? DepartmentKey, DateTimeOffset At);

/// <summary>
/// 督办: a leader's instruction, or an overdue case escalated one grid level up. <see cref="Level"/> is
/// <c>Street</c>, <c>District</c> or <c>City</c> for escalation up the grid (with the command's grid code), null for a
/// leader's own instruction.
/// </summary>
public sealed record CaseEscalated(Guid CaseId, string Number, int Version, string? Level, string? GridCode, string Instruction, string By, DateTimeOffset At);

/// <summary>The case was closed (结案), after rework and extensions counted here.</summary>
public sealed record CaseClosed(Guid CaseId, string Number, int Version, int ReworkCount, int ExtensionCount, int ReturnCount, DateTimeOffset At);
