using Dispatch.Domain.Calendar;
using static Dispatch.Domain.Tests.Calendar.Calendars;

namespace Dispatch.Domain.Tests.Calendar;

public class SuspensionTests
{
    private static readonly DeadlineCalculator Deadlines = China2026Deadlines;

    // Without pauses: Mon 03-09 09:00 + 4 working hours = 09:00–12:00 (3 h) + 14:30–15:30 (1 h).
    private static readonly DateTimeOffset MondayNine = At("2026-03-09T09:00:00+08:00");

    [Fact]
    public void A_pause_inside_a_working_period_pushes_the_deadline_by_its_length()
    {
        // 10:00–11:00 suspended: 1 h lost, 15:30 becomes 16:30.
        var deadline = Deadlines.Deadline(MondayNine, TimeLimit.WorkingHours(4), [Pause("2026-03-09T10:00:00+08:00", "2026-03-09T11:00:00+08:00")]);

        AssertAt("2026-03-09T16:30:00+08:00", deadline);
    }

    [Fact]
    public void A_pause_across_lunch_loses_only_its_working_time()
    {
        // 11:00–15:00 suspended holds 11:00–12:00 and 14:30–15:00 of working time (1.5 h).
        // 09:00–11:00 uses 2 h; from 15:00 the last 2 h end at 17:00.
        var deadline = Deadlines.Deadline(MondayNine, TimeLimit.WorkingHours(4), [Pause("2026-03-09T11:00:00+08:00", "2026-03-09T15:00:00+08:00")]);

        AssertAt("2026-03-09T17:00:00+08:00", deadline);
    }

    [Fact]
    public void A_pause_spanning_several_days_stops_the_clock_throughout()
    {
        // Mon 10:00 to Wed 03-11 10:00 suspended. 09:00–10:00 uses 1 h; Wed 10:00–12:00 2 h; 14:30 + 1 h.
        var deadline = Deadlines.Deadline(MondayNine, TimeLimit.WorkingHours(4), [Pause("2026-03-09T10:00:00+08:00", "2026-03-11T10:00:00+08:00")]);

        AssertAt("2026-03-11T15:30:00+08:00", deadline);
    }

    [Fact]
    public void A_pause_outside_working_time_changes_nothing()
    {
        // Mon 16:00 + 4 h = 16:00–18:00 and Tue 08:30–10:30; the night pause holds no working time.
        var deadline = Deadlines.Deadline(
            At("2026-03-09T16:00:00+08:00"),
            TimeLimit.WorkingHours(4),
            [Pause("2026-03-09T18:30:00+08:00", "2026-03-10T08:00:00+08:00")]);

        AssertAt("2026-03-10T10:30:00+08:00", deadline);
    }

    [Fact]
    public void A_pause_begun_before_the_start_delays_counting_until_it_ends()
    {
        // Suspended 08:00–10:00, start 09:00: counting starts at 10:00; 10:00–12:00 2 h, 14:30 + 2 h.
        var deadline = Deadlines.Deadline(MondayNine, TimeLimit.WorkingHours(4), [Pause("2026-03-09T08:00:00+08:00", "2026-03-09T10:00:00+08:00")]);

        AssertAt("2026-03-09T16:30:00+08:00", deadline);
    }

    [Fact]
    public void Overlapping_pauses_are_not_counted_twice()
    {
        // 10:00–11:00 and 10:30–11:30 together hold 10:00–11:30 (1.5 h).
        // 09:00–10:00 1 h, 11:30–12:00 0.5 h, 14:30 + 2.5 h = 17:00.
        var deadline = Deadlines.Deadline(
            MondayNine,
            TimeLimit.WorkingHours(4),
            [Pause("2026-03-09T10:30:00+08:00", "2026-03-09T11:30:00+08:00"), Pause("2026-03-09T10:00:00+08:00", "2026-03-09T11:00:00+08:00")]);

        AssertAt("2026-03-09T17:00:00+08:00", deadline);
    }

    [Fact]
    public void A_pause_across_the_make_up_saturday_before_the_spring_festival()
    {
        // Fri 02-13 16:00 + 4 h, suspended Fri 17:00 to Sat 02-14 (make-up) 12:00.
        // Fri 16:00–17:00 1 h; Sat 14:30 + 3 h = 17:30.
        var deadline = Deadlines.Deadline(
            At("2026-02-13T16:00:00+08:00"),
            TimeLimit.WorkingHours(4),
            [Pause("2026-02-13T17:00:00+08:00", "2026-02-14T12:00:00+08:00")]);

        AssertAt("2026-02-14T17:30:00+08:00", deadline);
    }

    [Fact]
    public void A_pause_still_in_force_leaves_no_deadline()
    {
        // Suspended since 10:00 with no end, with 3 h of the 4 still to run.
        var deadline = Deadlines.Deadline(MondayNine, TimeLimit.WorkingHours(4), [(At("2026-03-09T10:00:00+08:00"), null)]);

        Assert.Null(deadline);
    }

    [Fact]
    public void A_pause_still_in_force_after_the_deadline_does_not_move_it()
    {
        // Due 15:30 without pauses; a suspension from 16:00 comes too late to matter.
        var deadline = Deadlines.Deadline(MondayNine, TimeLimit.WorkingHours(4), [(At("2026-03-09T16:00:00+08:00"), null)]);

        AssertAt("2026-03-09T15:30:00+08:00", deadline);
    }

    [Fact]
    public void No_pauses_give_the_plain_deadline()
    {
        AssertAt("2026-03-09T15:30:00+08:00", Deadlines.Deadline(MondayNine, TimeLimit.WorkingHours(4), []));
    }

    [Fact]
    public void A_pause_stops_urgent_hours_for_its_whole_length()
    {
        // 22:00 + 6 h is 04:00; 23:00–01:00 suspended adds 2 h.
        var deadline = Deadlines.Deadline(
            At("2026-03-09T22:00:00+08:00"),
            TimeLimit.UrgentHours(6),
            [Pause("2026-03-09T23:00:00+08:00", "2026-03-10T01:00:00+08:00")]);

        AssertAt("2026-03-10T06:00:00+08:00", deadline);
    }

    [Fact]
    public void A_pause_stops_calendar_days_for_its_whole_length()
    {
        // 10:00 + 24 h is Tue 10:00; 12:00–18:00 suspended adds 6 h.
        var deadline = Deadlines.Deadline(
            At("2026-03-09T10:00:00+08:00"),
            TimeLimit.CalendarDays(1),
            [Pause("2026-03-09T12:00:00+08:00", "2026-03-09T18:00:00+08:00")]);

        AssertAt("2026-03-10T16:00:00+08:00", deadline);
    }

    [Fact]
    public void A_pause_in_a_working_day_limit_carries_the_lost_working_time_over()
    {
        // 1 working day from Mon 09:00 gives 09:00–12:00 and 14:30–18:00 = 6.5 h of working time.
        // 10:00–11:00 suspended: 09–10 (1 h), 11–12 (1 h), 14:30–18:00 (3.5 h) = 5.5 h; 1 h left: Tue 08:30 + 1 h.
        var deadline = Deadlines.Deadline(MondayNine, TimeLimit.WorkingDays(1), [Pause("2026-03-09T10:00:00+08:00", "2026-03-09T11:00:00+08:00")]);

        AssertAt("2026-03-10T09:30:00+08:00", deadline);
    }

    [Fact]
    public void A_pause_that_ends_before_it_begins_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Deadlines.Deadline(
            MondayNine,
            TimeLimit.WorkingHours(4),
            [Pause("2026-03-09T11:00:00+08:00", "2026-03-09T10:00:00+08:00")]));
    }

    private static (DateTimeOffset From, DateTimeOffset? To) Pause(string from, string to) => (At(from), At(to));
}
