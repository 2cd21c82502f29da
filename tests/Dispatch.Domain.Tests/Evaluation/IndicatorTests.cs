using Dispatch.Domain.Calendar;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Evaluation;

namespace Dispatch.Domain.Tests.Evaluation;

/// <summary>
/// Every indicator computed from case histories built by hand through the case's own methods, against figures worked
/// out by hand below. Working hours are 08:30–12:00 and 14:30–18:00; Monday 2 March 2026 is a working day. Limits:
/// dispatch 0.25 h (15 min), handle 4 h, check 1 h, verify 2 h, the other steps untimed.
/// </summary>
public sealed class IndicatorTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DeadlineCalculator Calculator = new(new WorkingCalendar(HolidayCalendarJson.LoadEmbedded2026()));
    private static readonly CaseClock Clock = new(Calculator, stage => stage switch
    {
        CaseStage.Dispatch => TimeLimit.WorkingHours(0.25m),
        CaseStage.Handle => TimeLimit.WorkingHours(4),
        CaseStage.Check => TimeLimit.WorkingHours(1),
        CaseStage.Verify => TimeLimit.WorkingHours(2),
        _ => null,
    });

    private const string A = "xs-traffic";
    private const string B = "xs-municipal";
    private static readonly Actor HandlerA = new("handler.a", CaseRoles.Handler, A);
    private static readonly Actor HandlerB = new("handler.b", CaseRoles.Handler, B);
    private static readonly Actor P1 = new("patroller1", CaseRoles.Patroller);
    private static readonly Actor P2 = new("patroller2", CaseRoles.Patroller);
    private static readonly Actor Acceptor = new("acceptor1", CaseRoles.Acceptor);
    private static readonly Actor ShiftLeader = new("shiftleader1", CaseRoles.ShiftLeader);
    private static readonly Actor Dispatcher = new("dispatcher1", CaseRoles.Dispatcher);
    private static readonly Guid Category = Guid.CreateVersion7();

    private static readonly EvaluationPeriod March = EvaluationPeriod.Containing(PeriodKind.Month, new DateOnly(2026, 3, 1));
    private static readonly EvaluationPeriod April = March.Next();

    private static DateTimeOffset Mar(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, China);
    private static DateTimeOffset Apr(int day, int hour, int minute = 0) => new(2026, 4, day, hour, minute, 0, China);

    private static int _number;

    private static Case Report(Actor reporter, DateTimeOffset at, CaseSource source = CaseSource.Patrol, ReportDetails? details = null) =>
        Case.Report(Guid.CreateVersion7(), $"450304-2026-{++_number:D6}", source, Category, null, 110.29, 25.255, "问题", "450304",
            reporter, at, details: details, clock: Clock);

    /// <summary>Reported, accepted and filed by the intake policy at <paramref name="at"/>; the dispatch clock runs from then.</summary>
    private static Case Filed(DateTimeOffset at, Actor? reporter = null, CaseSource source = CaseSource.Patrol, ReportDetails? details = null)
    {
        var c = Report(reporter ?? P1, at, source, details);
        c.Accept(Actor.System, at, null, Clock);
        c.File(Actor.System, at, null, Clock);
        return c;
    }

    private static void Dispatch(Case c, string department, DateTimeOffset at, Actor? by = null) =>
        c.Dispatch(Guid.CreateVersion7(), department, by ?? Actor.System, at, null, Clock);

    /// <summary>Asks for the check 5 min after the feedback, checks 30 min after it, closes 10 min after that.</summary>
    private static void CheckAndClose(Case c, DateTimeOffset fedBackAt, bool close = true)
    {
        c.RequestCheck(Acceptor, fedBackAt.AddMinutes(5));
        c.Check(P2, fedBackAt.AddMinutes(30), true, null, null, Clock);
        if (close)
            c.Close(ShiftLeader, fedBackAt.AddMinutes(40));
    }

    /// <summary>The city's cases of March and April 2026, one per situation.</summary>
    private static List<Case> History()
    {
        var cases = new List<Case>();

        // C1 on time: dispatched 09:05 (dispatch due 09:15); handling due 09:05 + 4 h = 12:00 (2 h 55) + 1 h 05 = 15:35;
        // fed back 10:00; check due 11:00, checked 10:30; closed 10:40.
        var c1 = Filed(Mar(2, 9));
        Dispatch(c1, A, Mar(2, 9, 5));
        c1.Sign(HandlerA, Mar(2, 9, 10));
        c1.Feedback(HandlerA, Mar(2, 10), "已处理", null, Clock);
        CheckAndClose(c1, Mar(2, 10));
        cases.Add(c1);

        // C2 late: handling due Mon 15:35, fed back Tue 3 March 17:00; check due 18:00, checked 17:30.
        var c2 = Filed(Mar(2, 9));
        Dispatch(c2, A, Mar(2, 9, 5));
        c2.Sign(HandlerA, Mar(2, 9, 10));
        c2.Feedback(HandlerA, Mar(3, 17), "已处理", null, Clock);
        CheckAndClose(c2, Mar(3, 17));
        cases.Add(c2);

        // C3 extended by 4 h: due 15:35 + 4 h = Mon 18:00 (2 h 25) + Tue 08:30 + 1 h 35 = Tue 10:05; fed back Tue 09:00.
        var c3 = Filed(Mar(2, 9));
        Dispatch(c3, A, Mar(2, 9, 5));
        c3.Sign(HandlerA, Mar(2, 9, 10));
        c3.RequestExtension(HandlerA, Mar(2, 11), TimeLimit.WorkingHours(4), "需要吊车");
        c3.ApproveExtension(Dispatcher, Mar(2, 11, 30), null, null, Clock);
        c3.Feedback(HandlerA, Mar(3, 9), "已处理", null, Clock);
        CheckAndClose(c3, Mar(3, 9));
        cases.Add(c3);

        // C4 suspended Mon 10:30 with 2 h 35 of handling left (10:30–12:00, 14:30–15:35), resumed Wed 09:00: due 11:35;
        // fed back Wed 11:00.
        var c4 = Filed(Mar(2, 9));
        Dispatch(c4, A, Mar(2, 9, 5));
        c4.Sign(HandlerA, Mar(2, 9, 10));
        c4.RequestSuspension(HandlerA, Mar(2, 10), "需要施工");
        c4.ApproveSuspension(Dispatcher, Mar(2, 10, 30));
        c4.Resume(Dispatcher, Mar(4, 9), null, Clock);
        c4.Feedback(HandlerA, Mar(4, 11), "已处理", null, Clock);
        CheckAndClose(c4, Mar(4, 11));
        cases.Add(c4);

        // C5 returned: dispatcher1 sends it to A at 09:05 (on time); A returns it at 09:30 (the dispatch clock restarts,
        // due 09:45); dispatcher1 sends it to B at 09:40 (on time); B's handling due 09:40 + 4 h = 16:10, fed back 11:00.
        var c5 = Filed(Mar(2, 9));
        Dispatch(c5, A, Mar(2, 9, 5), Dispatcher);
        c5.Return(HandlerA, Mar(2, 9, 30), "不属于本单位", Clock);
        Dispatch(c5, B, Mar(2, 9, 40), Dispatcher);
        c5.Sign(HandlerB, Mar(2, 9, 45));
        c5.Feedback(HandlerB, Mar(2, 11), "已处理", null, Clock);
        CheckAndClose(c5, Mar(2, 11));
        cases.Add(c5);

        // C6 reworked twice: fed back 10:00, check failed 10:30 (new handling clock: due 17:00); fed back 11:00, check
        // failed 11:30 (due 18:00); fed back 15:00, checked 15:30, closed 15:40. Every round and check on time.
        var c6 = Filed(Mar(2, 9));
        Dispatch(c6, A, Mar(2, 9, 5));
        c6.Sign(HandlerA, Mar(2, 9, 10));
        c6.Feedback(HandlerA, Mar(2, 10), "已处理", null, Clock);
        c6.RequestCheck(Acceptor, Mar(2, 10, 5));
        c6.Check(P2, Mar(2, 10, 30), false, "仍有垃圾", null, Clock);
        c6.Feedback(HandlerA, Mar(2, 11), "已处理", null, Clock);
        c6.RequestCheck(Acceptor, Mar(2, 11, 5));
        c6.Check(P2, Mar(2, 11, 30), false, "仍有垃圾", null, Clock);
        c6.Feedback(HandlerA, Mar(2, 15), "已处理", null, Clock);
        CheckAndClose(c6, Mar(2, 15));
        cases.Add(c6);

        // C7 self-handled by patroller1, confirmed by acceptor1 at 10:10: no department.
        var c7 = Report(P1, Mar(2, 10), details: new ReportDetails(SelfHandled: true));
        c7.SelfHandle(Acceptor, Mar(2, 10, 10));
        cases.Add(c7);

        // C8 not filed (voided from 待立案) and C9 voided after filing, both reported by patroller2.
        var c8 = Report(P2, Mar(2, 11));
        c8.Accept(Acceptor, Mar(2, 11, 5), null, Clock);
        c8.Void(ShiftLeader, Mar(2, 11, 10), "不属于城管范围");
        cases.Add(c8);
        var c9 = Report(P2, Mar(2, 11));
        c9.Accept(Actor.System, Mar(2, 11), null, Clock);
        c9.File(ShiftLeader, Mar(2, 11, 5), null, Clock);
        c9.Void(ShiftLeader, Mar(2, 11, 10), "重复案件");
        cases.Add(c9);

        // C10 spans the month: reported and dispatched Tue 31 March (handling due 15:35), fed back Wed 1 April 09:00
        // (late), checked 09:30 (due 10:00), closed 09:40.
        var c10 = Filed(Mar(31, 9));
        Dispatch(c10, A, Mar(31, 9, 5));
        c10.Sign(HandlerA, Mar(31, 9, 10));
        c10.Feedback(HandlerA, Apr(1, 9), "已处理", null, Clock);
        CheckAndClose(c10, Apr(1, 9));
        cases.Add(c10);

        // C11 and C12: hotline calls entered by acceptor1, handled on time by A, called back at 14:00: satisfied, and
        // not satisfied (a rework for A, its first).
        foreach (var satisfied in new[] { true, false })
        {
            var c = Filed(Mar(2, 9), Acceptor, CaseSource.Hotline, new ReportDetails("张三", "13800000000"));
            Dispatch(c, A, Mar(2, 9, 5));
            c.Sign(HandlerA, Mar(2, 9, 10));
            c.Feedback(HandlerA, Mar(2, 10), "已处理", null, Clock);
            CheckAndClose(c, Mar(2, 10));
            c.Callback(Acceptor, Mar(2, 14), satisfied, satisfied ? null : "没有修好");
            cases.Add(c);
        }

        // C13 verified: acceptor1 asks at 09:10 (verify due 11:10), patroller2 verifies at 10:00, acceptor1 accepts
        // at 10:10, the shift leader files at 10:20; not dispatched yet.
        var c13 = Report(P1, Mar(2, 9));
        c13.RequestVerification(Acceptor, Mar(2, 9, 10), null, Clock);
        c13.Verify(P2, Mar(2, 10), "属实", null, Clock);
        c13.Accept(Acceptor, Mar(2, 10, 10), null, Clock);
        c13.File(ShiftLeader, Mar(2, 10, 20), null, Clock);
        cases.Add(c13);
        return cases;
    }

    private static (Dictionary<string, long> Counts, Dictionary<string, double?> Rates) Figures(IEnumerable<Case> cases,
        EvaluationPeriod period, Func<EvaluationFact, bool> of)
    {
        var facts = cases.SelectMany(c => c.EvaluationFacts).Where(f => period.Holds(f.At) && of(f));
        var counts = Indicators.CountsOf(Indicators.Tally(facts));
        return (counts, Indicators.RatesOf(counts));
    }

    [Fact]
    public void Department_a_in_march()
    {
        var (n, r) = Figures(History(), March, f => f.DepartmentKey == A);

        // Dispatches to A: C1 C2 C3 C4 C5(first) C6 C10 C11 C12 = 9, all within 15 min; one returned (C5).
        Assert.Equal(9, n["dispatchDue"]);
        Assert.Equal(9, n["dispatched"]);
        Assert.Equal(9, n["dispatchedOnTime"]);
        Assert.Equal(1, n["returned"]);
        Assert.Equal(9.0 / 9, r["onTimeDispatchRate"]);
        Assert.Equal((9 - 1) / 9.0, r["accurateDispatchRate"]);
        // Due to close: the 9 dispatches, less C5 taken back by its return = 8.
        Assert.Equal(8, n["closeDue"]);
        // Handling rounds ended by feedback in March: C1 C2 C3 C4 C11 C12 one each, C6 three = 9 (C10's is in April,
        // C5's is B's; the return is not a handling round). Late: C2 only.
        Assert.Equal(9, n["handleDue"]);
        Assert.Equal(8, n["handledOnTime"]);
        Assert.Equal(1, n["handledLate"]);
        Assert.Equal(8 / 9.0, r["onTimeHandleRate"]);
        Assert.Equal(1, n["extended"]);
        Assert.Equal(1 / 9.0, r["extensionRate"]);
        Assert.Equal(1, n["suspended"]);
        // Closed in March: C1 C2 C3 C4 C6 C11 C12 = 7; on time all but C2 = 6.
        Assert.Equal(7, n["closed"]);
        Assert.Equal(6, n["closedOnTime"]);
        Assert.Equal(7 / 8.0, r["closeRate"]);
        Assert.Equal(6 / 8.0, r["onTimeCloseRate"]);
        // Rework: C6 once (two failed checks), C12 once (unsatisfied callback) = 2; failed checks 2.
        Assert.Equal(2, n["reworked"]);
        Assert.Equal(2, n["checksFailed"]);
        Assert.Equal(2 / 8.0, r["reworkRate"]);
        // Checks of A's cases: C1 C2 C3 C4 C11 C12 one each, C6 three = 9, all on time.
        Assert.Equal(9, n["checksDue"]);
        Assert.Equal(9, n["checksOnTime"]);
        Assert.Equal(1.0, r["onTimeCheckRate"]);
        Assert.Equal(2, n["callbacks"]);
        Assert.Equal(1, n["callbacksSatisfied"]);
        Assert.Equal(0.5, r["callbackSatisfactionRate"]);
    }

    [Fact]
    public void A_return_counts_against_the_returning_department_only_in_dispatch_accuracy()
    {
        var (n, r) = Figures(History(), March, f => f.DepartmentKey == B);

        // B got C5 after A returned it: one dispatch, due to close once, handled, checked and closed on time.
        Assert.Equal(1, n["dispatched"]);
        Assert.Equal(0, n["returned"]);
        Assert.Equal(1, n["closeDue"]);
        Assert.Equal(1, n["handleDue"]);
        Assert.Equal(1, n["closedOnTime"]);
        Assert.Equal(1.0, r["accurateDispatchRate"]);
        Assert.Equal(1.0, r["closeRate"]);
    }

    [Fact]
    public void A_case_counts_in_the_period_of_the_step_measured()
    {
        var cases = History();
        var c10 = cases.Single(c => c.ReportedAt == Mar(31, 9));
        var (march, _) = Figures([c10], March, _ => true);
        var (april, aprilRates) = Figures([c10], April, f => f.DepartmentKey == A);

        // Reported, filed, dispatched and due in March ...
        Assert.Equal(1, march["reported"]);
        Assert.Equal(1, march["dispatched"]);
        Assert.Equal(1, march["closeDue"]);
        Assert.Equal(0, march["closed"]);
        Assert.Equal(0, march["handleDue"]);
        // ... fed back (late), checked and closed in April: April's closed count, with no April due-to-close of its own.
        Assert.Equal(1, april["handleDue"]);
        Assert.Equal(1, april["handledLate"]);
        Assert.Equal(1, april["closed"]);
        Assert.Equal(0, april["closedOnTime"]);
        Assert.Equal(0, april["closeDue"]);
        Assert.Null(aprilRates["closeRate"]);
    }

    [Fact]
    public void Whole_city_report_and_filing_counts_in_march()
    {
        var (n, r) = Figures(History(), March, _ => true);

        // Reports: C1–C13 = 13 (C11, C12 by the hotline). Accepted: intake (C1–C6, C9–C12) 10 + acceptor1 (C8, C13) 2 = 12.
        Assert.Equal(13, n["reported"]);
        Assert.Equal(12, n["accepted"]);
        // Filed: C1–C6, C9, C10, C11, C12, C13 = 11; voided C8, C9 = 2, of which after filing C9 = 1.
        Assert.Equal(11, n["filed"]);
        Assert.Equal(2, n["voided"]);
        Assert.Equal(1, n["voidedAfterFiling"]);
        // Valid: the 11 filed + C8 voided before filing + C7 self-handled = 13.
        Assert.Equal(13, n["valid"]);
        Assert.Equal(13 / 13.0, r["validRate"]);
        Assert.Equal(11 / 12.0, r["filingRate"]);
        Assert.Equal((11 - 1) / 11.0, r["accurateFilingRate"]);
        // Self-handled C7: due to close and closed at once. City due to close: A 8 + B 1 + C7 1 = 10; closed A 7 + B 1 + C7 = 9.
        Assert.Equal(1, n["selfHandled"]);
        Assert.Equal(10, n["closeDue"]);
        Assert.Equal(9, n["closed"]);
        Assert.Equal(1, n["verificationsDue"]);
        Assert.Equal(1, n["verificationsOnTime"]);
    }

    [Fact]
    public void People_in_march()
    {
        var cases = History();
        var (p1, p1Rates) = Figures(cases, March, f => f.Person == P1.UserName);
        var (p2, p2Rates) = Figures(cases, March, f => f.Person == P2.UserName);
        var (d1, d1Rates) = Figures(cases, March, f => f.Person == Dispatcher.UserName);
        var (leader, leaderRates) = Figures(cases, March, f => f.Person == ShiftLeader.UserName);

        // patroller1 reported C1–C6, C7, C10, C13 = 9, all valid (C7 self-handled).
        Assert.Equal(9, p1["reported"]);
        Assert.Equal(9, p1["valid"]);
        Assert.Equal(1, p1["selfHandled"]);
        Assert.Equal(1.0, p1Rates["validRate"]);
        // patroller2 reported C8, C9 (both valid), checked C1–C5, C11, C12 once and C6 three times = 10, verified C13.
        Assert.Equal(2, p2["reported"]);
        Assert.Equal(2, p2["valid"]);
        Assert.Equal(10, p2["checksDue"]);
        Assert.Equal(1.0, p2Rates["onTimeCheckRate"]);
        Assert.Equal(1.0, p2Rates["onTimeVerifyRate"]);
        // dispatcher1 sent C5 twice; the first came back: accuracy (2 − 1) ÷ 2.
        Assert.Equal(2, d1["dispatchDue"]);
        Assert.Equal(1, d1["returned"]);
        Assert.Equal(0.5, d1Rates["accurateDispatchRate"]);
        // shiftleader1 filed C9 and C13 and voided C9 after filing: (2 − 1) ÷ 2; closed every closed case of March
        // but C7 (self-handled by the acceptor): A 7 + B 1 = 8.
        Assert.Equal(2, leader["filed"]);
        Assert.Equal(0.5, leaderRates["accurateFilingRate"]);
        Assert.Equal(8, leader["closed"]);
    }

    [Fact]
    public void Every_row_names_the_department_holding_the_case()
    {
        var c5 = History().Single(c => c.Trace.Any(t => t.Action == CaseAction.Return));
        var rows = c5.Trace.ToDictionary(t => t.Sequence);

        Assert.All(c5.Trace.Where(t => t.Sequence < rows.Values.First(r => r.Action == CaseAction.Dispatch).Sequence),
            t => Assert.Null(t.HoldingDepartmentKey));
        var ret = c5.Trace.Single(t => t.Action == CaseAction.Return);
        Assert.Equal(A, ret.HoldingDepartmentKey);
        Assert.Equal(B, c5.Trace.Single(t => t.Action == CaseAction.Check).HoldingDepartmentKey);
        // The close row's own department is nobody's (a shift leader), but it names the holder.
        var close = c5.Trace.Single(t => t.Action == CaseAction.Close);
        Assert.Null(close.DepartmentKey);
        Assert.Equal(B, close.HoldingDepartmentKey);
    }

    [Fact]
    public void A_case_failed_at_check_and_at_callback_is_reworked_once()
    {
        // A failed check, then closed, then an unsatisfied callback: both are rework, counted once for the case.
        var c = Filed(Mar(2, 9), Acceptor, CaseSource.Hotline, new ReportDetails("张三", "13800000000"));
        Dispatch(c, A, Mar(2, 9, 5));
        c.Sign(HandlerA, Mar(2, 9, 10));
        c.Feedback(HandlerA, Mar(2, 10), "已处理", null, Clock);
        c.RequestCheck(Acceptor, Mar(2, 10, 5));
        c.Check(P2, Mar(2, 10, 30), false, "仍有垃圾", null, Clock);
        c.Feedback(HandlerA, Mar(2, 11), "已处理", null, Clock);
        CheckAndClose(c, Mar(2, 11));
        c.Callback(Acceptor, Mar(2, 14), false, "没有修好");
        var (n, r) = Figures([c], March, _ => true);

        // One failed check and one unsatisfied callback: reworked once, failed checks 1; closed and due once each.
        Assert.Equal(1, n["reworked"]);
        Assert.Equal(1, n["checksFailed"]);
        Assert.Equal(1, n["closed"]);
        Assert.Equal(1, n["closeDue"]);
        Assert.Equal(1.0, r["reworkRate"]);
        Assert.Equal(0.0, r["callbackSatisfactionRate"]);
    }

    [Fact]
    public void Department_scores_and_grades_follow_the_default_weights()
    {
        var cases = History();
        var (a, aRates) = Figures(cases, March, f => f.DepartmentKey == A);
        var (b, bRates) = Figures(cases, March, f => f.DepartmentKey == B);
        var scheme = Scoring.Defaults.Single(s => s.ObjectKind == ObjectKinds.Department);
        var largest = Math.Max(a["closeDue"], b["closeDue"]);

        // A: 30 × 7/8 + 30 × 8/9 + 30 × (1 − 2/8) + 10 × 8/8 = 26.25 + 26.667 + 22.5 + 10 = 85.42 → good.
        var scoreA = Scoring.Score(scheme, aRates, (double)a["closeDue"] / largest);
        Assert.Equal(85.42, scoreA);
        Assert.Equal("good", Scoring.Grade(scheme, scoreA));
        // B: 30 × 1 + 30 × 1 + 30 × (1 − 0) + 10 × 1/8 = 91.25 → excellent.
        var scoreB = Scoring.Score(scheme, bRates, (double)b["closeDue"] / largest);
        Assert.Equal(91.25, scoreB);
        Assert.Equal("excellent", Scoring.Grade(scheme, scoreB));
    }
}
