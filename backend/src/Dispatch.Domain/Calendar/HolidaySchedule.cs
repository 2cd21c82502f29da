namespace Dispatch.Domain.Calendar;

/// <summary>
/// The state holiday notice for one or more years: holidays that are off, and make-up working days
/// (调休: a Saturday or Sunday worked in exchange for a longer holiday), in one time zone.
/// </summary>
public sealed class HolidaySchedule
{
    private readonly Dictionary<DateOnly, Holiday> holidayByDate = [];
    private readonly HashSet<DateOnly> makeUpWorkingDays;

    /// <exception cref="ArgumentException">
    /// A make-up working day is not a Saturday or Sunday, or falls inside a holiday.
    /// </exception>
    public HolidaySchedule(string timeZoneId, IEnumerable<Holiday> holidays, IEnumerable<DateOnly> makeUpWorkingDays)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkingDays);

        TimeZoneId = timeZoneId;
        Holidays = holidays.Distinct().OrderBy(h => h.From).ThenBy(h => h.To).ToList().AsReadOnly();
        foreach (var holiday in Holidays)
        {
            foreach (var date in holiday.Dates())
            {
                holidayByDate.TryAdd(date, holiday);
            }
        }

        this.makeUpWorkingDays = [.. makeUpWorkingDays];
        foreach (var date in this.makeUpWorkingDays.Order())
        {
            // Checked because a weekday listed here is a typo that would otherwise pass unnoticed:
            // weekdays are working days anyway.
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw new ArgumentException(
                    $"Make-up working day {Holiday.Iso(date)} is a {date.DayOfWeek}; make-up working days fall on a Saturday or Sunday.");
            }

            if (holidayByDate.TryGetValue(date, out var holiday))
            {
                throw new ArgumentException(
                    $"{Holiday.Iso(date)} is listed both as a make-up working day and inside holiday {holiday.Name} ({Holiday.Iso(holiday.From)} to {Holiday.Iso(holiday.To)}).");
            }
        }
    }

    /// <summary>No holidays and no make-up days, in the default time zone: plain weekdays and weekends.</summary>
    public static HolidaySchedule Empty { get; } = new(WorkingCalendar.DefaultTimeZoneId, [], []);

    /// <summary>An IANA or Windows time zone id, e.g. <c>Asia/Shanghai</c>.</summary>
    public string TimeZoneId { get; }

    public IReadOnlyList<Holiday> Holidays { get; }

    public IReadOnlySet<DateOnly> MakeUpWorkingDays => makeUpWorkingDays;

    public bool IsHoliday(DateOnly date) => holidayByDate.ContainsKey(date);

    public bool IsMakeUpWorkingDay(DateOnly date) => makeUpWorkingDays.Contains(date);

    /// <summary>
    /// Joins the schedules of several years, as administrators add each year's notice. Adding the same
    /// notice twice changes nothing; a date that one schedule takes off and another works is refused.
    /// </summary>
    /// <remarks>
    /// A merge only adds. To correct a year, rebuild from the corrected notices instead of merging
    /// the correction on top of the old one.
    /// </remarks>
    /// <exception cref="ArgumentException">No schedules, different time zones, or contradicting dates.</exception>
    public static HolidaySchedule Merge(params IEnumerable<HolidaySchedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        var all = schedules.ToList();
        if (all.Count == 0)
        {
            throw new ArgumentException("There are no holiday schedules to merge.", nameof(schedules));
        }

        var timeZoneId = all[0].TimeZoneId;
        var stranger = all.Find(s => !string.Equals(s.TimeZoneId, timeZoneId, StringComparison.Ordinal));
        if (stranger is not null)
        {
            throw new ArgumentException(
                $"Holiday schedules in different time zones cannot be merged: {timeZoneId} and {stranger.TimeZoneId}.",
                nameof(schedules));
        }

        return new HolidaySchedule(
            timeZoneId,
            all.SelectMany(s => s.Holidays),
            all.SelectMany(s => s.MakeUpWorkingDays));
    }
}
