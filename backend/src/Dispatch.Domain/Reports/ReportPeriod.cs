using System.Globalization;

namespace Dispatch.Domain.Reports;

/// <summary>How long a periodic report (通报) covers.</summary>
public enum ReportKind
{
    /// <summary>月报: one calendar month.</summary>
    Month,
    /// <summary>季报: one calendar quarter, due to the province by the 15th of the month after it.</summary>
    Quarter,
    /// <summary>年报 (年度总结): one calendar year.</summary>
    Year,
}

/// <summary>
/// The calendar period one report covers, in China time calendar days: a month (<c>2026-09</c>), a quarter
/// (<c>2026-Q3</c>) or a year (<c>2026</c>). <see cref="To"/> is the last day, inclusive.
/// </summary>
public sealed record ReportPeriod(ReportKind Kind, int Year, int Number)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public DateOnly From => Kind switch
    {
        ReportKind.Month => new DateOnly(Year, Number, 1),
        ReportKind.Quarter => new DateOnly(Year, (Number - 1) * 3 + 1, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    public DateOnly To => Kind switch
    {
        ReportKind.Month => From.AddMonths(1).AddDays(-1),
        ReportKind.Quarter => From.AddMonths(3).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>报送期限: the 15th of the month after the period (the province's rule for quarterly reports, used for all kinds).</summary>
    public DateOnly Due => new DateOnly(To.Year, To.Month, 15).AddMonths(1);

    /// <summary>The code used in the API and file names: <c>2026-09</c>, <c>2026-Q3</c>, <c>2026</c>.</summary>
    public string Code => Kind switch
    {
        ReportKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}"),
        ReportKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    public string LabelZh => Kind switch
    {
        ReportKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year}年{Number}月"),
        ReportKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year}年第{Number}季度"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year}年度"),
    };

    public string LabelEn => Kind switch
    {
        ReportKind.Month => From.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        ReportKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"Q{Number} {Year}"),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The report's title, e.g. 2026年第3季度数字城管综合评价通报.</summary>
    public string TitleZh => LabelZh + "数字城管综合评价通报";

    public string TitleEn => "Digital city management evaluation report, " + LabelEn;

    public ReportPeriod Previous => Kind switch
    {
        ReportKind.Month => Number == 1 ? new(Kind, Year - 1, 12) : this with { Number = Number - 1 },
        ReportKind.Quarter => Number == 1 ? new(Kind, Year - 1, 4) : this with { Number = Number - 1 },
        _ => this with { Year = Year - 1 },
    };

    /// <summary>The period of <paramref name="kind"/> that holds <paramref name="day"/>.</summary>
    public static ReportPeriod Containing(ReportKind kind, DateOnly day) => kind switch
    {
        ReportKind.Month => new(kind, day.Year, day.Month),
        ReportKind.Quarter => new(kind, day.Year, (day.Month - 1) / 3 + 1),
        _ => new(kind, day.Year, 0),
    };

    /// <summary>The latest period of <paramref name="kind"/> that ended before <paramref name="today"/>.</summary>
    public static ReportPeriod LastEnded(ReportKind kind, DateOnly today) => Containing(kind, today).Previous;

    public static bool TryParseKind(string? text, out ReportKind kind)
    {
        kind = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "month": kind = ReportKind.Month; return true;
            case "quarter": kind = ReportKind.Quarter; return true;
            case "year": kind = ReportKind.Year; return true;
            default: return false;
        }
    }

    public static string KindCode(ReportKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Reads a period code of <paramref name="kind"/>; null with <paramref name="error"/> set when it is not one.</summary>
    public static ReportPeriod? TryParse(ReportKind kind, string? text, out string? error)
    {
        error = null;
        var t = text?.Trim() ?? "";
        var example = kind switch { ReportKind.Month => "2026-09", ReportKind.Quarter => "2026-Q3", _ => "2026" };
        ReportPeriod? period = null;
        if (kind == ReportKind.Year && t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            period = new(kind, y, 0);
        else if (kind == ReportKind.Quarter && t.Length == 7 && t[4] == '-' && (t[5] is 'Q' or 'q')
                 && int.TryParse(t[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var qy)
                 && int.TryParse(t[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 4)
            period = new(kind, qy, q);
        else if (kind == ReportKind.Month && t.Length == 7 && t[4] == '-'
                 && int.TryParse(t[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var my)
                 && int.TryParse(t[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12)
            period = new(kind, my, m);
        if (period is null)
        {
            error = $"'{t}' is not a {KindCode(kind)} period; write it like {example}.";
            return null;
        }
        if (period.Year is < MinYear or > MaxYear)
        {
            error = $"The year must lie between {MinYear} and {MaxYear}.";
            return null;
        }
        return period;
    }
}
