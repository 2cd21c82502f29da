using System.Globalization;

namespace Dispatch.Domain.Calendar;

/// <summary>
/// A time limit such as "4 working hours" or "3 working days", as the category catalogue states it
/// (<c>limit</c> and <c>unit</c> columns).
/// </summary>
public sealed record TimeLimit
{
    public TimeLimit(decimal amount, TimeLimitUnit unit)
    {
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown time-limit unit.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(amount);

        // A fraction of a working day has no agreed meaning (which half?), so it is refused
        // rather than guessed; fractions belong in working hours.
        if (unit == TimeLimitUnit.WorkingDays && amount != decimal.Truncate(amount))
        {
            throw new ArgumentException(
                $"A limit in working days must be a whole number, not {amount.ToString(CultureInfo.InvariantCulture)}; use working hours for fractions.",
                nameof(amount));
        }

        Amount = amount;
        Unit = unit;
    }

    public decimal Amount { get; }

    public TimeLimitUnit Unit { get; }

    public bool IsZero => Amount == 0;

    public static TimeLimit WorkingHours(decimal hours) => new(hours, TimeLimitUnit.WorkingHours);

    public static TimeLimit UrgentHours(decimal hours) => new(hours, TimeLimitUnit.UrgentHours);

    public static TimeLimit WorkingDays(int days) => new(days, TimeLimitUnit.WorkingDays);

    public static TimeLimit CalendarDays(decimal days) => new(days, TimeLimitUnit.CalendarDays);

    /// <summary>Reads a limit from the catalogue's text form, e.g. <c>("4", "working_hours")</c>.</summary>
    /// <exception cref="FormatException">The amount is not a non-negative number or the unit is unknown.</exception>
    public static TimeLimit Parse(string amount, string unit)
    {
        ArgumentNullException.ThrowIfNull(amount);
        var parsedUnit = ParseUnit(unit);
        if (!decimal.TryParse(amount.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new FormatException($"'{amount}' is not a time-limit amount: expected a non-negative number such as 4 or 0.5.");
        }

        try
        {
            return new TimeLimit(value, parsedUnit);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    /// <summary>Reads a unit name as the catalogue writes it: <c>working_hours</c>, <c>urgent_hours</c>, <c>working_days</c> or <c>calendar_days</c>.</summary>
    /// <exception cref="FormatException">The name is not one of those four.</exception>
    public static TimeLimitUnit ParseUnit(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Trim() switch
        {
            "working_hours" => TimeLimitUnit.WorkingHours,
            "urgent_hours" => TimeLimitUnit.UrgentHours,
            "working_days" => TimeLimitUnit.WorkingDays,
            "calendar_days" => TimeLimitUnit.CalendarDays,
            _ => throw new FormatException(
                $"'{unit}' is not a time-limit unit: expected working_hours, urgent_hours, working_days or calendar_days."),
        };
    }

    /// <summary>The catalogue's name for a unit, the inverse of <see cref="ParseUnit"/>.</summary>
    public static string UnitName(TimeLimitUnit unit) => unit switch
    {
        TimeLimitUnit.WorkingHours => "working_hours",
        TimeLimitUnit.UrgentHours => "urgent_hours",
        TimeLimitUnit.WorkingDays => "working_days",
        TimeLimitUnit.CalendarDays => "calendar_days",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown time-limit unit."),
    };

    /// <summary>
    /// The amount of time on the limit's own clock: working time for working hours, clock time for
    /// urgent hours and calendar days.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The limit is in working days, whose length depends on where they start.
    /// </exception>
    public TimeSpan ToDuration() => Unit switch
    {
        TimeLimitUnit.WorkingHours or TimeLimitUnit.UrgentHours => Ticks(TimeSpan.TicksPerHour),
        TimeLimitUnit.CalendarDays => Ticks(TimeSpan.TicksPerDay),
        _ => throw new InvalidOperationException(
            "A limit in working days has no fixed duration; ask a DeadlineCalculator for its deadline instead."),
    };

    public override string ToString() => $"{Amount.ToString(CultureInfo.InvariantCulture)} {UnitName(Unit)}";

    private TimeSpan Ticks(long ticksPerUnit) => TimeSpan.FromTicks(decimal.ToInt64(decimal.Round(Amount * ticksPerUnit)));
}
