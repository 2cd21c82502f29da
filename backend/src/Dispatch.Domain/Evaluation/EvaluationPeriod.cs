using System.Globalization;

namespace Dispatch.Domain.Evaluation;

/// <summary>The kinds of evaluation period (docs/domain.md §6). Weeks start on Monday.</summary>
public enum PeriodKind
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Custom,
}

/// <summary>
/// A run of China-time (Asia/Shanghai, UTC+8 all year) calendar days, both ends inclusive. Evaluation places an event
/// in the period whose days hold the instant of the step it measures.
/// </summary>
public sealed record EvaluationPeriod
{
    /// <summary>China has kept UTC+8 without daylight saving since 1991.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The longest custom period accepted (a little over a year).</summary>
    public const int MaxCustomDays = 400;

    private EvaluationPeriod(PeriodKind kind, DateOnly from, DateOnly to)
    {
        Kind = kind;
        From = from;
        To = to;
    }

    public PeriodKind Kind { get; }
    public DateOnly From { get; }
    public DateOnly To { get; }

    /// <summary>The first instant of the period (00:00 China time on <see cref="From"/>).</summary>
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), ChinaOffset);

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset);

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The China-time calendar day of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaOffset).DateTime);

    /// <summary>The period of a kind (not custom) that holds a day.</summary>
    public static EvaluationPeriod Containing(PeriodKind kind, DateOnly day)
    {
        switch (kind)
        {
            case PeriodKind.Day:
                return new(kind, day, day);
            case PeriodKind.Week:
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                return new(kind, monday, monday.AddDays(6));
            case PeriodKind.Month:
                var first = new DateOnly(day.Year, day.Month, 1);
                return new(kind, first, first.AddMonths(1).AddDays(-1));
            case PeriodKind.Quarter:
                var q = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
                return new(kind, q, q.AddMonths(3).AddDays(-1));
            case PeriodKind.Year:
                return new(kind, new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "A custom period needs both ends.");
        }
    }

    /// <summary>A custom period; null when <paramref name="to"/> is before <paramref name="from"/> or it is too long.</summary>
    public static EvaluationPeriod? Custom(DateOnly from, DateOnly to) =>
        to < from || to.DayNumber - from.DayNumber + 1 > MaxCustomDays ? null : new(PeriodKind.Custom, from, to);

    /// <summary>The period just before, of the same kind and length.</summary>
    public EvaluationPeriod Previous() => Kind == PeriodKind.Custom
        ? new(Kind, From.AddDays(-Days), From.AddDays(-1))
        : Containing(Kind, From.AddDays(-1));

    /// <summary>The period just after, of the same kind and length.</summary>
    public EvaluationPeriod Next() => Kind == PeriodKind.Custom
        ? new(Kind, To.AddDays(1), To.AddDays(Days))
        : Containing(Kind, To.AddDays(1));

    public bool Holds(DateTimeOffset at) => at >= Start && at < End;

    /// <summary>The kind as the API spells it: <c>day</c>, <c>week</c> ... <c>custom</c>.</summary>
    public static string Name(PeriodKind kind) => kind.ToString().ToLowerInvariant();

    public static PeriodKind? ParseKind(string? text) => text switch
    {
        "day" => PeriodKind.Day,
        "week" => PeriodKind.Week,
        "month" => PeriodKind.Month,
        "quarter" => PeriodKind.Quarter,
        "year" => PeriodKind.Year,
        "custom" => PeriodKind.Custom,
        _ => null,
    };

    public string LabelZh => Kind switch
    {
        PeriodKind.Day => $"{From.Year}年{From.Month}月{From.Day}日",
        PeriodKind.Month => $"{From.Year}年{From.Month}月",
        PeriodKind.Quarter => $"{From.Year}年第{"一二三四"[(From.Month - 1) / 3]}季度",
        PeriodKind.Year => $"{From.Year}年",
        _ => $"{From.Year}年{From.Month}月{From.Day}日至{To.Year}年{To.Month}月{To.Day}日",
    };

    public string LabelEn => Kind switch
    {
        PeriodKind.Day => From.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        PeriodKind.Month => From.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"Q{(From.Month - 1) / 3 + 1} {From.Year}",
        PeriodKind.Year => From.Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Week => "Week of " + From.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        _ => From.ToString("d MMM yyyy", CultureInfo.InvariantCulture) + " – " + To.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
    };
}
