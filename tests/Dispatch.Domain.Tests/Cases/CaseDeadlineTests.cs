using Dispatch.Domain.Calendar;
using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Tests.Cases;

/// <summary>Step clocks on the 2026 calendar: deadlines, lights, extension, suspension, rework and the on-time flag.</summary>
public sealed class CaseDeadlineTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Monday0900 = new(2026, 3, 2, 9, 0, 0, China);
    private static readonly DeadlineCalculator Calculator = new(new WorkingCalendar(HolidayCalendarJson.LoadEmbedded2026()));
    private static readonly CaseClock Clock = new(Calculator,
        stage => stage == CaseStage.Handle ? TimeLimit.WorkingHours(4) : TimeLimit.WorkingHours(0.5m));

    private static readonly Actor Dispatcher = new("dispatcher1", CaseRoles.Dispatcher);
    private static readonly Actor Handler = new("handler.xs-traffic", CaseRoles.Handler, "xs-traffic");
    private static readonly Actor Patroller = new("patroller1", CaseRoles.Patroller);

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, China);

    /// <summary>Dispatched at <paramref name="at"/> with the handling limit of 4 working hours.</summary>
    private static Case Dispatched(DateTimeOffset at)
    {
        var c = Case.Report(Guid.CreateVersion7(), "450304-2026-000010", CaseSource.Patrol, Guid.CreateVersion7(), null,
            110.29, 25.255, "d", "450304", Patroller, at, clock: Clock);
        c.Accept(Actor.System, at, null, Clock);
        c.File(Actor.System, at, null, Clock);
        c.Dispatch(Guid.CreateVersion7(), "xs-traffic", Actor.System, at, null, Clock);
        return c;
    }

    [Fact]
    public void A_report_starts_the_accept_clock_and_each_step_starts_its_own()
    {
        var c = Case.Report(Guid.CreateVersion7(), "450304-2026-000011", CaseSource.Hotline, Guid.CreateVersion7(), null,
            110.29, 25.255, "d", "450304", new Actor("acceptor1", CaseRoles.Acceptor), Monday0900, clock: Clock);

        Assert.Equal((CaseStage.Accept, At(2, 9, 30), CaseLight.Green), (c.DeadlineStage, c.NextDeadline, c.Light));

        c.Accept(new Actor("acceptor1", CaseRoles.Acceptor), At(2, 9, 20), null, Clock);
        Assert.Equal((CaseStage.File, At(2, 9, 50)), (c.DeadlineStage, c.NextDeadline));
        Assert.True(c.Trace[^1].OnTime);
    }

    [Fact]
    public void Dispatch_sets_the_handling_deadline_in_working_hours_across_lunch_with_yellow_at_80_percent()
    {
        var c = Dispatched(Monday0900);

        // 09:00–12:00 is three working hours; the fourth runs 14:30–15:30. 80 % is 3 h 12 min: 14:42.
        Assert.Equal(CaseStage.Handle, c.DeadlineStage);
        Assert.Equal(At(2, 15, 30), c.NextDeadline);
        Assert.Equal(At(2, 14, 42), c.YellowAt);
        Assert.Equal(Monday0900, c.DeadlineStartedAt);
        Assert.Equal((CaseLight.Green, At(2, 14, 42)), (c.Light, c.LightChangesAt));
    }

    [Fact]
    public void The_sweep_turns_yellow_once_then_red_once_and_escalates_one_level_up()
    {
        var c = Dispatched(Monday0900);

        Assert.Null(c.Sweep(At(2, 14, 41)));
        var yellow = c.Sweep(At(2, 14, 42));
        Assert.Equal(CaseLight.Yellow, yellow?.Light);
        Assert.Equal(CaseAction.Warn, c.Trace[^1].Action);
        Assert.Null(c.Sweep(At(2, 15, 0)));

        var version = c.Version;
        var red = c.Sweep(At(2, 15, 30));

        Assert.Equal(CaseLight.Red, red?.Light);
        Assert.Equal([CaseAction.Overdue, CaseAction.Escalate], c.Trace.Skip(version).Select(t => t.Action));
        Assert.True(c.Escalated);
        // No street known for this case: the district's command is the first level up.
        Assert.Equal((EscalationLevel.District, "450304"), (c.EscalationLevel, c.EscalatedTo));
        Assert.Null(c.LightChangesAt);
        Assert.Null(c.Sweep(At(3, 9, 0)));
        Assert.Equal(CaseState.Dispatched, c.State);
    }

    [Fact]
    public void A_sweep_that_comes_late_goes_straight_to_red()
    {
        var c = Dispatched(Monday0900);

        var outcome = c.Sweep(At(5, 9, 0));

        Assert.Equal(CaseLight.Red, outcome?.Light);
        Assert.DoesNotContain(c.Trace, t => t.Action == CaseAction.Warn);
    }

    [Fact]
    public void An_approved_extension_moves_the_deadline_from_the_current_one_and_counts()
    {
        var c = Dispatched(Monday0900);
        c.Sign(Handler, At(2, 9, 10));
        c.RequestExtension(Handler, At(2, 10, 0), TimeLimit.WorkingHours(4), "需要更换零件");
        Assert.Equal(PendingRequest.Extension, c.PendingRequest);

        c.ApproveExtension(Dispatcher, At(2, 11, 0), null, "同意", Clock);

        // From 15:30 Monday: 2.5 h to 18:00, then 1.5 h from 08:30 Tuesday.
        Assert.Equal(At(3, 10, 0), c.NextDeadline);
        Assert.Equal(1, c.ExtensionCount);
        Assert.Null(c.PendingRequest);
        Assert.Equal(Calculator.Extend(At(2, 15, 30), TimeLimit.WorkingHours(4)), c.NextDeadline);
        Assert.Equal(0.8, Calculator.FractionUsed(Monday0900, c.NextDeadline!.Value, c.YellowAt!.Value, TimeLimitUnit.WorkingHours), 6);
    }

    [Fact]
    public void An_extension_after_red_turns_the_light_back_to_green()
    {
        var c = Dispatched(Monday0900);
        c.Sign(Handler, At(2, 9, 10));
        c.Sweep(At(2, 16, 0));
        c.RequestExtension(Handler, At(2, 16, 0), TimeLimit.WorkingDays(2), "需要施工");

        c.ApproveExtension(Dispatcher, At(2, 16, 30), null, null, Clock);

        Assert.Equal(CaseLight.Green, c.Light);
        Assert.Equal(c.YellowAt, c.LightChangesAt);
    }

    [Fact]
    public void Suspension_stops_the_clock_and_resumption_moves_the_deadline_by_the_working_time_lost()
    {
        var c = Dispatched(Monday0900);
        c.Sign(Handler, At(2, 9, 5));
        c.RequestSuspension(Handler, At(2, 9, 30), "需要立项");
        c.ApproveSuspension(Dispatcher, At(2, 10, 0));

        Assert.Equal(CaseState.Suspended, c.State);
        Assert.Null(c.LightChangesAt);
        Assert.Null(c.Sweep(At(4, 8, 0)));

        c.Resume(Dispatcher, At(4, 9, 0), null, Clock);

        // One working hour was used before the pause; the other three run from 09:00 Wednesday.
        Assert.Equal(CaseState.Handling, c.State);
        Assert.Equal(At(4, 12, 0), c.NextDeadline);
        Assert.Equal(At(4, 11, 12), c.YellowAt);
        Assert.Equal(c.NextDeadline, Calculator.Deadline(Monday0900, TimeLimit.WorkingHours(4), [(At(2, 10, 0), At(4, 9, 0))]));
        Assert.Equal(At(4, 11, 12), c.LightChangesAt);
    }

    [Fact]
    public void Feedback_is_on_time_before_the_deadline_and_late_after_it()
    {
        var early = Dispatched(Monday0900);
        early.Sign(Handler, At(2, 9, 5));
        early.Feedback(Handler, At(2, 15, 30), "已处理", null, Clock);

        var late = Dispatched(Monday0900);
        late.Sign(Handler, At(2, 9, 5));
        late.Feedback(Handler, At(2, 15, 31), "已处理");

        Assert.True(early.Trace[^1].OnTime);
        Assert.False(late.Trace[^1].OnTime);
        Assert.Null(early.Trace.Single(t => t.Action == CaseAction.Sign).OnTime);
        Assert.Equal(CaseStage.Check, early.DeadlineStage);
    }

    [Fact]
    public void A_failed_check_sends_the_case_back_as_rework_with_a_fresh_handling_clock()
    {
        var c = Dispatched(Monday0900);
        c.Sign(Handler, At(2, 9, 5));
        c.Feedback(Handler, At(2, 11, 0), "已处理", [new PhotoFile(new string('a', 64), "image/png", 10)]);
        c.RequestCheck(new Actor("acceptor1", CaseRoles.Acceptor), At(2, 11, 5));

        c.Check(Patroller, At(2, 11, 20), false, "车辆仍在", [new PhotoFile(new string('b', 64), "image/png", 10)], Clock);

        Assert.Equal(CaseState.Handling, c.State);
        Assert.Equal(1, c.ReworkCount);
        Assert.Equal((CaseStage.Handle, At(2, 11, 20)), (c.DeadlineStage, c.DeadlineStartedAt));
        // 40 minutes before lunch, the other 3 h 20 min from 14:30.
        Assert.Equal(At(2, 17, 50), c.NextDeadline);
        Assert.Equal(["report", "feedback", "check"], c.Photos.Select(p => p.Stage).Prepend("report").Distinct());
        Assert.Equal(c.Version, c.Photos.Single(p => p.Stage == "check").TraceSequence);
    }

    [Fact]
    public void A_return_clears_the_department_and_starts_the_dispatch_clock()
    {
        var c = Dispatched(Monday0900);

        c.Return(Handler, At(2, 9, 30), "不属于本单位", Clock);

        Assert.Equal(CaseState.Returned, c.State);
        Assert.Null(c.DepartmentId);
        Assert.Null(c.DepartmentKey);
        Assert.Equal(1, c.ReturnCount);
        Assert.Equal((CaseStage.Dispatch, At(2, 10, 0)), (c.DeadlineStage, c.NextDeadline));
        Assert.Equal("xs-traffic", c.Trace[^1].DepartmentKey);
    }

    [Theory]
    [InlineData(TimeLimitUnit.WorkingHours, 6)]
    [InlineData(TimeLimitUnit.UrgentHours, 6)]
    [InlineData(TimeLimitUnit.WorkingDays, 3)]
    [InlineData(TimeLimitUnit.CalendarDays, 2)]
    public void Yellow_comes_at_80_percent_of_the_limit_on_the_limits_own_clock(TimeLimitUnit unit, int amount)
    {
        // Starts on a Friday afternoon before the Qingming holiday, so every clock crosses days off.
        var start = new DateTimeOffset(2026, 4, 3, 16, 0, 0, China);
        var deadline = Clock.Start(CaseStage.Handle, start, new TimeLimit(amount, unit));

        Assert.Equal(0.8, Calculator.FractionUsed(start, deadline.Due, deadline.YellowAt, unit), 6);
        Assert.Equal(CaseLight.Green, deadline.LightAt(deadline.YellowAt.AddTicks(-1)));
        Assert.Equal(CaseLight.Yellow, deadline.LightAt(deadline.YellowAt));
        Assert.Equal(CaseLight.Red, deadline.LightAt(deadline.Due));
    }

    [Fact]
    public void A_step_without_a_limit_has_no_clock()
    {
        var clock = new CaseClock(Calculator, _ => null);
        var c = Case.Report(Guid.CreateVersion7(), "450304-2026-000012", CaseSource.Patrol, Guid.CreateVersion7(), null,
            110.29, 25.255, "d", "450304", Patroller, Monday0900, clock: clock);

        Assert.Null(c.NextDeadline);
        Assert.Null(c.Light);
        Assert.Null(c.Sweep(Monday0900.AddDays(30)));
    }
}
