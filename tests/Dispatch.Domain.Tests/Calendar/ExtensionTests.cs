using Dispatch.Domain.Calendar;
using static Dispatch.Domain.Tests.Calendar.Calendars;

namespace Dispatch.Domain.Tests.Calendar;

public class ExtensionTests
{
    private static readonly DeadlineCalculator Deadlines = China2026Deadlines;

    [Theory]
    // Due Mon 15:30, 2 more working hours: 17:30.
    [InlineData("2026-03-09T15:30:00+08:00", "2", "working_hours", "2026-03-09T17:30:00+08:00")]
    // Due Mon 15:30, 4 more: 15:30–18:00 (2.5 h), Tue 08:30 + 1.5 h.
    [InlineData("2026-03-09T15:30:00+08:00", "4", "working_hours", "2026-03-10T10:00:00+08:00")]
    // Due Fri 18:00, 1 more working day: Mon 03-16 is that day.
    [InlineData("2026-03-13T18:00:00+08:00", "1", "working_days", "2026-03-16T18:00:00+08:00")]
    // Due Tue 09-29 18:00, 2 more working days: Wed 09-30, then Thu 10-08 after National Day.
    [InlineData("2026-09-29T18:00:00+08:00", "2", "working_days", "2026-10-08T18:00:00+08:00")]
    // Due Tue 04:00, 6 more urgent hours: 10:00.
    [InlineData("2026-03-10T04:00:00+08:00", "6", "urgent_hours", "2026-03-10T10:00:00+08:00")]
    public void An_extension_counts_from_the_current_deadline(string deadline, string amount, string unit, string expected)
    {
        AssertAt(expected, Deadlines.Extend(At(deadline), TimeLimit.Parse(amount, unit)));
    }

    [Fact]
    public void Two_extensions_add_up()
    {
        // Mon 09:00 + 4 h = 15:30; + 2 h = 17:30; + 2 h = 17:30–18:00 and Tue 08:30 + 1.5 h.
        var first = Deadlines.Deadline(At("2026-03-09T09:00:00+08:00"), TimeLimit.WorkingHours(4));
        var second = Deadlines.Extend(first, TimeLimit.WorkingHours(2));
        var third = Deadlines.Extend(second, TimeLimit.WorkingHours(2));

        AssertAt("2026-03-10T10:00:00+08:00", third);
    }
}
