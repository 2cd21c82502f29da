using Dispatch.Domain.Calendar;
using static Dispatch.Domain.Tests.Calendar.Calendars;

namespace Dispatch.Domain.Tests.Calendar;

public class WorkingTimeAndFractionTests
{
    private static readonly DeadlineCalculator Deadlines = China2026Deadlines;

    [Theory]
    // Mon 09:00–12:00 and 14:30–15:30.
    [InlineData("2026-03-09T09:00:00+08:00", "2026-03-09T15:30:00+08:00", 4)]
    // Fri 16:00–18:00 and Mon 08:30–10:30.
    [InlineData("2026-03-13T16:00:00+08:00", "2026-03-16T10:30:00+08:00", 4)]
    // One ordinary week: 5 days × 7 h.
    [InlineData("2026-03-09T00:00:00+08:00", "2026-03-16T00:00:00+08:00", 35)]
    // 02-14 (make-up Saturday) and 02-24: 2 × 7 h; the Spring Festival in between is off.
    [InlineData("2026-02-14T00:00:00+08:00", "2026-02-25T00:00:00+08:00", 14)]
    // Lunch alone.
    [InlineData("2026-03-09T12:00:00+08:00", "2026-03-09T14:30:00+08:00", 0)]
    // Backwards.
    [InlineData("2026-03-09T15:30:00+08:00", "2026-03-09T09:00:00+08:00", 0)]
    // All of 2026: 248 working days × 7 h (see WorkingCalendarTests for the 248).
    [InlineData("2026-01-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00", 1736)]
    public void Working_time_between_two_instants(string from, string to, int hours)
    {
        Assert.Equal(TimeSpan.FromHours(hours), Deadlines.WorkingTimeBetween(At(from), At(to)));
    }

    [Theory]
    // 4 working hours from Mon 09:00, due 15:30. 80 % is 3 h 12 min: 3 h in the morning + 12 min from 14:30.
    [InlineData("2026-03-09T14:42:00+08:00", 0.8)]
    // Lunch does not count: still 3 h of 4.
    [InlineData("2026-03-09T12:30:00+08:00", 0.75)]
    [InlineData("2026-03-09T14:00:00+08:00", 0.75)]
    [InlineData("2026-03-09T15:30:00+08:00", 1.0)]
    // Overdue: 3 h + 3 h at 17:30.
    [InlineData("2026-03-09T17:30:00+08:00", 1.5)]
    // Before the start nothing is used.
    [InlineData("2026-03-09T08:00:00+08:00", 0.0)]
    public void Fraction_used_of_working_hours(string now, double expected)
    {
        var used = Deadlines.FractionUsed(At("2026-03-09T09:00:00+08:00"), At("2026-03-09T15:30:00+08:00"), At(now), TimeLimitUnit.WorkingHours);

        Assert.Equal(expected, used, 10);
    }

    [Fact]
    public void The_yellow_light_comes_on_at_80_percent_and_not_a_minute_before()
    {
        // At 14:41, 3 h 11 min of 4 h are used: 191/240 is just under 0.8.
        var used = Deadlines.FractionUsed(At("2026-03-09T09:00:00+08:00"), At("2026-03-09T15:30:00+08:00"), At("2026-03-09T14:41:00+08:00"), TimeLimitUnit.WorkingHours);

        Assert.True(used < 0.8, $"{used} should be below 0.8");
    }

    [Theory]
    // 6 urgent hours from 22:00, due 04:00: 80 % is 4 h 48 min, at 02:48.
    [InlineData("2026-03-09T22:00:00+08:00", "2026-03-10T04:00:00+08:00", "2026-03-10T02:48:00+08:00", TimeLimitUnit.UrgentHours)]
    // 1 working day from Mon 08:30, due 18:00 (7 h): 80 % is 5 h 36 min: 3.5 h morning + 2 h 06 min from 14:30.
    [InlineData("2026-03-09T08:30:00+08:00", "2026-03-09T18:00:00+08:00", "2026-03-09T16:36:00+08:00", TimeLimitUnit.WorkingDays)]
    // 3 calendar days (72 h) from 09-30 10:00: 80 % is 57 h 36 min, 10-02 19:36.
    [InlineData("2026-09-30T10:00:00+08:00", "2026-10-03T10:00:00+08:00", "2026-10-02T19:36:00+08:00", TimeLimitUnit.CalendarDays)]
    public void Eighty_percent_is_measured_on_the_limits_own_clock(string start, string deadline, string now, TimeLimitUnit unit)
    {
        Assert.Equal(0.8, Deadlines.FractionUsed(At(start), At(deadline), At(now), unit), 10);
    }

    [Theory]
    // Mon 09:00, 4 h, suspended 10:00–11:00, due 16:30. At 15:30: 09–10, 11–12, 14:30–15:30 = 3 h of 4.
    [InlineData("2026-03-09T15:30:00+08:00", 0.75)]
    // At 15:42: 3 h 12 min of 4 h.
    [InlineData("2026-03-09T15:42:00+08:00", 0.8)]
    // During the pause the fraction stands still at 1 h of 4.
    [InlineData("2026-03-09T10:59:00+08:00", 0.25)]
    public void Fraction_used_leaves_out_suspended_time(string now, double expected)
    {
        var used = Deadlines.FractionUsed(
            At("2026-03-09T09:00:00+08:00"),
            At("2026-03-09T16:30:00+08:00"),
            At(now),
            TimeLimitUnit.WorkingHours,
            [(At("2026-03-09T10:00:00+08:00"), At("2026-03-09T11:00:00+08:00"))]);

        Assert.Equal(expected, used, 10);
    }

    [Fact]
    public void A_zero_limit_is_fully_used_at_once_and_overdue_after()
    {
        var start = At("2026-03-09T10:00:00+08:00");

        Assert.Equal(1.0, Deadlines.FractionUsed(start, start, start, TimeLimitUnit.WorkingHours));
        Assert.Equal(double.PositiveInfinity, Deadlines.FractionUsed(start, start, At("2026-03-09T10:01:00+08:00"), TimeLimitUnit.WorkingHours));
    }
}
