using System.Globalization;
using Dispatch.Domain.Calendar;
using static Dispatch.Domain.Tests.Calendar.Calendars;

namespace Dispatch.Domain.Tests.Calendar;

public class WorkingCalendarTests
{
    [Theory]
    [InlineData("2026-01-01", false)] // Thu, New Year holiday
    [InlineData("2026-01-04", true)] // Sun, make-up working day
    [InlineData("2026-02-13", true)] // Fri, ordinary
    [InlineData("2026-02-14", true)] // Sat, make-up working day before the Spring Festival
    [InlineData("2026-02-15", false)] // Sun, first day of the Spring Festival
    [InlineData("2026-02-23", false)] // Mon, last day of the Spring Festival
    [InlineData("2026-02-24", true)] // Tue, back to work
    [InlineData("2026-02-28", true)] // Sat, make-up working day after the Spring Festival
    [InlineData("2026-03-07", false)] // Sat, ordinary weekend
    [InlineData("2026-03-08", false)] // Sun, ordinary weekend
    [InlineData("2026-03-09", true)] // Mon, ordinary
    [InlineData("2026-10-07", false)] // Wed, last day of National Day
    [InlineData("2026-10-10", true)] // Sat, make-up working day after National Day
    [InlineData("2026-10-11", false)] // Sun, ordinary weekend
    public void Working_days_follow_the_2026_notice(string date, bool working)
    {
        Assert.Equal(working, China2026.IsWorkingDay(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_2026_calendar_has_248_working_days()
    {
        // 365 days from Thu 01-01: 52 weeks + one Thursday = 261 weekdays.
        // Holidays on weekdays: New Year 2 (Thu, Fri), Spring Festival 6 (02-16..20, 02-23),
        // Qingming 1 (04-06), Labour Day 3 (05-01, 05-04, 05-05), Dragon Boat 1 (06-19),
        // Mid-Autumn 1 (09-25), National Day 5 (10-01, 10-02, 10-05..07) = 19.
        // Make-up weekend days: 6. 261 - 19 + 6 = 248.
        var start = new DateOnly(2026, 1, 1);
        var count = Enumerable.Range(0, 365).Count(i => China2026.IsWorkingDay(start.AddDays(i)));

        Assert.Equal(248, count);
    }

    [Fact]
    public void Without_holidays_only_weekends_are_off()
    {
        var plain = new WorkingCalendar(HolidaySchedule.Empty);

        Assert.False(plain.IsWorkingDay(new DateOnly(2026, 3, 14))); // Sat
        Assert.True(plain.IsWorkingDay(new DateOnly(2026, 10, 1))); // Thu, a holiday only in the notice
        Assert.Equal(TimeSpan.FromHours(8), plain.TimeZone.GetUtcOffset(At("2026-07-01T00:00:00+00:00")));
    }

    [Fact]
    public void Overlapping_working_periods_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(
            HolidaySchedule.Empty,
            [new WorkingPeriod(new TimeOnly(8, 30), new TimeOnly(12, 0)), new WorkingPeriod(new TimeOnly(11, 0), new TimeOnly(18, 0))]));
    }

    [Fact]
    public void A_calendar_needs_a_working_period()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(HolidaySchedule.Empty, []));
    }

    [Fact]
    public void A_working_period_may_not_cross_midnight()
    {
        Assert.Throws<ArgumentException>(() => new WorkingPeriod(new TimeOnly(22, 0), new TimeOnly(2, 0)));
    }

    [Fact]
    public void Working_hours_follow_a_daylight_saving_change()
    {
        // Berlin moves from +01:00 to +02:00 on Sun 2026-03-29. Fri 03-27 17:00–18:00 uses 1 h;
        // Mon 03-30 08:30 + 1 h = 09:30, now at +02:00.
        var berlin = new DeadlineCalculator(new WorkingCalendar(new HolidaySchedule("Europe/Berlin", [], [])));

        AssertAt("2026-03-30T09:30:00+02:00", berlin.Deadline(At("2026-03-27T17:00:00+01:00"), TimeLimit.WorkingHours(2)));
        // Fri 7 h + Mon 7 h, although the wall clock lost an hour in between.
        Assert.Equal(TimeSpan.FromHours(14), berlin.WorkingTimeBetween(At("2026-03-27T00:00:00+01:00"), At("2026-03-31T00:00:00+02:00")));
    }

    [Fact]
    public void Clock_time_limits_count_real_hours_across_a_daylight_saving_change()
    {
        var berlin = new DeadlineCalculator(new WorkingCalendar(new HolidaySchedule("Europe/Berlin", [], [])));

        // 24 h from Sat 12:00 +01:00 is 11:00Z on Sunday, shown as 13:00 +02:00.
        AssertAt("2026-03-29T13:00:00+02:00", berlin.Deadline(At("2026-03-28T12:00:00+01:00"), TimeLimit.UrgentHours(24)));
        // Clocks go back on Sun 10-25: a calendar day from Sat 12:00 +02:00 ends at 11:00 +01:00.
        AssertAt("2026-10-25T11:00:00+01:00", berlin.Deadline(At("2026-10-24T12:00:00+02:00"), TimeLimit.CalendarDays(1)));
    }
}
