using Dispatch.Domain.Calendar;
using static Dispatch.Domain.Tests.Calendar.Calendars;

namespace Dispatch.Domain.Tests.Calendar;

public class WorkingDaysDeadlineTests
{
    private static readonly DeadlineCalculator Deadlines = China2026Deadlines;

    [Theory]
    // Wed 09-30 counts as day 1; 10-01..10-07 National Day; Thu 10-08 day 2; Fri 10-09 day 3.
    [InlineData("2026-09-30T10:00:00+08:00", 3, "2026-10-09T18:00:00+08:00")]
    // After hours on Wed 09-30: Thu 10-08 day 1, Fri 10-09 day 2, Sat 10-10 (make-up) day 3.
    [InlineData("2026-09-30T19:00:00+08:00", 3, "2026-10-10T18:00:00+08:00")]
    // Sat 10-03 is a holiday: Thu 10-08 is day 1.
    [InlineData("2026-10-03T10:00:00+08:00", 1, "2026-10-08T18:00:00+08:00")]
    // Tue 09-29 d1, Wed 09-30 d2, Thu 10-08 d3, Fri 10-09 d4, Sat 10-10 (make-up) d5.
    [InlineData("2026-09-29T10:00:00+08:00", 5, "2026-10-10T18:00:00+08:00")]
    // Fri 03-13 d1, Mon 03-16 d2.
    [InlineData("2026-03-13T09:00:00+08:00", 2, "2026-03-16T18:00:00+08:00")]
    // Sun 03-15: Mon 03-16 is day 1.
    [InlineData("2026-03-15T10:00:00+08:00", 1, "2026-03-16T18:00:00+08:00")]
    // Exactly at Fri 18:00 nothing is left of Friday: Mon 03-16 is day 1.
    [InlineData("2026-03-13T18:00:00+08:00", 1, "2026-03-16T18:00:00+08:00")]
    // One minute before the close, Friday still counts as day 1.
    [InlineData("2026-03-13T17:59:00+08:00", 1, "2026-03-13T18:00:00+08:00")]
    // Before 08:30 the day counts: Tue 03-10 is day 1.
    [InlineData("2026-03-10T07:00:00+08:00", 1, "2026-03-10T18:00:00+08:00")]
    // During lunch the day still counts.
    [InlineData("2026-03-10T13:00:00+08:00", 1, "2026-03-10T18:00:00+08:00")]
    // Fri 02-13 d1, Sat 02-14 (make-up) d2.
    [InlineData("2026-02-13T10:00:00+08:00", 2, "2026-02-14T18:00:00+08:00")]
    // Sat 02-14 (make-up) d1; Spring Festival 02-15..02-23; Tue 02-24 d2; Wed 02-25 d3.
    [InlineData("2026-02-14T10:00:00+08:00", 3, "2026-02-25T18:00:00+08:00")]
    // 15 working days from Mon 03-02: 03-02..06 (5), 03-09..13 (10), 03-16..20 (15).
    [InlineData("2026-03-02T10:00:00+08:00", 15, "2026-03-20T18:00:00+08:00")]
    public void Working_days_end_at_the_close_of_the_last_day(string start, int days, string expected)
    {
        AssertAt(expected, Deadlines.Deadline(At(start), TimeLimit.WorkingDays(days)));
    }
}
