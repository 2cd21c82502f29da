namespace Dispatch.Domain.Calendar;

/// <summary>
/// Which days are worked and which hours of them: working periods (default 08:30–12:00 and
/// 14:30–18:00) on working days, in the calendar's time zone. Saturdays, Sundays and holidays are off,
/// except make-up working days.
/// </summary>
public sealed class WorkingCalendar
{
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    /// <exception cref="ArgumentException">No working periods, or periods that overlap.</exception>
    /// <exception cref="TimeZoneNotFoundException">The schedule's time zone is unknown on this machine.</exception>
    public WorkingCalendar(HolidaySchedule holidays, IEnumerable<WorkingPeriod>? workingPeriods = null)
    {
        ArgumentNullException.ThrowIfNull(holidays);

        var periods = (workingPeriods ?? DefaultWorkingPeriods).OrderBy(p => p.Start).ToList();
        if (periods.Count == 0)
        {
            throw new ArgumentException("A working calendar needs at least one working period.", nameof(workingPeriods));
        }

        for (var i = 1; i < periods.Count; i++)
        {
            if (periods[i].Start < periods[i - 1].End)
            {
                throw new ArgumentException(
                    $"Working periods {periods[i - 1]} and {periods[i]} overlap.",
                    nameof(workingPeriods));
            }
        }

        Holidays = holidays;
        WorkingPeriods = periods.AsReadOnly();
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(holidays.TimeZoneId);
    }

    public static IReadOnlyList<WorkingPeriod> DefaultWorkingPeriods { get; } =
    [
        new(new TimeOnly(8, 30), new TimeOnly(12, 0)),
        new(new TimeOnly(14, 30), new TimeOnly(18, 0)),
    ];

    public HolidaySchedule Holidays { get; }

    /// <summary>The periods of every working day, in order.</summary>
    public IReadOnlyList<WorkingPeriod> WorkingPeriods { get; }

    public TimeZoneInfo TimeZone { get; }

    public bool IsWorkingDay(DateOnly date) =>
        Holidays.IsMakeUpWorkingDay(date)
        || (!Holidays.IsHoliday(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>The same instant with the calendar's UTC offset at that instant.</summary>
    public DateTimeOffset ToCalendarTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The calendar date the instant falls on in the calendar's time zone.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToCalendarTime(instant).DateTime);

    /// <summary>The instant a wall-clock time on a date shows in the calendar's time zone.</summary>
    /// <remarks>
    /// Where a daylight-saving change makes the wall-clock time ambiguous, the earlier instant is taken;
    /// where it skips the time, the instant just after the gap, so a period never starts early.
    /// </remarks>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var offset = TimeZone.IsAmbiguousTime(local)
            ? TimeZone.GetAmbiguousTimeOffsets(local).Max()
            : TimeZone.GetUtcOffset(local); // for a skipped time this is the offset before the jump
        return ToCalendarTime(new DateTimeOffset(local, offset));
    }

    /// <summary>When the last working period of the date ends.</summary>
    public DateTimeOffset EndOfDay(DateOnly date) => At(date, WorkingPeriods[^1].End);

    public DateOnly NextWorkingDayAfter(DateOnly date)
    {
        do
        {
            date = date.AddDays(1);
        }
        while (!IsWorkingDay(date));

        return date;
    }

    /// <summary>Working periods from <paramref name="from"/> on, the first one cut at <paramref name="from"/>; endless.</summary>
    internal IEnumerable<TimeInterval> WorkingIntervalsFrom(DateTimeOffset from)
    {
        for (var date = DateOf(from); ; date = date.AddDays(1))
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            foreach (var period in WorkingPeriods)
            {
                var start = At(date, period.Start);
                var end = At(date, period.End);
                if (start < from)
                {
                    start = from;
                }

                // Also skips a period that a daylight-saving jump has swallowed whole.
                if (start < end)
                {
                    yield return new TimeInterval(start, end);
                }
            }
        }
    }
}
