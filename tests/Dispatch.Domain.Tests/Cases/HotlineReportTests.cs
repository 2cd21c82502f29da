using Dispatch.Domain.Calendar;
using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Tests.Cases;

/// <summary>What a hotline call adds to a report: the place in words (地址描述) and whether the caller wants a callback (需要回访).</summary>
public sealed class HotlineReportTests
{
    private static readonly DateTimeOffset Monday0900 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Acceptor = new("acceptor1", CaseRoles.Acceptor);
    private static readonly Actor Dispatcher = new("dispatcher1", CaseRoles.Dispatcher);
    private static readonly Actor Handler = new("handler.xs-traffic", CaseRoles.Handler, "xs-traffic");
    private static readonly Actor Patroller = new("patroller1", CaseRoles.Patroller);
    private static readonly Actor ShiftLeader = new("shiftleader1", CaseRoles.ShiftLeader);
    private static readonly Guid TrafficId = Guid.CreateVersion7();
    private static readonly CaseClock Clock = new(
        new DeadlineCalculator(new WorkingCalendar(HolidayCalendarJson.LoadEmbedded2026())),
        stage => stage == CaseStage.Handle ? TimeLimit.WorkingHours(4) : TimeLimit.WorkingHours(0.5m));

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(8));

    /// <summary>A hotline call wanting a callback, taken through the loop to 已结案 on Monday 2 March.</summary>
    private static Case Closed(CaseSource source = CaseSource.Hotline)
    {
        var c = Case.Report(Guid.CreateVersion7(), "450304-2026-000031", source, Guid.CreateVersion7(), null, 110.29, 25.255,
            "来电反映占道经营", "450304", Acceptor, At(2, 9), details: new ReportDetails("李女士", "13912345678", CallbackWanted: true), clock: Clock);
        c.Accept(Acceptor, At(2, 9, 5), null, Clock);
        c.File(ShiftLeader, At(2, 9, 10), null, Clock);
        c.Dispatch(TrafficId, "xs-traffic", Dispatcher, At(2, 9, 15), null, Clock);
        c.Sign(Handler, At(2, 9, 20));
        c.Feedback(Handler, At(2, 10), "已清理", clock: Clock);
        c.RequestCheck(Acceptor, At(2, 10, 5));
        c.Check(Patroller, At(2, 10, 30), true, null, clock: Clock);
        c.Close(ShiftLeader, At(2, 10, 40));
        return c;
    }

    private static Case Report(ReportDetails details) => Case.Report(Guid.CreateVersion7(), "450304-2026-000030",
        CaseSource.Hotline, Guid.CreateVersion7(), null, 110.29, 25.255, "来电反映占道经营", "450304", Acceptor, Monday0900,
        details: details);

    [Fact]
    public void A_report_keeps_the_address_text_trimmed_and_the_callback_wish()
    {
        var c = Report(new ReportDetails("李女士", "13912345678", AddressText: "  中山路菜市场东门 ", CallbackWanted: true));

        Assert.Equal(("中山路菜市场东门", true), (c.AddressText, c.CallbackWanted));
    }

    [Fact]
    public void A_blank_address_text_is_none_and_no_callback_is_the_default()
    {
        var c = Report(new ReportDetails("李女士", "13912345678", AddressText: "   "));

        Assert.Equal((null, false), (c.AddressText, c.CallbackWanted));
    }

    [Fact]
    public void An_address_text_over_the_limit_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Report(new ReportDetails(AddressText: new string('路', Case.MaxAddressTextLength + 1))));

        Assert.Contains("address", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_satisfied_callback_archives_the_case()
    {
        var c = Closed();

        c.Callback(Acceptor, At(2, 14, 30), true, "很满意");

        Assert.Equal((CaseState.Archived, true, 0), (c.State, c.CallbackSatisfied, c.ReworkCount));
        Assert.Equal(("xs-traffic", TraceCodes.CallbackSatisfied), (c.Trace[^1].DepartmentKey, c.Trace[^1].Code));
    }

    [Fact]
    public void An_unsatisfied_callback_reopens_the_case_for_rework_with_the_same_department_and_a_new_handling_clock()
    {
        var c = Closed();

        c.Callback(Acceptor, At(2, 14, 30), false, "摊位又摆出来了", Clock);

        Assert.Equal((CaseState.Handling, false, 1), (c.State, c.CallbackSatisfied, c.ReworkCount));
        Assert.Equal(("xs-traffic", TrafficId), (c.DepartmentKey, c.DepartmentId));
        Assert.Null(c.ClosedAt);
        // Four working hours from 14:30 on Monday: 14:30–18:00 is 3.5 h, then 08:30–09:00 on Tuesday.
        Assert.Equal((CaseStage.Handle, At(2, 14, 30), At(3, 9)), (c.DeadlineStage, c.DeadlineStartedAt, c.NextDeadline));
        var row = c.Trace[^1];
        Assert.Equal((TraceCodes.CallbackUnsatisfied, CaseState.Closed, CaseState.Handling, "xs-traffic", "摊位又摆出来了"),
            (row.Code, row.FromState, row.ToState, row.DepartmentKey, row.Opinion));
    }

    [Fact]
    public void A_reworked_case_goes_round_again_and_a_second_unsatisfied_callback_counts_again()
    {
        var c = Closed();
        c.Callback(Acceptor, At(2, 14, 30), false, "没处理好", Clock);

        c.Feedback(Handler, At(2, 15), "再次清理", clock: Clock);
        c.RequestCheck(Acceptor, At(2, 15, 5));
        c.Check(Patroller, At(2, 15, 30), true, null, clock: Clock);
        c.Close(ShiftLeader, At(2, 15, 40));
        Assert.Equal((CaseState.Closed, At(2, 15, 40)), (c.State, c.ClosedAt));
        c.Callback(Acceptor, At(2, 16), false, "还是不行", Clock);

        Assert.Equal((CaseState.Handling, 2), (c.State, c.ReworkCount));
    }

    [Fact]
    public void An_unsatisfied_callback_needs_the_callers_words()
    {
        var c = Closed();

        Assert.Throws<ArgumentException>(() => c.Callback(Acceptor, At(2, 14, 30), false, " "));
        Assert.Equal(CaseState.Closed, c.State);
    }

    [Fact]
    public void The_department_that_handled_the_case_does_not_call_back()
    {
        var c = Closed();

        Assert.Throws<CaseForbiddenException>(() => c.Callback(Handler with { Role = CaseRoles.Acceptor }, At(2, 14, 30), true));
    }
}
