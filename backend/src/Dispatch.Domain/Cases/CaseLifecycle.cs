namespace Dispatch.Domain.Cases;

/// <summary>Which side of 监管分离 (supervision separate from handling) the actor must stand on.</summary>
public enum CaseParty
{
    /// <summary>Anyone holding one of the roles.</summary>
    Anyone,
    /// <summary>Only people of the department the case is dispatched to.</summary>
    HandlingDepartment,
    /// <summary>Never people of the department the case is dispatched to: it does not check or close its own work.</summary>
    NotHandlingDepartment,
}

/// <summary>The answer of the table for one actor, one case and one action.</summary>
public enum CaseDecision
{
    Allowed,
    /// <summary>The role may not take the action at all, or the actor is of the wrong department (403).</summary>
    Forbidden,
    /// <summary>The role may take it, but not in the case's current state (409).</summary>
    IllegalState,
}

/// <summary>
/// One row of the lifecycle table: an action, the states it may be taken in, the states it may lead to
/// (empty: the state stays), the roles that may take it, the party rule, and an extra condition on the case.
/// </summary>
public sealed record CaseTransition(
    string Action,
    IReadOnlyList<CaseState> From,
    IReadOnlyList<CaseState> To,
    IReadOnlyList<string> Roles,
    CaseParty Party = CaseParty.Anyone,
    Func<Case, string?>? Guard = null)
{
    /// <summary>Only the software takes it (routing, the sweeper); it is not offered to people.</summary>
    public bool SystemOnly => Roles.All(r => r == CaseRoles.System);
}

/// <summary>
/// The state machine of DOMAIN §4 as one table. The aggregate's methods and the list of actions offered to a
/// caller (<see cref="AllowedActions"/>) both read it, so what the UI shows is exactly what the case accepts.
/// </summary>
public static class CaseLifecycle
{
    private static readonly CaseState[] Open =
        Enum.GetValues<CaseState>().Where(s => !s.IsTerminal()).ToArray();

    private static readonly CaseState[] Timed = Open.Where(s => s != CaseState.Suspended).ToArray();

    private static CaseState[] S(params CaseState[] states) => states;
    private static string[] R(params string[] roles) => roles;

    public static IReadOnlyList<CaseTransition> Table { get; } =
    [
        new(CaseAction.Accept, S(CaseState.Reported, CaseState.Verifying), S(CaseState.ToFile), R(CaseRoles.Acceptor, CaseRoles.System)),
        new(CaseAction.Refuse, S(CaseState.Reported, CaseState.Verifying), S(CaseState.NotAccepted), R(CaseRoles.Acceptor)),
        new(CaseAction.RequestVerification, S(CaseState.Reported), S(CaseState.Verifying), R(CaseRoles.Acceptor)),
        new(CaseAction.Verify, S(CaseState.Verifying), S(CaseState.Reported), R(CaseRoles.Patroller), CaseParty.NotHandlingDepartment),
        new(CaseAction.File, S(CaseState.ToFile), S(CaseState.ToDispatch), R(CaseRoles.ShiftLeader, CaseRoles.System)),
        new(CaseAction.Void, S(CaseState.ToFile, CaseState.ToDispatch, CaseState.Returned), S(CaseState.Voided), R(CaseRoles.ShiftLeader)),
        new(CaseAction.Dispatch, S(CaseState.ToDispatch, CaseState.Returned), S(CaseState.Dispatched), R(CaseRoles.Dispatcher, CaseRoles.System)),
        new(CaseAction.Assist, S(CaseState.Dispatched, CaseState.Handling, CaseState.Suspended, CaseState.FedBack, CaseState.Checking), [], R(CaseRoles.Dispatcher, CaseRoles.ShiftLeader)),
        new(CaseAction.MarkUnroutable, S(CaseState.ToDispatch, CaseState.Returned), [], R(CaseRoles.System)),
        new(CaseAction.Sign, S(CaseState.Dispatched), S(CaseState.Handling), R(CaseRoles.Handler), CaseParty.HandlingDepartment),
        new(CaseAction.Return, S(CaseState.Dispatched, CaseState.Handling), S(CaseState.Returned), R(CaseRoles.Handler), CaseParty.HandlingDepartment),
        new(CaseAction.RequestExtension, S(CaseState.Handling), [], R(CaseRoles.Handler), CaseParty.HandlingDepartment, NothingPending),
        new(CaseAction.ApproveExtension, S(CaseState.Handling), [], R(CaseRoles.Dispatcher, CaseRoles.ShiftLeader), Guard: Pending(PendingRequest.Extension)),
        new(CaseAction.RejectExtension, S(CaseState.Handling), [], R(CaseRoles.Dispatcher, CaseRoles.ShiftLeader), Guard: Pending(PendingRequest.Extension)),
        new(CaseAction.RequestSuspension, S(CaseState.Handling), [], R(CaseRoles.Handler), CaseParty.HandlingDepartment, NothingPending),
        new(CaseAction.ApproveSuspension, S(CaseState.Handling), S(CaseState.Suspended), R(CaseRoles.Dispatcher, CaseRoles.ShiftLeader), Guard: Pending(PendingRequest.Suspension)),
        new(CaseAction.RejectSuspension, S(CaseState.Handling), [], R(CaseRoles.Dispatcher, CaseRoles.ShiftLeader), Guard: Pending(PendingRequest.Suspension)),
        new(CaseAction.Resume, S(CaseState.Suspended), S(CaseState.Handling), R(CaseRoles.Dispatcher, CaseRoles.ShiftLeader)),
        new(CaseAction.Feedback, S(CaseState.Handling), S(CaseState.FedBack), R(CaseRoles.Handler), CaseParty.HandlingDepartment),
        new(CaseAction.RequestCheck, S(CaseState.FedBack), S(CaseState.Checking), R(CaseRoles.Acceptor), CaseParty.NotHandlingDepartment),
        new(CaseAction.Check, S(CaseState.Checking), S(CaseState.ToClose, CaseState.Handling), R(CaseRoles.Patroller), CaseParty.NotHandlingDepartment),
        new(CaseAction.Close, S(CaseState.ToClose), S(CaseState.Closed), R(CaseRoles.ShiftLeader), CaseParty.NotHandlingDepartment),
        new(CaseAction.Escalate, Open, [], R(CaseRoles.Leader, CaseRoles.System)),
        new(CaseAction.Callback, S(CaseState.Closed), S(CaseState.Archived), R(CaseRoles.Acceptor), CaseParty.NotHandlingDepartment, FromThePublic),
        new(CaseAction.SelfHandle, S(CaseState.Reported), S(CaseState.Closed), R(CaseRoles.Acceptor), Guard: ReportedAsSelfHandled),
        new(CaseAction.Warn, Timed, [], R(CaseRoles.System)),
        new(CaseAction.Overdue, Timed, [], R(CaseRoles.System)),
    ];

    private static readonly Dictionary<string, CaseTransition> ByAction = Table.ToDictionary(t => t.Action, StringComparer.Ordinal);

    /// <summary>The actions people take through the API, in table order.</summary>
    public static IReadOnlyList<string> PeopleActions { get; } = Table.Where(t => !t.SystemOnly).Select(t => t.Action).ToList();

    public static CaseTransition? Find(string action) => ByAction.GetValueOrDefault(action);

    public static CaseTransition Rule(string action) =>
        Find(action) ?? throw new ArgumentException($"'{action}' is not an action of the case lifecycle.", nameof(action));

    /// <summary>
    /// The table's answer, checked in this order: the role (403), the department side (403, once the case has a
    /// department), the state and the rule's condition (409).
    /// </summary>
    public static CaseDecision Decide(Case c, string action, Actor actor) => Decide(c, Rule(action), actor, out _);

    public static CaseDecision Decide(Case c, CaseTransition rule, Actor actor, out string reason)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(actor);
        if (!rule.Roles.Contains(actor.Role, StringComparer.Ordinal))
        {
            reason = $"The role '{actor.Role}' may not {rule.Action} a case; it is for {string.Join(", ", rule.Roles.Where(r => r != CaseRoles.System))}.";
            return CaseDecision.Forbidden;
        }

        var ownDepartment = c.DepartmentKey is not null
            && string.Equals(actor.DepartmentKey, c.DepartmentKey, StringComparison.Ordinal);
        if (rule.Party == CaseParty.HandlingDepartment && c.DepartmentKey is not null && !ownDepartment)
        {
            reason = $"Case {c.Number} is with department '{c.DepartmentKey}'; only its own people may {rule.Action} it.";
            return CaseDecision.Forbidden;
        }

        if (rule.Party == CaseParty.NotHandlingDepartment && ownDepartment)
        {
            reason = $"The department handling case {c.Number} may not {rule.Action} it (监管分离: supervision is separate from handling).";
            return CaseDecision.Forbidden;
        }

        if (!rule.From.Contains(c.State))
        {
            reason = $"Action '{rule.Action}' is not allowed in state {c.State}.";
            return CaseDecision.IllegalState;
        }

        if (rule.Party == CaseParty.HandlingDepartment && c.DepartmentKey is null)
        {
            reason = $"Case {c.Number} has no department to {rule.Action} it.";
            return CaseDecision.IllegalState;
        }

        if (rule.Guard?.Invoke(c) is { } refusal)
        {
            reason = refusal;
            return CaseDecision.IllegalState;
        }

        reason = "";
        return CaseDecision.Allowed;
    }

    /// <summary>The actions people holding <paramref name="actors"/> (one per role of the caller) may take on the case now.</summary>
    public static IReadOnlyList<string> AllowedActions(Case c, IEnumerable<Actor> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        // The software takes its actions on its own; the list is what people are offered.
        var all = actors.Where(a => a.Role != CaseRoles.System).ToList();
        return Table
            .Where(rule => !rule.SystemOnly && all.Any(a => Decide(c, rule, a, out _) == CaseDecision.Allowed))
            .Select(rule => rule.Action)
            .ToList();
    }

    /// <summary>Throws when the table refuses; used by every state-changing method of <see cref="Case"/>.</summary>
    internal static CaseTransition Ensure(Case c, string action, Actor actor)
    {
        var rule = Rule(action);
        return Decide(c, rule, actor, out var reason) switch
        {
            CaseDecision.Allowed => rule,
            CaseDecision.Forbidden => throw new CaseForbiddenException(action, actor.Role, reason),
            _ => throw new CaseTransitionException(action, c.State, reason),
        };
    }

    private static string? NothingPending(Case c) =>
        c.PendingRequest is { } pending ? $"A {Name(pending)} request is already waiting for an answer." : null;

    private static Func<Case, string?> Pending(PendingRequest kind) => c =>
        c.PendingRequest == kind ? null : $"No {Name(kind)} request is waiting for an answer.";

    private static string? FromThePublic(Case c) =>
        c.Source is CaseSource.Public or CaseSource.Hotline ? null : "Only reports from the public or a hotline get a callback.";

    private static string? ReportedAsSelfHandled(Case c) =>
        c.SelfHandled ? null : "Only a report the patroller marked as fixed on the spot can be closed as self-handled.";

    private static string Name(PendingRequest kind) => kind == PendingRequest.Extension ? "extension" : "suspension";
}
