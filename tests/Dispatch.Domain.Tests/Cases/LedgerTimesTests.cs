using Dispatch.Domain.Calendar;
using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Tests.Cases;

/// <summary>The times and flags the ledger filters on, kept by the case itself as it moves.</summary>
public sealed class LedgerTimesTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DeadlineCalculator Calculator = new(new WorkingCalendar(HolidayCalendarJson.LoadEmbedded2026()));
    private static readonly CaseClock Clock = new(Calculator, _ => TimeLimit.WorkingHours(4));
    private static readonly Actor Handler = new("handler.xs-traffic", CaseRoles.Handler, "xs-traffic");
    private static readonly Actor Patroller = new("patroller1", CaseRoles.Patroller);
    private static readonly Actor Acceptor = new("acceptor1", CaseRoles.Acceptor);
    private static readonly Actor ShiftLeader = new("shiftleader1", CaseRoles.ShiftLeader);

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, China);

    [Fact]
    public void The_first_dispatch_and_the_closing_are_kept_and_a_red_light_marks_the_case_overdue_for_good()
    {
        var c = Case.Report(Guid.CreateVersion7(), "450304-2026-000020", CaseSource.Patrol, Guid.CreateVersion7(), null,
            110.29, 25.255, "d", "450304", Patroller, At(2, 9), clock: Clock);
        c.Accept(Actor.System, At(2, 9), null, Clock);
        c.File(Actor.System, At(2, 9), null, Clock);
        Assert.Null(c.DispatchedAt);

        c.Dispatch(Guid.CreateVersion7(), "xs-traffic", Actor.System, At(2, 9, 5), null, Clock);
        c.Return(Handler, At(2, 9, 30), "不属于本单位", Clock);
        c.Dispatch(Guid.CreateVersion7(), "xs-municipal", Actor.System, At(2, 10), null, Clock);
        Assert.Equal(At(2, 9, 5), c.DispatchedAt);

        c.Sweep(At(4, 9));
        Assert.True(c.WasOverdue);
        c.Sign(new Actor("handler.xs-municipal", CaseRoles.Handler, "xs-municipal"), At(4, 9, 5));
        c.Feedback(new Actor("handler.xs-municipal", CaseRoles.Handler, "xs-municipal"), At(4, 10), "已处理", null, Clock);
        c.RequestCheck(Acceptor, At(4, 10, 5));
        c.Check(Patroller, At(4, 11), true, null, null, Clock);
        Assert.Null(c.ClosedAt);

        c.Close(ShiftLeader, At(4, 12));

        Assert.Equal(At(4, 12), c.ClosedAt);
        Assert.True(c.WasOverdue);
        Assert.Null(c.Light);
    }
}
