using System.Globalization;

namespace Dispatch.Domain.Calendar;

/// <summary>One working period of a working day, such as 08:30–12:00.</summary>
/// <remarks>A period may not cross midnight, so every period belongs to exactly one date.</remarks>
public sealed record WorkingPeriod
{
    public WorkingPeriod(TimeOnly start, TimeOnly end)
    {
        if (end <= start)
        {
            throw new ArgumentException(
                $"A working period must end after it starts and may not cross midnight, not {Format(start)}–{Format(end)}.",
                nameof(end));
        }

        Start = start;
        End = end;
    }

    public TimeOnly Start { get; }

    public TimeOnly End { get; }

    public override string ToString() => $"{Format(Start)}–{Format(End)}";

    private static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
