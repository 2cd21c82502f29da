using Dispatch.Domain.Calendar;
using static Dispatch.Domain.Tests.Calendar.Calendars;

namespace Dispatch.Domain.Tests.Calendar;

public class UrgentHoursAndCalendarDaysTests
{
    private static readonly DeadlineCalculator Deadlines = China2026Deadlines;

    [Theory]
    // Mon 22:00 + 6 h runs through midnight: Tue 04:00.
    [InlineData("2026-03-09T22:00:00+08:00", 6, "2026-03-10T04:00:00+08:00")]
    // 23:30 + 1.5 h: 01:00 the next day.
    [InlineData("2026-03-09T23:30:00+08:00", 1.5, "2026-03-10T01:00:00+08:00")]
    // Holidays count too: Sun 02-15 (Spring Festival) 20:00 + 12 h = Mon 02-16 08:00.
    [InlineData("2026-02-15T20:00:00+08:00", 12, "2026-02-16T08:00:00+08:00")]
    // Sat 03-14 12:00 + 60 min on site: 13:00 the same Saturday.
    [InlineData("2026-03-14T12:00:00+08:00", 1, "2026-03-14T13:00:00+08:00")]
    public void Urgent_hours_are_continuous_clock_time(string start, double hours, string expected)
    {
        AssertAt(expected, Deadlines.Deadline(At(start), TimeLimit.UrgentHours((decimal)hours)));
    }

    [Theory]
    // 3 × 24 h straight through the National Day holiday.
    [InlineData("2026-09-30T10:00:00+08:00", 3, "2026-10-03T10:00:00+08:00")]
    // Filed after hours on Fri: 24 h later is Sat 19:00.
    [InlineData("2026-03-13T19:00:00+08:00", 1, "2026-03-14T19:00:00+08:00")]
    // Half a day is 12 h.
    [InlineData("2026-03-09T10:00:00+08:00", 0.5, "2026-03-09T22:00:00+08:00")]
    public void Calendar_days_are_periods_of_24_hours(string start, double days, string expected)
    {
        AssertAt(expected, Deadlines.Deadline(At(start), TimeLimit.CalendarDays((decimal)days)));
    }

    [Fact]
    public void A_catalogue_limit_gives_its_deadline()
    {
        // Manhole cover missing: "6, urgent_hours"; filed Sat 03-14 23:00, due Sun 05:00.
        AssertAt("2026-03-15T05:00:00+08:00", Deadlines.Deadline(At("2026-03-14T23:00:00+08:00"), TimeLimit.Parse("6", "urgent_hours")));
    }
}
