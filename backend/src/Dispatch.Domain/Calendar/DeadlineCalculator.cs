namespace Dispatch.Domain.Calendar;

/// <summary>
/// Time-limit arithmetic on a <see cref="WorkingCalendar"/>: when a limit runs out, how much of it is
/// used, and how suspensions and extensions move it. Every instant returned carries the calendar's UTC
/// offset.
/// </summary>
/// <remarks>
/// Conventions, per unit:
/// <list type="bullet">
/// <item>Working hours count only time inside working periods of working days. A start outside them
/// begins counting when the next working period starts; a limit used up exactly at the end of a period
/// is due then, not when the next period starts.</item>
/// <item>Urgent hours and calendar days are clock time: start plus the hours, or plus N × 24 hours.</item>
/// <item>N working days end when the last working period of the Nth working day ends. The start's own
/// date counts as the first of them if it is a working day and the start is before that day's last
/// working period ends; otherwise counting begins with the next working day.</item>
/// <item>A zero limit is due at its start, in every unit.</item>
/// </list>
/// </remarks>
public sealed class DeadlineCalculator
{
    public DeadlineCalculator(WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Calendar = calendar;
    }

    public WorkingCalendar Calendar { get; }

    /// <summary>When <paramref name="limit"/>, started at <paramref name="start"/>, runs out.</summary>
    public DateTimeOffset Deadline(DateTimeOffset start, TimeLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        if (limit.IsZero)
        {
            return Calendar.ToCalendarTime(start);
        }

        var deadline = limit.Unit switch
        {
            TimeLimitUnit.WorkingHours => Spend(Calendar.WorkingIntervalsFrom(start), limit.ToDuration())!.Value,
            TimeLimitUnit.WorkingDays => EndOfWorkingDays(start, decimal.ToInt32(limit.Amount)),
            _ => start + limit.ToDuration(),
        };
        return Calendar.ToCalendarTime(deadline);
    }

    /// <summary>
    /// When <paramref name="limit"/> runs out if its clock stops during the suspensions (挂账) in
    /// <paramref name="pauses"/>; a pause with no end is still in force.
    /// </summary>
    /// <remarks>
    /// Only the part of a pause that the limit's clock would have counted is lost: for working hours
    /// the working time inside it, for urgent hours and calendar days all of it. A limit in working
    /// days is turned into the working time it gives from <paramref name="start"/>, and that working
    /// time is then spent around the pauses, so a deadline pushed by a pause may fall within a day.
    /// Pauses may overlap and may begin before the start.
    /// </remarks>
    /// <returns>The deadline, or <see langword="null"/> when a pause still in force stops the clock before the limit is used up.</returns>
    /// <exception cref="ArgumentException">A pause ends before it begins.</exception>
    public DateTimeOffset? Deadline(
        DateTimeOffset start,
        TimeLimit limit,
        IReadOnlyList<(DateTimeOffset From, DateTimeOffset? To)> pauses)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var stops = MergePauses(pauses);
        if (limit.IsZero || stops.Count == 0)
        {
            return Deadline(start, limit);
        }

        var budget = limit.Unit == TimeLimitUnit.WorkingDays
            ? WorkingTimeBetween(start, EndOfWorkingDays(start, decimal.ToInt32(limit.Amount)))
            : limit.ToDuration();
        var deadline = Spend(Without(Clock(start, limit.Unit), stops), budget);
        return deadline is { } due ? Calendar.ToCalendarTime(due) : null;
    }

    /// <summary>
    /// The deadline after an approved extension (延期): <paramref name="extension"/> is counted as a new
    /// limit starting at <paramref name="currentDeadline"/>, so one extra working day after a deadline
    /// at the close of business ends at the close of the next working day.
    /// </summary>
    public DateTimeOffset Extend(DateTimeOffset currentDeadline, TimeLimit extension) => Deadline(currentDeadline, extension);

    /// <summary>Working time inside [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> is not later.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to) =>
        Measure(Calendar.WorkingIntervalsFrom(from), to);

    /// <summary>
    /// How much of the limit from <paramref name="start"/> to <paramref name="deadline"/> is used at
    /// <paramref name="now"/>, on the clock of <paramref name="unit"/>: working time for working hours and
    /// working days, clock time for urgent hours and calendar days. 0.8 and above is the yellow light,
    /// above 1 is overdue.
    /// </summary>
    /// <returns>
    /// 0 before the start. For a zero limit: 1 at the deadline, positive infinity once any time
    /// has counted after it.
    /// </returns>
    public double FractionUsed(DateTimeOffset start, DateTimeOffset deadline, DateTimeOffset now, TimeLimitUnit unit) =>
        FractionUsed(start, deadline, now, unit, []);

    /// <summary>As <see cref="FractionUsed(DateTimeOffset, DateTimeOffset, DateTimeOffset, TimeLimitUnit)"/>, with the clock stopped during <paramref name="pauses"/>.</summary>
    /// <exception cref="ArgumentException">A pause ends before it begins.</exception>
    public double FractionUsed(
        DateTimeOffset start,
        DateTimeOffset deadline,
        DateTimeOffset now,
        TimeLimitUnit unit,
        IReadOnlyList<(DateTimeOffset From, DateTimeOffset? To)> pauses)
    {
        var stops = MergePauses(pauses);
        var total = Measure(Without(Clock(start, unit), stops), deadline);
        var used = Measure(Without(Clock(start, unit), stops), now);
        if (total == TimeSpan.Zero)
        {
            return used > TimeSpan.Zero ? double.PositiveInfinity : now >= deadline ? 1 : 0;
        }

        return used / total;
    }

    private DateTimeOffset EndOfWorkingDays(DateTimeOffset start, int days)
    {
        var day = Calendar.DateOf(start);
        if (!Calendar.IsWorkingDay(day) || start >= Calendar.EndOfDay(day))
        {
            day = Calendar.NextWorkingDayAfter(day);
        }

        for (var counted = 1; counted < days; counted++)
        {
            day = Calendar.NextWorkingDayAfter(day);
        }

        return Calendar.EndOfDay(day);
    }

    /// <summary>The spans during which the unit's clock runs, from <paramref name="start"/> on.</summary>
    private IEnumerable<TimeInterval> Clock(DateTimeOffset start, TimeLimitUnit unit) =>
        unit is TimeLimitUnit.WorkingHours or TimeLimitUnit.WorkingDays
            ? Calendar.WorkingIntervalsFrom(start)
            : [new TimeInterval(start, DateTimeOffset.MaxValue)];

    /// <summary>The instant at which <paramref name="budget"/> of running time is used up, or null if the clock stops for good first.</summary>
    private static DateTimeOffset? Spend(IEnumerable<TimeInterval> running, TimeSpan budget)
    {
        foreach (var span in running)
        {
            if (budget <= span.Length)
            {
                return span.Start + budget;
            }

            budget -= span.Length;
        }

        return null;
    }

    private static TimeSpan Measure(IEnumerable<TimeInterval> running, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        foreach (var span in running)
        {
            if (span.Start >= to)
            {
                break;
            }

            total += (span.End < to ? span.End : to) - span.Start;
        }

        return total;
    }

    /// <summary>The running spans with the pauses cut out; <paramref name="pauses"/> are sorted and disjoint.</summary>
    private static IEnumerable<TimeInterval> Without(IEnumerable<TimeInterval> running, List<TimeInterval> pauses)
    {
        var next = 0;
        foreach (var span in running)
        {
            while (next < pauses.Count && pauses[next].End <= span.Start)
            {
                next++;
            }

            var start = span.Start;
            for (var i = next; start < span.End; i++)
            {
                if (i == pauses.Count || pauses[i].Start >= span.End)
                {
                    yield return span with { Start = start };
                    break;
                }

                if (pauses[i].Start > start)
                {
                    yield return new TimeInterval(start, pauses[i].Start);
                }

                // A pause still in force stops the clock for good; the running spans are endless.
                if (pauses[i].IsOpenEnded)
                {
                    yield break;
                }

                if (pauses[i].End > start)
                {
                    start = pauses[i].End;
                }
            }
        }
    }

    private static List<TimeInterval> MergePauses(IReadOnlyList<(DateTimeOffset From, DateTimeOffset? To)> pauses)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        var sorted = new List<TimeInterval>(pauses.Count);
        foreach (var (from, to) in pauses)
        {
            if (to < from)
            {
                throw new ArgumentException($"A pause cannot end ({to:O}) before it begins ({from:O}).", nameof(pauses));
            }

            if (to != from)
            {
                sorted.Add(new TimeInterval(from, to ?? DateTimeOffset.MaxValue));
            }
        }

        sorted.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<TimeInterval>(sorted.Count);
        foreach (var pause in sorted)
        {
            if (merged.Count > 0 && pause.Start <= merged[^1].End)
            {
                if (pause.End > merged[^1].End)
                {
                    merged[^1] = merged[^1] with { End = pause.End };
                }
            }
            else
            {
                merged.Add(pause);
            }
        }

        return merged;
    }
}
