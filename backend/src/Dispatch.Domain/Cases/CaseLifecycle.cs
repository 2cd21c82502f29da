namespace Dispatch.Domain.Cases;

/// <summary>Which side of 监管分离 (supervision separate from handling) the actor must stand on.</summary>
public enum CaseParty
{
    /// <summary>Anyone holding one of the roles.</summary>
    Anyone,
    /// <summary>
    /// Only people of the department the case is dispatched to, and the handler it was given to inside it (内部派遣),
    /// who may belong to a sub-unit.
    /// </summary>
    HandlingDepartment,
    /// <summary>Never people of the department the case is dispatched to: it does not check or close its own work.</summary>
    NotHandlingDepartment,
    /// <summary>Only people of the department the case is dispatched to itself: not its sub-units, not others.</summary>
    HoldingDepartment,
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
/// One row of the action table: the action and its two labels; the states it may be taken in and may lead to (empty:
/// the state stays); the roles that may take it, the party rule and an extra condition on the case; the fields of its
/// request and which are required; whether it takes photos; whether it sends the case backwards or away (drawn as a
/// warning); the event it announces; and what it does to the case. The API, the list of actions offered to a caller,
/// request validation, the outbox and the frontend all read this one row.
/// </summary>
public sealed record CaseTransition(
    string Action,
    string LabelZh,
    string LabelEn,
    IReadOnlyList<CaseState> From,
    IReadOnlyList<CaseState> To,
    IReadOnlyList<string> Roles,
    CaseParty Party = CaseParty.Anyone,
    Func<Case, string?>? Guard = null)
{
    public IReadOnlyList<ActionField> Fields { get; init; } = [];
    public bool Photos { get; init; }
    public bool Danger { get; init; }
    public CaseAnnouncement Announces { get; init; }
    /// <summary>Calls the case's method for the action; null for what only the software does through its own methods.</summary>
    public Action<Case, ActionArguments>? Apply { get; init; }

    /// <summary>Only the software takes it (routing, the sweeper); it is not offered to people.</summary>
    public bool SystemOnly => Roles.All(r => r == CaseRoles.System);

    /// <summary>A condition on the actor and the case, checked after the role: a refusal is 403.</summary>
    public Func<Case, Actor, string?>? ActorGuard { get; init; }

    public ActionField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

/// <summary>
/// The state machine of docs/domain.md §4 as one table. The aggregate's methods and the list of actions offered to a
/// caller (<see cref="AllowedActions"/>) both read it, so what the UI shows is exactly what the case accepts.
/// </summary>
public static class CaseLifecycle
{
    private static readonly CaseState[] Open =
        Enum.GetValues<CaseState>().Where(s => !s.IsTerminal()).ToArray();

    private static readonly CaseState[] Timed = Open.Where(s => s != CaseState.Suspended).ToArray();

    private static CaseState[] S(params CaseState[] states) => states;
    private static string[] R(params string[] roles) => roles;

    private static readonly ActionField[] OpinionOnly = [ActionField.Opinion];
    private static readonly ActionField[] ReasonOnly = [ActionField.Reason];

    public static IReadOnlyList<CaseTransition> Table { get; } =
    [
        new(CaseAction.Accept, "受理", "Accept", S(CaseState.Reported, CaseState.Verifying), S(CaseState.ToFile), R(CaseRoles.Acceptor, CaseRoles.System))
        {
            Fields = OpinionOnly,
            Apply = (c, a) => c.Accept(a.Actor, a.At, a.Opinion, a.Clock),
        },
        new(CaseAction.Refuse, "不予受理", "Refuse", S(CaseState.Reported, CaseState.Verifying), S(CaseState.NotAccepted), R(CaseRoles.Acceptor))
        {
            Fields = ReasonOnly, Danger = true,
            Apply = (c, a) => c.Refuse(a.Actor, a.At, a.Reason!),
        },
        new(CaseAction.RequestVerification, "发起核实", "Request verification", S(CaseState.Reported), S(CaseState.Verifying), R(CaseRoles.Acceptor))
        {
            Fields = OpinionOnly,
            Apply = (c, a) => c.RequestVerification(a.Actor, a.At, a.Opinion, a.Clock, a.OnSiteFallback),
        },
        new(CaseAction.Verify, "核实", "Verify", S(CaseState.Verifying), S(CaseState.Reported), R(CaseRoles.Patroller, CaseRoles.ShiftLeader), CaseParty.NotHandlingDepartment)
        {
            ActorGuard = ShiftLeaderOnlyAsFallback,
            Fields = OpinionOnly, Photos = true,
            Apply = (c, a) => c.Verify(a.Actor, a.At, a.Opinion, a.Photos, a.Clock),
        },
        new(CaseAction.File, "立案", "File", S(CaseState.ToFile), S(CaseState.ToDispatch), R(CaseRoles.ShiftLeader, CaseRoles.System))
        {
            Fields = [new("categoryId", ActionFieldKind.Category), new("conditionId", ActionFieldKind.Condition), ActionField.Opinion],
            Announces = CaseAnnouncement.Filed,
            // The clock of the next step (dispatch) does not depend on the category, so it may be built before a correction.
            Apply = (c, a) => c.File(a.Actor, a.At, a.Opinion, a.Clock, a.CategoryId, a.ConditionId),
        },
        new(CaseAction.Void, "作废", "Void", S(CaseState.ToFile, CaseState.ToDispatch, CaseState.Returned), S(CaseState.Voided), R(CaseRoles.ShiftLeader))
        {
            Fields = ReasonOnly, Danger = true,
            Apply = (c, a) => c.Void(a.Actor, a.At, a.Reason!),
        },
        new(CaseAction.Dispatch, "派遣", "Dispatch", S(CaseState.ToDispatch, CaseState.Returned), S(CaseState.Dispatched), R(CaseRoles.Dispatcher, CaseRoles.System))
        {
            Fields = [new("departmentKey", ActionFieldKind.Department, Required: true), new("assistingDepartmentKeys", ActionFieldKind.Departments), ActionField.Opinion],
            Announces = CaseAnnouncement.Dispatched,
            Apply = (c, a) =>
            {
                c.Dispatch(a.Department!.Value.Id, a.Department.Value.Key, a.Actor, a.At, a.Opinion, a.Clock);
                if (a.Assisting is { Count: > 0 } assisting)
                    c.SetAssistingDepartments(assisting, a.Actor, a.At);
            },
        },
        new(CaseAction.Assist, "协办", "Assist", S(CaseState.Dispatched, CaseState.Handling, CaseState.Suspended, CaseState.FedBack, CaseState.Checking), [], R(CaseRoles.Dispatcher, CaseRoles.ShiftLeader))
        {
            Fields = [new("assistingDepartmentKeys", ActionFieldKind.Departments, Required: true), ActionField.Opinion],
            Apply = (c, a) => c.SetAssistingDepartments(a.Assisting!, a.Actor, a.At, a.Opinion),
        },
        new(CaseAction.MarkUnroutable, "转人工派遣", "Left for manual dispatch", S(CaseState.ToDispatch, CaseState.Returned), [], R(CaseRoles.System))
        {
            Announces = CaseAnnouncement.Unroutable,
        },
        new(CaseAction.AssignHandler, "内部派遣", "Assign to a handler", S(CaseState.Dispatched, CaseState.Handling), [], R(CaseRoles.Handler), CaseParty.HoldingDepartment)
        {
            Fields = [new("assigneeUserName", ActionFieldKind.Person, Required: true), ActionField.Opinion],
            Apply = (c, a) => c.AssignHandler(a.Actor, a.At, a.Assignee!.Value.UserName, a.Assignee.Value.DepartmentKey, a.Opinion),
        },
        new(CaseAction.Sign, "签收", "Sign for", S(CaseState.Dispatched), S(CaseState.Handling), R(CaseRoles.Handler), CaseParty.HandlingDepartment)
        {
            Fields = OpinionOnly,
            Apply = (c, a) => c.Sign(a.Actor, a.At, a.Opinion),
        },
        new(CaseAction.Return, "回退", "Return", S(CaseState.Dispatched, CaseState.Handling), S(CaseState.Returned), R(CaseRoles.Handler), CaseParty.HandlingDepartment)
        {
            Fields = ReasonOnly, Danger = true, Announces = CaseAnnouncement.Returned,
            Apply = (c, a) => c.Return(a.Actor, a.At, a.Reason!, a.Clock),
        },
        new(CaseAction.RequestExtension, "申请延期", "Request extension", S(CaseState.Handling), [], R(CaseRoles.Handler), CaseParty.HandlingDepartment, NothingPending)
        {
            Fields = [new("limit", ActionFieldKind.Limit, Required: true), ActionField.OptionalReason],
            Apply = (c, a) => c.RequestExtension(a.Actor, a.At, a.Limit!, a.Reason ?? a.Opinion),
        },
        new(CaseAction.ApproveExtension, "批准延期", "Approve extension", S(CaseState.Handling), [], R(CaseRoles.Dispatcher, CaseRoles.ShiftLeader), Guard: Pending(PendingRequest.Extension))
        {
            Fields = [new("limit", ActionFieldKind.Limit), ActionField.Opinion],
            Apply = (c, a) => c.ApproveExtension(a.Actor, a.At, a.Limit, a.Opinion, a.Clock),
        },
        new(CaseAction.RejectExtension, "驳回延期", "Reject extension", S(CaseState.Handling), [], R(CaseRoles.Dispatcher, CaseRoles.ShiftLeader), Guard: Pending(PendingRequest.Extension))
        {
            Fields = ReasonOnly, Danger = true,
            Apply = (c, a) => c.RejectExtension(a.Actor, a.At, a.Reason!),
        },
        new(CaseAction.RequestSuspension, "申请挂账", "Request suspension", S(CaseState.Handling), [], R(CaseRoles.Handler), CaseParty.HandlingDepartment, NothingPending)
        {
            Fields = ReasonOnly,
            Apply = (c, a) => c.RequestSuspension(a.Actor, a.At, a.Reason!),
        },
        new(CaseAction.ApproveSuspension, "批准挂账", "Approve suspension", S(CaseState.Handling), S(CaseState.Suspended), R(CaseRoles.Dispatcher, CaseRoles.ShiftLeader), Guard: Pending(PendingRequest.Suspension))
        {
            Fields = OpinionOnly,
            Apply = (c, a) => c.ApproveSuspension(a.Actor, a.At, a.Opinion),
        },
        new(CaseAction.RejectSuspension, "驳回挂账", "Reject suspension", S(CaseState.Handling), [], R(CaseRoles.Dispatcher, CaseRoles.ShiftLeader), Guard: Pending(PendingRequest.Suspension))
        {
            Fields = ReasonOnly, Danger = true,
            Apply = (c, a) => c.RejectSuspension(a.Actor, a.At, a.Reason!),
        },
        new(CaseAction.Resume, "恢复处置", "Resume", S(CaseState.Suspended), S(CaseState.Handling), R(CaseRoles.Dispatcher, CaseRoles.ShiftLeader))
        {
            Fields = OpinionOnly,
            Apply = (c, a) => c.Resume(a.Actor, a.At, a.Opinion, a.Clock),
        },
        new(CaseAction.Feedback, "处置反馈", "Report handled", S(CaseState.Handling), S(CaseState.FedBack), R(CaseRoles.Handler), CaseParty.HandlingDepartment)
        {
            Fields = OpinionOnly, Photos = true,
            Apply = (c, a) => c.Feedback(a.Actor, a.At, a.Opinion, a.Photos, a.Clock),
        },
        new(CaseAction.RequestCheck, "发起核查", "Request check", S(CaseState.FedBack), S(CaseState.Checking), R(CaseRoles.Acceptor), CaseParty.NotHandlingDepartment)
        {
            Fields = OpinionOnly,
            Apply = (c, a) => c.RequestCheck(a.Actor, a.At, a.Opinion, a.OnSiteFallback),
        },
        new(CaseAction.Check, "核查", "Check", S(CaseState.Checking), S(CaseState.ToClose, CaseState.Handling), R(CaseRoles.Patroller, CaseRoles.ShiftLeader), CaseParty.NotHandlingDepartment)
        {
            ActorGuard = ShiftLeaderOnlyAsFallback,
            Fields = [new("passed", ActionFieldKind.Boolean, Required: true), new("opinion", ActionFieldKind.Text, When: new RequiredWhen("passed", false))],
            Photos = true,
            Apply = (c, a) => c.Check(a.Actor, a.At, a.Passed!.Value, a.Opinion, a.Photos, a.Clock),
        },
        new(CaseAction.Close, "结案", "Close", S(CaseState.ToClose), S(CaseState.Closed), R(CaseRoles.ShiftLeader), CaseParty.NotHandlingDepartment)
        {
            Fields = OpinionOnly, Announces = CaseAnnouncement.Closed,
            Apply = (c, a) => c.Close(a.Actor, a.At, a.Opinion),
        },
        new(CaseAction.Escalate, "督办", "Escalate", Open, [], R(CaseRoles.Leader, CaseRoles.System))
        {
            Fields = [ActionField.Instruction], Announces = CaseAnnouncement.Escalated,
            Apply = (c, a) => c.Escalate(a.Actor, a.At, a.Instruction!),
        },
        new(CaseAction.Callback, "回访", "Call back", S(CaseState.Closed), S(CaseState.Archived, CaseState.Handling), R(CaseRoles.Acceptor), CaseParty.NotHandlingDepartment, FromThePublic)
        {
            // Unsatisfied reopens the case for rework with its department, so the caller's words are required then.
            Fields = [new("satisfied", ActionFieldKind.Boolean, Required: true), new("opinion", ActionFieldKind.Text, When: new RequiredWhen("satisfied", false))],
            Apply = (c, a) => c.Callback(a.Actor, a.At, a.Satisfied!.Value, a.Opinion, a.Clock),
        },
        new(CaseAction.SelfHandle, "自行处置结案", "Close as fixed on the spot", S(CaseState.Reported), S(CaseState.Closed), R(CaseRoles.Acceptor), Guard: ReportedAsSelfHandled)
        {
            Fields = OpinionOnly, Photos = true, Announces = CaseAnnouncement.Closed,
            Apply = (c, a) => c.SelfHandle(a.Actor, a.At, a.Opinion, a.Photos),
        },
        new(CaseAction.Warn, "时限预警", "Time limit warning", Timed, [], R(CaseRoles.System)) { Announces = CaseAnnouncement.DeadlineWarning },
        new(CaseAction.Overdue, "超时", "Overdue", Timed, [], R(CaseRoles.System)) { Announces = CaseAnnouncement.Overdue },
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

        if (rule.ActorGuard?.Invoke(c, actor) is { } refused)
        {
            reason = refused;
            return CaseDecision.Forbidden;
        }

        var holding = c.DepartmentKey is not null
            && string.Equals(actor.DepartmentKey, c.DepartmentKey, StringComparison.Ordinal);
        // The handler the case was given to (内部派遣) acts for the department, even from a sub-unit.
        var assignee = c.AssigneeUserName is not null && actor.Role == CaseRoles.Handler
            && string.Equals(actor.UserName, c.AssigneeUserName, StringComparison.Ordinal);
        var ownDepartment = holding || assignee;
        if (rule.Party == CaseParty.HoldingDepartment && c.DepartmentKey is not null && !holding)
        {
            reason = $"Case {c.Number} is with department '{c.DepartmentKey}'; only its own people may {rule.Action} it.";
            return CaseDecision.Forbidden;
        }

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

        if (rule.Party is CaseParty.HandlingDepartment or CaseParty.HoldingDepartment && c.DepartmentKey is null)
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

    /// <summary>
    /// A shift leader verifies or checks only a task handed to the shift leaders because nobody was on duty in the grid
    /// (the last fallback); otherwise on-site work is the patrollers'.
    /// </summary>
    private static string? ShiftLeaderOnlyAsFallback(Case c, Actor actor) =>
        actor.Role == CaseRoles.ShiftLeader && c.OnSiteFallback != OnSiteHolder.ShiftLeaders
            ? $"A shift leader does this on-site task only when it was handed to the shift leaders because nobody is on duty in the grid; case {c.Number} waits for a patroller."
            : null;

    private static string? NothingPending(Case c) =>
        c.PendingRequest is { } pending ? $"A {Name(pending)} request is already waiting for an answer." : null;

    private static Func<Case, string?> Pending(PendingRequest kind) => c =>
        c.PendingRequest == kind ? null : $"No {Name(kind)} request is waiting for an answer.";

    private static string? FromThePublic(Case c) =>
        c.Source is not (CaseSource.Public or CaseSource.Hotline) ? "Only reports from the public or a hotline get a callback."
        : c.DepartmentKey is null ? "A case closed without a department cannot be called back." : null;

    private static string? ReportedAsSelfHandled(Case c) =>
        c.SelfHandled ? null : "Only a report the patroller marked as fixed on the spot can be closed as self-handled.";

    private static string Name(PendingRequest kind) => kind == PendingRequest.Extension ? "extension" : "suspension";
}
