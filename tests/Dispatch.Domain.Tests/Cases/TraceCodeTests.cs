using Dispatch.Domain.Calendar;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Grids;

namespace Dispatch.Domain.Tests.Cases;

/// <summary>
/// Every trace row says what happened as a code with parameters, and keeps in its opinion only what a person wrote.
/// The walks below take every path through the aggregate; together they must write exactly the codes of
/// <see cref="TraceCodes.All"/>, so a new code cannot appear without readers being told of it.
/// </summary>
public sealed class TraceCodeTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Monday0900 = new(2026, 3, 2, 9, 0, 0, China);
    private static readonly CaseClock Clock = new(
        new DeadlineCalculator(new WorkingCalendar(HolidayCalendarJson.LoadEmbedded2026())),
        stage => stage == CaseStage.Handle ? TimeLimit.WorkingHours(4) : TimeLimit.WorkingHours(0.5m));

    private static readonly Guid Category = Guid.CreateVersion7();
    private static readonly Guid TrafficId = Guid.CreateVersion7();
    private static readonly Actor Patroller = new("patroller1", CaseRoles.Patroller);
    private static readonly Actor Acceptor = new("acceptor1", CaseRoles.Acceptor);
    private static readonly Actor ShiftLeader = new("shiftleader1", CaseRoles.ShiftLeader);
    private static readonly Actor Dispatcher = new("dispatcher1", CaseRoles.Dispatcher);
    private static readonly Actor Handler = new("handler.xs-traffic", CaseRoles.Handler, "xs-traffic");
    private static readonly Actor Leader = new("leader1", CaseRoles.Leader);

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, China);

    /// <summary>A hotline report, so that it may be called back once closed.</summary>
    private static Case Reported(Actor? reporter = null, CaseSource source = CaseSource.Hotline) => Case.Report(Guid.CreateVersion7(), "450304-2026-000020",
        source, Category, null, 110.29, 25.255, "井盖缺失", "450304", reporter ?? Patroller, Monday0900,
        location: null, clock: Clock);

    private static Case Filed(CaseSource source = CaseSource.Hotline)
    {
        var c = Reported(null, source);
        c.Accept(Actor.System, Monday0900, null, Clock);
        c.File(Actor.System, Monday0900, null, Clock);
        return c;
    }

    private static Case Handling(CaseSource source = CaseSource.Hotline)
    {
        var c = Filed(source);
        c.Dispatch(TrafficId, "xs-traffic", Dispatcher, Monday0900, null, Clock);
        c.Sign(Handler, Monday0900);
        return c;
    }

    private static Case Checking(CaseSource source = CaseSource.Hotline)
    {
        var c = Handling(source);
        c.Feedback(Handler, Monday0900, "已补装");
        c.RequestCheck(Acceptor, Monday0900);
        return c;
    }

    private static Case Closed(CaseSource source = CaseSource.Hotline)
    {
        var c = Checking(source);
        c.Check(Patroller, Monday0900, true, null);
        c.Close(ShiftLeader, Monday0900);
        return c;
    }

    private static void AssertRow(CaseTrace row, string code, string? opinion, params (string Name, string Value)[] parameters)
    {
        Assert.Equal(code, row.Code);
        Assert.Equal(opinion, row.Opinion);
        Assert.Equal(parameters.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"),
            row.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
    }

    [Fact]
    public void Intake_by_the_policy_writes_automatic_codes_and_a_person_writes_plain_ones_with_their_opinion()
    {
        var auto = Filed();
        AssertRow(auto.Trace[0], TraceCodes.Report, null);
        AssertRow(auto.Trace[1], TraceCodes.AcceptAuto, null);
        AssertRow(auto.Trace[2], TraceCodes.FileAuto, null);

        var manual = Reported();
        manual.Accept(Acceptor, Monday0900, "属实", Clock);
        manual.File(ShiftLeader, Monday0900, "同意立案", Clock);
        AssertRow(manual.Trace[1], TraceCodes.Accept, "属实");
        AssertRow(manual.Trace[2], TraceCodes.File, "同意立案");
    }

    [Fact]
    public void Filing_under_another_category_names_it_and_its_condition()
    {
        var other = Guid.CreateVersion7();
        var condition = Guid.CreateVersion7();
        var c = Reported();
        c.Accept(Acceptor, Monday0900, null, Clock);

        c.File(ShiftLeader, Monday0900, null, Clock, other, condition);

        AssertRow(c.Trace[^1], TraceCodes.FileRecategorized, null,
            (TraceParameters.CategoryId, other.ToString()), (TraceParameters.ConditionId, condition.ToString()));
        Assert.Equal((other, (Guid?)condition), (c.CategoryId, c.ConditionId));
    }

    [Fact]
    public void Verification_refusal_and_voiding_keep_the_persons_words()
    {
        var verified = Reported();
        verified.RequestVerification(Acceptor, Monday0900, "请核实", Clock);
        verified.Verify(Patroller, Monday0900, "属实", null, Clock);
        AssertRow(verified.Trace[1], TraceCodes.RequestVerification, "请核实");
        AssertRow(verified.Trace[2], TraceCodes.Verify, "属实");

        var refused = Reported();
        refused.Refuse(Acceptor, Monday0900, "不属于城管范围");
        AssertRow(refused.Trace[^1], TraceCodes.Refuse, "不属于城管范围");

        var voided = Filed();
        voided.Void(ShiftLeader, Monday0900, "重复上报");
        AssertRow(voided.Trace[^1], TraceCodes.Void, "重复上报");
    }

    [Fact]
    public void A_dispatch_names_the_department_and_for_a_rule_the_rule_without_writing_a_sentence()
    {
        var rule = Guid.CreateVersion7();
        var byRule = Filed();
        byRule.Dispatch(TrafficId, "xs-traffic", new Actor("system", CaseRoles.System, "xs-traffic"), Monday0900, null, Clock, rule);
        AssertRow(byRule.Trace[^1], TraceCodes.DispatchRule, null,
            (TraceParameters.DepartmentKey, "xs-traffic"), (TraceParameters.RuleId, rule.ToString()));

        var byHand = Filed();
        byHand.Dispatch(TrafficId, "xs-traffic", Dispatcher, Monday0900, null, Clock);
        AssertRow(byHand.Trace[^1], TraceCodes.Dispatch, null, (TraceParameters.DepartmentKey, "xs-traffic"));
        Assert.Equal("xs-traffic", byHand.Trace[^1].DepartmentKey);
    }

    [Fact]
    public void An_unroutable_case_keeps_the_reason_as_a_code()
    {
        var c = Filed();

        c.MarkUnroutable(Actor.System, Monday0900, UnroutableReasons.NoRuleFits);

        AssertRow(c.Trace[^1], TraceCodes.MarkUnroutable, null, (TraceParameters.Reason, UnroutableReasons.NoRuleFits));
    }

    [Fact]
    public void Co_handling_names_department_keys_and_ending_it_has_a_code_of_its_own()
    {
        var c = Handling();

        c.SetAssistingDepartments([(Guid.CreateVersion7(), "xs-municipal"), (Guid.CreateVersion7(), "xs-enforcement")], Dispatcher, Monday0900);
        c.SetAssistingDepartments([], Dispatcher, Monday0900, "已不需要");

        AssertRow(c.Trace[^2], TraceCodes.Assist, null, (TraceParameters.DepartmentKeys, "xs-municipal,xs-enforcement"));
        AssertRow(c.Trace[^1], TraceCodes.AssistEnd, "已不需要");
    }

    [Fact]
    public void Extensions_carry_the_time_asked_and_given()
    {
        var c = Handling();

        c.RequestExtension(Handler, Monday0900, TimeLimit.WorkingDays(2), "需要施工");
        AssertRow(c.Trace[^1], TraceCodes.RequestExtension, "需要施工", (TraceParameters.Limit, "2"), (TraceParameters.Unit, "working_days"));
        c.ApproveExtension(Dispatcher, Monday0900, null, null, Clock);
        AssertRow(c.Trace[^1], TraceCodes.ApproveExtension, null, (TraceParameters.Limit, "2"), (TraceParameters.Unit, "working_days"));

        c.RequestExtension(Handler, Monday0900, TimeLimit.WorkingHours(8), null);
        c.ApproveExtension(Dispatcher, Monday0900, TimeLimit.WorkingHours(1.5m), "先给一个半小时", Clock);
        AssertRow(c.Trace[^1], TraceCodes.ApproveExtension, "先给一个半小时", (TraceParameters.Limit, "1.5"), (TraceParameters.Unit, "working_hours"));

        c.RequestExtension(Handler, Monday0900, TimeLimit.WorkingHours(8), null);
        c.RejectExtension(Dispatcher, Monday0900, "理由不足");
        AssertRow(c.Trace[^1], TraceCodes.RejectExtension, "理由不足");
    }

    [Fact]
    public void Suspension_resumption_sign_and_return_write_their_action_as_code()
    {
        var c = Handling();
        AssertRow(c.Trace[^1], TraceCodes.Sign, null);

        c.RequestSuspension(Handler, Monday0900, "需要立项");
        c.RejectSuspension(Dispatcher, Monday0900, "可以处置");
        c.RequestSuspension(Handler, Monday0900, "需要立项");
        c.ApproveSuspension(Dispatcher, Monday0900);
        c.Resume(Dispatcher, At(3, 9), "资金到位", Clock);
        c.Return(Handler, At(3, 10), "不属于本单位", Clock);

        Assert.Equal(
            [TraceCodes.RequestSuspension, TraceCodes.RejectSuspension, TraceCodes.RequestSuspension, TraceCodes.ApproveSuspension, TraceCodes.Resume, TraceCodes.Return],
            c.Trace.TakeLast(6).Select(t => t.Code));
        Assert.All(c.Trace.TakeLast(6), t => Assert.Empty(t.Parameters));
        Assert.Equal("不属于本单位", c.Trace[^1].Opinion);
    }

    [Fact]
    public void A_check_and_a_callback_say_their_outcome_in_the_code()
    {
        var failed = Checking();
        failed.Check(Patroller, Monday0900, false, "仍有缺口");
        AssertRow(failed.Trace[^1], TraceCodes.CheckFailed, "仍有缺口");

        var satisfied = Closed();
        Assert.Equal(TraceCodes.CheckPassed, satisfied.Trace[^2].Code);
        AssertRow(satisfied.Trace[^1], TraceCodes.Close, null);
        satisfied.Callback(Acceptor, Monday0900, true, "市民满意");
        AssertRow(satisfied.Trace[^1], TraceCodes.CallbackSatisfied, "市民满意", (TraceParameters.DepartmentKey, "xs-traffic"));

        var unsatisfied = Closed();
        unsatisfied.Callback(Acceptor, Monday0900, false, "车还停在那里");
        AssertRow(unsatisfied.Trace[^1], TraceCodes.CallbackUnsatisfied, "车还停在那里", (TraceParameters.DepartmentKey, "xs-traffic"));

        var checking = Checking();
        Assert.Equal([TraceCodes.Feedback, TraceCodes.RequestCheck], checking.Trace.TakeLast(2).Select(t => t.Code));
    }

    [Fact]
    public void A_self_handled_report_and_a_leaders_escalation_keep_the_persons_words()
    {
        var selfHandled = Case.Report(Guid.CreateVersion7(), "450304-2026-000021", CaseSource.Patrol, Category, null,
            110.29, 25.255, "已自行处置", "450304", Patroller, Monday0900, details: new ReportDetails(SelfHandled: true), clock: Clock);
        selfHandled.SelfHandle(Acceptor, Monday0900, "确认");
        AssertRow(selfHandled.Trace[^1], TraceCodes.SelfHandle, "确认");

        var escalated = Handling();
        escalated.Escalate(Leader, Monday0900, "今天内处理完");
        AssertRow(escalated.Trace[^1], TraceCodes.Escalate, "今天内处理完");
    }

    [Fact]
    public void The_sweep_writes_warn_overdue_and_escalation_with_the_stage_level_and_target_and_no_text()
    {
        var c = Case.Report(Guid.CreateVersion7(), "450304-2026-000022", CaseSource.Patrol, Category, null, 110.29, 25.255,
            "d", "450304", Patroller, Monday0900,
            location: new GridLocation(GridCode.Parse("450304001001001"), null, false), clock: Clock);
        c.Accept(Actor.System, Monday0900, null, Clock);
        c.File(Actor.System, Monday0900, null, Clock);
        c.Dispatch(TrafficId, "xs-traffic", Actor.System, Monday0900, null, Clock);

        c.Sweep(At(2, 14, 45));
        AssertRow(c.Trace[^1], TraceCodes.Warn, null, (TraceParameters.Stage, "handle"));

        c.Sweep(At(2, 15, 31));
        AssertRow(c.Trace[^2], TraceCodes.Overdue, null, (TraceParameters.Stage, "handle"));
        AssertRow(c.Trace[^1], TraceCodes.EscalateAuto, null, (TraceParameters.Level, "street"), (TraceParameters.Target, "450304001"));
        Assert.All(c.Trace.TakeLast(3), t => Assert.Equal(CaseRoles.System, t.ActorRole));
    }

    [Fact]
    public void The_walks_write_exactly_the_codes_readers_are_told_of()
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        void Collect(Case c) => written.UnionWith(c.Trace.Select(t => t.Code));

        var rule = Reported();
        rule.RequestVerification(Acceptor, Monday0900, null, Clock);
        rule.Verify(Patroller, Monday0900, null, null, Clock);
        rule.Accept(Acceptor, Monday0900, null, Clock);
        rule.File(ShiftLeader, Monday0900, null, Clock, Guid.CreateVersion7());
        rule.MarkUnroutable(Actor.System, Monday0900, UnroutableReasons.NoRule);
        rule.Dispatch(TrafficId, "xs-traffic", Actor.System, Monday0900, null, Clock, Guid.CreateVersion7());
        Collect(rule);

        var refused = Reported();
        refused.Refuse(Acceptor, Monday0900, "重复");
        Collect(refused);
        var manual = Reported();
        manual.Accept(Acceptor, Monday0900, null, Clock);
        manual.File(ShiftLeader, Monday0900, null, Clock);
        manual.Void(ShiftLeader, Monday0900, "重复");
        Collect(manual);

        var handling = Handling();
        handling.SetAssistingDepartments([(Guid.CreateVersion7(), "xs-municipal")], Dispatcher, Monday0900);
        handling.SetAssistingDepartments([], Dispatcher, Monday0900);
        handling.RequestExtension(Handler, Monday0900, TimeLimit.WorkingDays(1), null);
        handling.ApproveExtension(Dispatcher, Monday0900, null, null, Clock);
        handling.RequestExtension(Handler, Monday0900, TimeLimit.WorkingDays(1), null);
        handling.RejectExtension(Dispatcher, Monday0900, "不");
        handling.RequestSuspension(Handler, Monday0900, "立项");
        handling.RejectSuspension(Dispatcher, Monday0900, "不");
        handling.RequestSuspension(Handler, Monday0900, "立项");
        handling.ApproveSuspension(Dispatcher, Monday0900);
        handling.Resume(Dispatcher, Monday0900, null, Clock);
        handling.Escalate(Leader, Monday0900, "尽快");
        handling.Return(Handler, At(2, 16), "非本单位", Clock);
        Collect(handling);

        var swept = Handling();
        swept.Sweep(At(2, 14, 45));
        swept.Sweep(At(2, 15, 31));
        Collect(swept);

        var failed = Checking();
        failed.Check(Patroller, Monday0900, false, "未完成");
        Collect(failed);
        var closed = Closed();
        closed.Callback(Acceptor, Monday0900, true);
        Collect(closed);
        var unsatisfied = Closed();
        unsatisfied.Callback(Acceptor, Monday0900, false, "不满意");
        Collect(unsatisfied);
        var ratedWell = Closed(CaseSource.Public);
        ratedWell.RateByReporter(Monday0900, true, null);
        Collect(ratedWell);
        var ratedBadly = Closed(CaseSource.Public);
        ratedBadly.RateByReporter(Monday0900, false, "太慢");
        AssertRow(ratedBadly.Trace[^1], TraceCodes.RateUnsatisfied, "太慢");
        Collect(ratedBadly);
        var selfHandled = Case.Report(Guid.CreateVersion7(), "450304-2026-000023", CaseSource.Patrol, Category, null,
            110.29, 25.255, "d", "450304", Patroller, Monday0900, details: new ReportDetails(SelfHandled: true), clock: Clock);
        selfHandled.SelfHandle(Acceptor, Monday0900);
        Collect(selfHandled);

        // Nobody on duty in the grid: the tasks go to a fallback, who completes them (a shift leader only as the fallback).
        var unmanned = Reported();
        unmanned.RequestVerification(Acceptor, Monday0900, null, Clock, new OnSiteFallback(OnSiteHolder.StreetSupervisors, ["patroller.nanmen"]));
        Assert.Equal(OnSiteHolder.StreetSupervisors, unmanned.OnSiteFallback);
        Assert.Throws<CaseForbiddenException>(() => unmanned.Verify(ShiftLeader, Monday0900, null, null, Clock));
        unmanned.Verify(Patroller, Monday0900, null, null, Clock);
        Assert.Null(unmanned.OnSiteFallback);
        Collect(unmanned);
        var unmannedCheck = Handling();
        unmannedCheck.Feedback(Handler, Monday0900, null);
        unmannedCheck.RequestCheck(Acceptor, Monday0900, null, new OnSiteFallback(OnSiteHolder.ShiftLeaders, ["shiftleader1"]));
        AssertRow(unmannedCheck.Trace[^1], TraceCodes.RequestCheckFallback, null,
            (TraceParameters.Holder, "shift-leaders"), (TraceParameters.People, "shiftleader1"));
        unmannedCheck.Check(ShiftLeader, Monday0900, true, null);
        Assert.Equal(CaseState.ToClose, unmannedCheck.State);
        Collect(unmannedCheck);

        // Every code written is one readers know; every code of its own (beyond the table's action names, which a
        // variant such as check.passed may replace) is written by some walk.
        Assert.All(written, code => Assert.Contains(code, TraceCodes.All));
        var actions = CaseLifecycle.Table.Select(t => t.Action).ToHashSet(StringComparer.Ordinal);
        Assert.All(TraceCodes.All.Where(code => !actions.Contains(code)), code => Assert.Contains(code, written));
    }
}
