namespace Dispatch.Domain.Cases;

/// <summary>One immutable row of a case's history (案卷流转记录); evaluation is computed from these.</summary>
public sealed class CaseTrace
{
    private CaseTrace() { }

    internal CaseTrace(Guid caseId, int sequence, string action, CaseState? fromState, CaseState toState,
        Actor actor, DateTimeOffset at, string? opinion, string? departmentKey = null, bool? onTime = null,
        string? code = null, IReadOnlyDictionary<string, string>? parameters = null, string? holdingDepartmentKey = null)
    {
        HoldingDepartmentKey = holdingDepartmentKey;
        Id = Guid.CreateVersion7(at);
        CaseId = caseId;
        Sequence = sequence;
        Action = action;
        FromState = fromState;
        ToState = toState;
        ActorUserName = actor.UserName;
        ActorRole = actor.Role;
        DepartmentKey = departmentKey ?? actor.DepartmentKey;
        At = at;
        Opinion = opinion;
        OnTime = onTime;
        Code = code ?? action;
        Parameters = parameters is null || parameters.Count == 0
            ? NoParameters
            : new Dictionary<string, string>(parameters, StringComparer.Ordinal);
    }

    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>(StringComparer.Ordinal);

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    /// <summary>Position in the case's history, so that ordering never depends on clock resolution.</summary>
    public int Sequence { get; private set; }
    public string Action { get; private set; } = "";
    public CaseState? FromState { get; private set; }
    public CaseState ToState { get; private set; }
    public string ActorUserName { get; private set; } = "";
    public string ActorRole { get; private set; } = "";
    /// <summary>The department the row concerns: the actor's own, or for a dispatch the department the case went to.</summary>
    public string? DepartmentKey { get; private set; }
    /// <summary>
    /// The department holding the case when the row was written, whoever acted: the department it was dispatched to,
    /// the one that returned it (on the return row), and the holder on check, close, overdue and escalation rows. Null
    /// before the first dispatch and between a return and the next dispatch. Evaluation reads this, never the case.
    /// </summary>
    public string? HoldingDepartmentKey { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>What a person wrote with the action (opinion, reason, instruction); never text the software composed.</summary>
    public string? Opinion { get; private set; }
    /// <summary>What happened, one of <see cref="TraceCodes"/>; readers render it in their own language.</summary>
    public string Code { get; private set; } = "";
    /// <summary>Keys and codes the sentence needs (<see cref="TraceParameters"/>): department keys, rule id, level, step.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; private set; } = NoParameters;
    /// <summary>
    /// For an action that ends a timed step: whether it came within the step's deadline. Null for actions that
    /// end no step or steps without a limit.
    /// </summary>
    public bool? OnTime { get; private set; }
}
