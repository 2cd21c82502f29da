using Dispatch.Domain.Calendar;
using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Tests.Cases;

/// <summary>
/// Walks every state × action × role. The expectations below are written out from docs/domain.md §3–§4 on their own, not
/// read from <see cref="CaseLifecycle.Table"/>, so that a slip in the table shows up as a difference here.
/// </summary>
public sealed class LifecycleTableTests
{
    private const string Department = "xs-traffic";
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid DepartmentId = Guid.CreateVersion7();

    private static readonly CaseClock Clock = new(
        new DeadlineCalculator(new WorkingCalendar(HolidayCalendarJson.LoadEmbedded2026())),
        stage => stage == CaseStage.Handle ? TimeLimit.WorkingHours(4) : TimeLimit.WorkingHours(0.5m));

    private static readonly CaseState[] AllStates = Enum.GetValues<CaseState>();
    private static readonly CaseState[] Open = AllStates.Where(s => !s.IsTerminal()).ToArray();

    private static readonly string[] People = [CaseRoles.Patroller, CaseRoles.Acceptor, CaseRoles.ShiftLeader, CaseRoles.Dispatcher, CaseRoles.Handler, CaseRoles.Leader, CaseRoles.Admin];

    /// <summary>action → (states it may be taken in, roles that may take it).</summary>
    private static readonly Dictionary<string, (CaseState[] From, string[] Roles)> Expected = new()
    {
        [CaseAction.Accept] = ([CaseState.Reported, CaseState.Verifying], [CaseRoles.Acceptor, CaseRoles.System]),
        [CaseAction.Refuse] = ([CaseState.Reported, CaseState.Verifying], [CaseRoles.Acceptor]),
        [CaseAction.RequestVerification] = ([CaseState.Reported], [CaseRoles.Acceptor]),
        [CaseAction.Verify] = ([CaseState.Verifying], [CaseRoles.Patroller]),
        [CaseAction.File] = ([CaseState.ToFile], [CaseRoles.ShiftLeader, CaseRoles.System]),
        [CaseAction.Void] = ([CaseState.ToFile, CaseState.ToDispatch, CaseState.Returned], [CaseRoles.ShiftLeader]),
        [CaseAction.Dispatch] = ([CaseState.ToDispatch, CaseState.Returned], [CaseRoles.Dispatcher, CaseRoles.System]),
        [CaseAction.MarkUnroutable] = ([CaseState.ToDispatch, CaseState.Returned], [CaseRoles.System]),
        [CaseAction.Assist] = ([CaseState.Dispatched, CaseState.Handling, CaseState.Suspended, CaseState.FedBack, CaseState.Checking],
            [CaseRoles.Dispatcher, CaseRoles.ShiftLeader]),
        [CaseAction.AssignHandler] = ([CaseState.Dispatched, CaseState.Handling], [CaseRoles.Handler]),
        [CaseAction.Sign] = ([CaseState.Dispatched], [CaseRoles.Handler]),
        [CaseAction.Return] = ([CaseState.Dispatched, CaseState.Handling], [CaseRoles.Handler]),
        [CaseAction.RequestExtension] = ([CaseState.Handling], [CaseRoles.Handler]),
        [CaseAction.ApproveExtension] = ([CaseState.Handling], [CaseRoles.Dispatcher, CaseRoles.ShiftLeader]),
        [CaseAction.RejectExtension] = ([CaseState.Handling], [CaseRoles.Dispatcher, CaseRoles.ShiftLeader]),
        [CaseAction.RequestSuspension] = ([CaseState.Handling], [CaseRoles.Handler]),
        [CaseAction.ApproveSuspension] = ([CaseState.Handling], [CaseRoles.Dispatcher, CaseRoles.ShiftLeader]),
        [CaseAction.RejectSuspension] = ([CaseState.Handling], [CaseRoles.Dispatcher, CaseRoles.ShiftLeader]),
        [CaseAction.Resume] = ([CaseState.Suspended], [CaseRoles.Dispatcher, CaseRoles.ShiftLeader]),
        [CaseAction.Feedback] = ([CaseState.Handling], [CaseRoles.Handler]),
        [CaseAction.RequestCheck] = ([CaseState.FedBack], [CaseRoles.Acceptor]),
        [CaseAction.Check] = ([CaseState.Checking], [CaseRoles.Patroller]),
        [CaseAction.Close] = ([CaseState.ToClose], [CaseRoles.ShiftLeader]),
        [CaseAction.Escalate] = (Open, [CaseRoles.Leader, CaseRoles.System]),
        [CaseAction.Callback] = ([CaseState.Closed], [CaseRoles.Acceptor]),
        [CaseAction.SelfHandle] = ([CaseState.Reported], [CaseRoles.Acceptor]),
        [CaseAction.Warn] = (Open.Where(s => s != CaseState.Suspended).ToArray(), [CaseRoles.System]),
        [CaseAction.Overdue] = (Open.Where(s => s != CaseState.Suspended).ToArray(), [CaseRoles.System]),
    };

    /// <summary>Each action through the aggregate's own method, with valid arguments.</summary>
    private static readonly Dictionary<string, Action<Case, Actor>> Take = new()
    {
        [CaseAction.Accept] = (c, a) => c.Accept(a, T0, null, Clock),
        [CaseAction.Refuse] = (c, a) => c.Refuse(a, T0, "不属于城管范围"),
        [CaseAction.RequestVerification] = (c, a) => c.RequestVerification(a, T0, null, Clock),
        [CaseAction.Verify] = (c, a) => c.Verify(a, T0, "属实", null, Clock),
        [CaseAction.File] = (c, a) => c.File(a, T0, null, Clock),
        [CaseAction.Void] = (c, a) => c.Void(a, T0, "重复上报"),
        [CaseAction.Dispatch] = (c, a) => c.Dispatch(DepartmentId, Department, a, T0, null, Clock),
        [CaseAction.MarkUnroutable] = (c, a) => c.MarkUnroutable(a, T0, UnroutableReasons.NoRule),
        [CaseAction.Assist] = (c, a) => c.SetAssistingDepartments([(Guid.CreateVersion7(), "xs-municipal")], a, T0),
        [CaseAction.AssignHandler] = (c, a) => c.AssignHandler(a, T0, "handler.b", Department),
        [CaseAction.Sign] = (c, a) => c.Sign(a, T0),
        [CaseAction.Return] = (c, a) => c.Return(a, T0, "不属于本单位", Clock),
        [CaseAction.RequestExtension] = (c, a) => c.RequestExtension(a, T0, TimeLimit.WorkingDays(1), "需要施工"),
        [CaseAction.ApproveExtension] = (c, a) => c.ApproveExtension(a, T0, null, null, Clock),
        [CaseAction.RejectExtension] = (c, a) => c.RejectExtension(a, T0, "理由不足"),
        [CaseAction.RequestSuspension] = (c, a) => c.RequestSuspension(a, T0, "需要立项"),
        [CaseAction.ApproveSuspension] = (c, a) => c.ApproveSuspension(a, T0),
        [CaseAction.RejectSuspension] = (c, a) => c.RejectSuspension(a, T0, "可以处置"),
        [CaseAction.Resume] = (c, a) => c.Resume(a, T0, null, Clock),
        [CaseAction.Feedback] = (c, a) => c.Feedback(a, T0, "已处理"),
        [CaseAction.RequestCheck] = (c, a) => c.RequestCheck(a, T0),
        [CaseAction.Check] = (c, a) => c.Check(a, T0, true, "合格"),
        [CaseAction.Close] = (c, a) => c.Close(a, T0),
        [CaseAction.Escalate] = (c, a) => c.Escalate(a, T0, "尽快处理"),
        [CaseAction.Callback] = (c, a) => c.Callback(a, T0, true),
        [CaseAction.SelfHandle] = (c, a) => c.SelfHandle(a, T0),
    };

    public static TheoryData<string> Actions => new(CaseLifecycle.Table.Select(t => t.Action));

    [Fact]
    public void The_table_and_the_expectations_name_the_same_actions()
    {
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), CaseLifecycle.Table.Select(t => t.Action).Order(StringComparer.Ordinal));
        Assert.Equal(CaseLifecycle.Table.Count, CaseLifecycle.Table.Select(t => t.Action).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Every_state_and_role_gets_allow_forbidden_or_illegal_state_as_written(string action)
    {
        var (from, roles) = Expected[action];
        var failures = new List<string>();
        foreach (var state in AllStates)
        {
            foreach (var role in People.Append(CaseRoles.System))
            {
                var expected = !roles.Contains(role) ? CaseDecision.Forbidden
                    : !from.Contains(state) ? CaseDecision.IllegalState
                    : CaseDecision.Allowed;
                var c = InState(state, action);
                var actor = ActorFor(role);

                var decided = CaseLifecycle.Decide(c, action, actor);
                if (decided != expected)
                    failures.Add($"{state} × {role}: table says {decided}, expected {expected}");

                var offered = CaseLifecycle.AllowedActions(c, [actor]).Contains(action);
                var shouldOffer = expected == CaseDecision.Allowed && role != CaseRoles.System;
                if (offered != shouldOffer)
                    failures.Add($"{state} × {role}: allowedActions {(offered ? "offers" : "omits")} it");

                if (Take.TryGetValue(action, out var take))
                {
                    var version = c.Version;
                    var outcome = Run(() => take(c, actor));
                    if (outcome != expected)
                        failures.Add($"{state} × {role}: the aggregate answered {outcome}, expected {expected}");
                    if (outcome != CaseDecision.Allowed && (c.Version != version || c.State != state))
                        failures.Add($"{state} × {role}: a refused action changed the case");
                    if (outcome == CaseDecision.Allowed && c.Version != version + 1)
                        failures.Add($"{state} × {role}: an allowed action must append exactly one trace row");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{action}:\n  {string.Join("\n  ", failures)}");
    }

    [Theory]
    [InlineData(CaseAction.Sign, CaseState.Dispatched)]
    [InlineData(CaseAction.AssignHandler, CaseState.Handling)]
    [InlineData(CaseAction.Return, CaseState.Handling)]
    [InlineData(CaseAction.Feedback, CaseState.Handling)]
    [InlineData(CaseAction.RequestExtension, CaseState.Handling)]
    [InlineData(CaseAction.RequestSuspension, CaseState.Handling)]
    public void A_handler_of_another_department_may_not_act_on_the_case(string action, CaseState state)
    {
        var c = InState(state, action);
        var stranger = new Actor("handler.xs-sanitation", CaseRoles.Handler, "xs-sanitation");

        Assert.Equal(CaseDecision.Forbidden, CaseLifecycle.Decide(c, action, stranger));
        Assert.Throws<CaseForbiddenException>(() => Take[action](c, stranger));
        Assert.DoesNotContain(action, CaseLifecycle.AllowedActions(c, [stranger]));
    }

    [Theory]
    [InlineData(CaseAction.Check, CaseState.Checking, CaseRoles.Patroller)]
    [InlineData(CaseAction.RequestCheck, CaseState.FedBack, CaseRoles.Acceptor)]
    [InlineData(CaseAction.Close, CaseState.ToClose, CaseRoles.ShiftLeader)]
    public void The_handling_department_never_checks_or_closes_its_own_case(string action, CaseState state, string role)
    {
        var c = InState(state, action);
        var insider = new Actor("someone", role, Department);

        var e = Assert.Throws<CaseForbiddenException>(() => Take[action](c, insider));

        Assert.Contains("监管分离", e.Message, StringComparison.Ordinal);
        Assert.Equal(state, c.State);
        Assert.Equal(CaseDecision.Allowed, CaseLifecycle.Decide(c, action, new Actor("outsider", role, "xs-sanitation")));
    }

    [Fact]
    public void Extension_and_suspension_answers_need_a_request_waiting_and_a_second_request_waits_for_the_first()
    {
        var c = InState(CaseState.Handling, CaseAction.Sign);
        var dispatcher = ActorFor(CaseRoles.Dispatcher);
        var handler = ActorFor(CaseRoles.Handler);

        foreach (var answer in new[] { CaseAction.ApproveExtension, CaseAction.RejectExtension, CaseAction.ApproveSuspension, CaseAction.RejectSuspension })
            Assert.Throws<CaseTransitionException>(() => Take[answer](c, dispatcher));

        c.RequestExtension(handler, T0, TimeLimit.WorkingDays(1), "需要施工");
        Assert.Throws<CaseTransitionException>(() => c.RequestSuspension(handler, T0, "needs funding"));
        Assert.Throws<CaseTransitionException>(() => c.ApproveSuspension(dispatcher, T0));
        Assert.Equal([CaseAction.Assist, CaseAction.ApproveExtension, CaseAction.RejectExtension, CaseAction.Escalate],
            CaseLifecycle.AllowedActions(c, [dispatcher, ActorFor(CaseRoles.Leader)]));
    }

    [Fact]
    public void Only_public_and_hotline_reports_get_a_callback()
    {
        var patrol = Walk(Case.Report(Guid.CreateVersion7(), "450304-2026-000002", CaseSource.Patrol, Guid.CreateVersion7(), null,
            110.29, 25.255, "d", "450304", ActorFor(CaseRoles.Patroller), T0), CaseState.Closed, "");

        var e = Assert.Throws<CaseTransitionException>(() => patrol.Callback(ActorFor(CaseRoles.Acceptor), T0, true));
        Assert.Contains("callback", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_report_fixed_on_the_spot_can_be_closed_as_self_handled()
    {
        var c = Case.Report(Guid.CreateVersion7(), "450304-2026-000003", CaseSource.Patrol, Guid.CreateVersion7(), null,
            110.29, 25.255, "d", "450304", ActorFor(CaseRoles.Patroller), T0);

        Assert.Throws<CaseTransitionException>(() => c.SelfHandle(ActorFor(CaseRoles.Acceptor), T0));
        Assert.DoesNotContain(CaseAction.SelfHandle, CaseLifecycle.AllowedActions(c, [ActorFor(CaseRoles.Acceptor)]));
    }

    [Fact]
    public void The_role_names_are_the_signed_in_role_names()
    {
        Assert.Equal(["patroller", "acceptor", "shift-leader", "dispatcher", "handler", "leader", "admin", "system"], CaseRoles.All);
    }

    private static CaseDecision Run(Action take)
    {
        try
        {
            take();
            return CaseDecision.Allowed;
        }
        catch (CaseForbiddenException)
        {
            return CaseDecision.Forbidden;
        }
        catch (CaseTransitionException)
        {
            return CaseDecision.IllegalState;
        }
    }

    private static Actor ActorFor(string role) => role switch
    {
        CaseRoles.System => Actor.System,
        CaseRoles.Handler => new Actor($"handler.{Department}", role, Department),
        _ => new Actor($"{role}1", role),
    };

    /// <summary>
    /// A hotline report the patroller also marked as fixed on the spot, walked to <paramref name="state"/>, with the
    /// request waiting that <paramref name="action"/> answers: every condition of the table holds, so only role and
    /// state decide.
    /// </summary>
    private static Case InState(CaseState state, string action)
    {
        var c = Case.Report(Guid.CreateVersion7(), "450304-2026-000001", CaseSource.Hotline, Guid.CreateVersion7(), null,
            110.29, 25.255, "人行道上停了一辆车", "450304", ActorFor(CaseRoles.Acceptor), T0,
            details: new ReportDetails("张先生", "13800000000", SelfHandled: true), clock: Clock);
        return Walk(c, state, action);
    }

    private static Case Walk(Case c, CaseState state, string action)
    {
        var acceptor = ActorFor(CaseRoles.Acceptor);
        var shiftLeader = ActorFor(CaseRoles.ShiftLeader);
        var dispatcher = ActorFor(CaseRoles.Dispatcher);
        var handler = ActorFor(CaseRoles.Handler);
        var patroller = ActorFor(CaseRoles.Patroller);

        void Handling()
        {
            c.Accept(acceptor, T0, null, Clock);
            c.File(shiftLeader, T0, null, Clock);
            c.Dispatch(DepartmentId, Department, dispatcher, T0, null, Clock);
            c.Sign(handler, T0);
        }

        void Checking()
        {
            Handling();
            c.Feedback(handler, T0, "已处理");
            c.RequestCheck(acceptor, T0);
        }

        void Closed()
        {
            Checking();
            c.Check(patroller, T0, true, "合格");
            c.Close(shiftLeader, T0);
        }

        switch (state)
        {
            case CaseState.Reported:
                break;
            case CaseState.Verifying:
                c.RequestVerification(acceptor, T0, null, Clock);
                break;
            case CaseState.NotAccepted:
                c.Refuse(acceptor, T0, "不属于城管范围");
                break;
            case CaseState.ToFile:
                c.Accept(acceptor, T0, null, Clock);
                break;
            case CaseState.Voided:
                c.Accept(acceptor, T0, null, Clock);
                c.Void(shiftLeader, T0, "重复");
                break;
            case CaseState.ToDispatch:
                c.Accept(acceptor, T0, null, Clock);
                c.File(shiftLeader, T0, null, Clock);
                break;
            case CaseState.Dispatched:
                c.Accept(acceptor, T0, null, Clock);
                c.File(shiftLeader, T0, null, Clock);
                c.Dispatch(DepartmentId, Department, dispatcher, T0, null, Clock);
                break;
            case CaseState.Returned:
                Handling();
                c.Return(handler, T0, "不属于本单位", Clock);
                break;
            case CaseState.Handling:
                Handling();
                if (action is CaseAction.ApproveExtension or CaseAction.RejectExtension)
                    c.RequestExtension(handler, T0, TimeLimit.WorkingDays(1), "需要施工");
                if (action is CaseAction.ApproveSuspension or CaseAction.RejectSuspension)
                    c.RequestSuspension(handler, T0, "需要立项");
                break;
            case CaseState.Suspended:
                Handling();
                c.RequestSuspension(handler, T0, "需要立项");
                c.ApproveSuspension(dispatcher, T0);
                break;
            case CaseState.FedBack:
                Handling();
                c.Feedback(handler, T0, "已处理");
                break;
            case CaseState.Checking:
                Checking();
                break;
            case CaseState.ToClose:
                Checking();
                c.Check(patroller, T0, true, "合格");
                break;
            case CaseState.Closed:
                Closed();
                break;
            case CaseState.Archived:
                Closed();
                c.Callback(acceptor, T0, true);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, "No walk to this state yet.");
        }

        Assert.Equal(state, c.State);
        return c;
    }
}
