using Dispatch.Domain.Calendar;
using static Dispatch.Domain.Tests.Calendar.Calendars;

namespace Dispatch.Domain.Tests.Calendar;

public class WorkingHoursDeadlineTests
{
    private static readonly DeadlineCalculator Deadlines = China2026Deadlines;

    [Fact]
    public void Four_working_hours_from_11_00_skip_lunch()
    {
        // Mon 2026-03-09: 11:00–12:00 uses 1 h, 12:00–14:30 is lunch, 14:30 + 3 h = 17:30.
        AssertAt("2026-03-09T17:30:00+08:00", Deadlines.Deadline(At("2026-03-09T11:00:00+08:00"), TimeLimit.WorkingHours(4)));
    }

    [Theory]
    // Fri 16:00–18:00 uses 2 h; Sat 03-14 and Sun 03-15 are off; Mon 03-16 08:30 + 2 h.
    [InlineData("2026-03-13T16:00:00+08:00", 4, "2026-03-16T10:30:00+08:00")]
    // Fri 02-13 16:00–18:00 uses 2 h; Sat 02-14 is a make-up working day: 08:30 + 2 h.
    [InlineData("2026-02-13T16:00:00+08:00", 4, "2026-02-14T10:30:00+08:00")]
    // Sat 02-14 (make-up) 17:00–18:00 uses 1 h; 02-15..02-23 is the Spring Festival; Tue 02-24 08:30 + 3 h.
    [InlineData("2026-02-14T17:00:00+08:00", 4, "2026-02-24T11:30:00+08:00")]
    // Fri 02-13 from 09:00: 3 h + 3.5 h = 6.5 h; Sat 02-14 a full 7 h = 13.5 h; 0.5 h left: Tue 02-24 08:30 + 0.5 h.
    [InlineData("2026-02-13T09:00:00+08:00", 14, "2026-02-24T09:00:00+08:00")]
    // Fri 02-27 17:00–18:00 uses 1 h; Sat 02-28 is a make-up working day: 08:30 + 1 h.
    [InlineData("2026-02-27T17:00:00+08:00", 2, "2026-02-28T09:30:00+08:00")]
    // New Year holiday Thu 01-01..Sat 01-03; Sun 01-04 is a make-up working day: 08:30 + 2 h.
    [InlineData("2025-12-31T17:00:00+08:00", 3, "2026-01-04T10:30:00+08:00")]
    // Tue 03-10 09:00–12:00 = 3 h, 14:30–18:00 = 3.5 h; Wed 03-11 08:30 + 3.5 h = 12:00.
    [InlineData("2026-03-10T09:00:00+08:00", 10, "2026-03-11T12:00:00+08:00")]
    public void Working_hours_skip_lunch_nights_weekends_and_holidays(string start, double hours, string expected)
    {
        AssertAt(expected, Deadlines.Deadline(At(start), TimeLimit.WorkingHours((decimal)hours)));
    }

    [Theory]
    // Before 08:30 on Tue 03-10: counting starts at 08:30, + 2 h.
    [InlineData("2026-03-10T07:00:00+08:00", "2026-03-10T10:30:00+08:00")]
    // During lunch: counting starts at 14:30, + 2 h.
    [InlineData("2026-03-10T12:30:00+08:00", "2026-03-10T16:30:00+08:00")]
    // After 18:00: counting starts Wed 03-11 08:30, + 2 h.
    [InlineData("2026-03-10T19:00:00+08:00", "2026-03-11T10:30:00+08:00")]
    // Just after midnight: still the same day's 08:30.
    [InlineData("2026-03-10T00:00:00+08:00", "2026-03-10T10:30:00+08:00")]
    // Sun 03-15: counting starts Mon 03-16 08:30.
    [InlineData("2026-03-15T10:00:00+08:00", "2026-03-16T10:30:00+08:00")]
    // Fri 10-02 is inside the National Day holiday 10-01..10-07: counting starts Thu 10-08 08:30.
    [InlineData("2026-10-02T10:00:00+08:00", "2026-10-08T10:30:00+08:00")]
    // Sun 02-22 is inside the Spring Festival: counting starts Tue 02-24 08:30.
    [InlineData("2026-02-22T10:00:00+08:00", "2026-02-24T10:30:00+08:00")]
    public void A_start_outside_working_hours_counts_from_the_next_working_period(string start, string expected)
    {
        AssertAt(expected, Deadlines.Deadline(At(start), TimeLimit.WorkingHours(2)));
    }

    [Theory]
    // 08:30 + 3.5 h fills the morning exactly: due at 12:00, not at 14:30.
    [InlineData("2026-03-10T08:30:00+08:00", 3.5, "2026-03-10T12:00:00+08:00")]
    // 08:30 + 7 h fills the whole day: due at 18:00 that day.
    [InlineData("2026-03-10T08:30:00+08:00", 7, "2026-03-10T18:00:00+08:00")]
    // 14:30 + 3.5 h fills the afternoon: 18:00.
    [InlineData("2026-03-10T14:30:00+08:00", 3.5, "2026-03-10T18:00:00+08:00")]
    // Starting at 12:00 the morning is over: 14:30 + 1 h.
    [InlineData("2026-03-10T12:00:00+08:00", 1, "2026-03-10T15:30:00+08:00")]
    // Starting at 18:00 the day is over: Wed 08:30 + 1 h.
    [InlineData("2026-03-10T18:00:00+08:00", 1, "2026-03-11T09:30:00+08:00")]
    // Starting at 11:59: 1 min in the morning, 14:30 + 59 min.
    [InlineData("2026-03-10T11:59:00+08:00", 1, "2026-03-10T15:29:00+08:00")]
    // Fri 18:00 + 7 h: the whole of Mon 03-16.
    [InlineData("2026-03-13T18:00:00+08:00", 7, "2026-03-16T18:00:00+08:00")]
    public void Working_hours_at_period_boundaries(string start, double hours, string expected)
    {
        AssertAt(expected, Deadlines.Deadline(At(start), TimeLimit.WorkingHours((decimal)hours)));
    }

    [Theory]
    // 10:00 + 1.5 h = 11:30.
    [InlineData("2026-03-10T10:00:00+08:00", 1.5, "2026-03-10T11:30:00+08:00")]
    // 11:45 + 0.5 h: 15 min until 12:00, then 14:30 + 15 min.
    [InlineData("2026-03-10T11:45:00+08:00", 0.5, "2026-03-10T14:45:00+08:00")]
    // 0.25 h = 15 min from 17:50: 10 min until 18:00, then Wed 08:30 + 5 min.
    [InlineData("2026-03-10T17:50:00+08:00", 0.25, "2026-03-11T08:35:00+08:00")]
    public void Fractional_working_hours(string start, double hours, string expected)
    {
        AssertAt(expected, Deadlines.Deadline(At(start), TimeLimit.WorkingHours((decimal)hours)));
    }

    [Fact]
    public void A_start_given_in_another_offset_gets_a_deadline_in_calendar_time()
    {
        // 01:00 UTC is 09:00 in Shanghai on Tue 03-10; + 2 h = 11:00 +08:00.
        AssertAt("2026-03-10T11:00:00+08:00", Deadlines.Deadline(At("2026-03-10T01:00:00+00:00"), TimeLimit.WorkingHours(2)));
    }

    [Theory]
    [InlineData(TimeLimitUnit.WorkingHours)]
    [InlineData(TimeLimitUnit.UrgentHours)]
    [InlineData(TimeLimitUnit.WorkingDays)]
    [InlineData(TimeLimitUnit.CalendarDays)]
    public void A_zero_limit_is_due_at_its_start_even_outside_working_hours(TimeLimitUnit unit)
    {
        // 12:00 UTC is 20:00 in Shanghai, after hours; nothing has to be waited for.
        AssertAt("2026-03-09T20:00:00+08:00", Deadlines.Deadline(At("2026-03-09T12:00:00+00:00"), new TimeLimit(0, unit)));
    }

    [Fact]
    public void Custom_working_periods_replace_the_default_day()
    {
        // Summer hours 08:00–12:00 and 15:00–18:30: Mon 03-09 11:00–12:00 uses 1 h, 15:00 + 3 h = 18:00.
        var summer = new WorkingCalendar(
            HolidayCalendarJson.LoadEmbedded2026(),
            [new WorkingPeriod(new TimeOnly(15, 0), new TimeOnly(18, 30)), new WorkingPeriod(new TimeOnly(8, 0), new TimeOnly(12, 0))]);

        AssertAt("2026-03-09T18:00:00+08:00", new DeadlineCalculator(summer).Deadline(At("2026-03-09T11:00:00+08:00"), TimeLimit.WorkingHours(4)));
    }
}
