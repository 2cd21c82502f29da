using System.Globalization;

namespace Dispatch.Domain.Calendar;

/// <summary>A state holiday: every date from <see cref="From"/> to <see cref="To"/>, both included, is off.</summary>
public sealed record Holiday
{
    /// <summary>
    /// The longest state holiday runs about nine days; a range longer than this is almost surely a
    /// mistyped year, which would otherwise silently turn months into days off.
    /// </summary>
    public const int MaxLengthInDays = 31;

    public Holiday(string name, DateOnly from, DateOnly to)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (from > to)
        {
            throw new ArgumentException($"Holiday {name} starts on {Iso(from)}, after it ends on {Iso(to)}.");
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxLengthInDays)
        {
            throw new ArgumentException(
                $"Holiday {name} runs from {Iso(from)} to {Iso(to)}, longer than {MaxLengthInDays} days; check the year.");
        }

        Name = name;
        From = from;
        To = to;
    }

    public string Name { get; }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public IEnumerable<DateOnly> Dates()
    {
        for (var date = From; date <= To; date = date.AddDays(1))
        {
            yield return date;
        }
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
