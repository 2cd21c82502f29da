using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dispatch.Domain.Calendar;

/// <summary>A holiday year read from the text of the State Council's notice: the year, its holidays and make-up working days.</summary>
public sealed record ParsedHolidayNotice(int Year, IReadOnlyList<Holiday> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays);

/// <summary>
/// Reads the text of 国务院办公厅关于某年部分节假日安排的通知 as it is published and pasted, one numbered item per
/// holiday:
/// <code>
/// 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
/// 二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
/// </code>
/// The sentence with 放假 gives the days off (a range with 至, or one day); sentences with 上班 give make-up working
/// days. A date without a year is in the notice's year, an end without a month is in the start's month; a weekday in
/// brackets (（周四）, （星期四）) is checked against the date, which catches a mistyped day.
/// </summary>
public static partial class HolidayNoticeText
{
    private const string Numerals = "一二三四五六七八九十";

    /// <param name="text">The notice, or just its items.</param>
    /// <param name="year">The notice's year; when null it is read from the text (“2026年部分节假日安排”, “2026年元旦”).</param>
    /// <exception cref="HolidayCalendarFormatException">The text holds no item, or an item cannot be read; the message names it.</exception>
    public static ParsedHolidayNotice Parse(string text, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Normalize(text);
        var noticeYear = year ?? YearOf(text)
            ?? throw new HolidayCalendarFormatException("The text does not say which year it is for (e.g. “2026年部分节假日安排”); give the year.");

        var holidays = new List<Holiday>();
        var workdays = new List<DateOnly>();
        var items = Item().Matches(text);
        if (items.Count == 0)
            throw new HolidayCalendarFormatException("No holiday found: paste the notice's numbered lines, e.g. “一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。”.");
        foreach (Match item in items)
        {
            var name = item.Groups["name"].Value.Trim();
            var label = $"{item.Groups["num"].Value}、{name}";
            var sentences = item.Groups["body"].Value.Split('。', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var off = sentences.FirstOrDefault(s => s.Contains("放假", StringComparison.Ordinal))
                ?? throw new HolidayCalendarFormatException($"{label}: no sentence says which days are off (放假).");
            holidays.Add(ReadHoliday(label, name, off, noticeYear));
            foreach (var sentence in sentences.Where(s => s != off && s.Contains("上班", StringComparison.Ordinal)))
                workdays.AddRange(ReadDates(label, sentence, noticeYear));
        }
        return new ParsedHolidayNotice(noticeYear, holidays, workdays.Distinct().Order().ToList());
    }

    private static Holiday ReadHoliday(string label, string name, string sentence, int year)
    {
        var until = sentence.IndexOf('至', StringComparison.Ordinal);
        var dates = DateToken().Matches(sentence).ToList();
        if (dates.Count == 0)
            throw new HolidayCalendarFormatException($"{label}: no date in “{sentence}”.");
        var from = ToDate(label, dates[0], year, null);
        var to = from;
        if (until >= 0)
        {
            var end = dates.FirstOrDefault(d => d.Index > until)
                ?? throw new HolidayCalendarFormatException($"{label}: “至” is not followed by a date in “{sentence}”.");
            to = ToDate(label, end, year, from);
            if (to < from && !end.Groups["y"].Success)
                to = to.AddYears(1);
        }
        try
        {
            return new Holiday(name, from, to);
        }
        catch (ArgumentException e)
        {
            throw new HolidayCalendarFormatException($"{label}: {e.Message}", e);
        }
    }

    private static List<DateOnly> ReadDates(string label, string sentence, int year)
    {
        var dates = new List<DateOnly>();
        DateOnly? previous = null;
        foreach (Match token in DateToken().Matches(sentence))
        {
            var date = ToDate(label, token, year, previous);
            dates.Add(date);
            previous = date;
        }
        if (dates.Count == 0)
            throw new HolidayCalendarFormatException($"{label}: no date in “{sentence}”.");
        return dates;
    }

    /// <summary>A date token; a missing year or month comes from <paramref name="context"/> (the range's start, the previous date) or the notice.</summary>
    private static DateOnly ToDate(string label, Match token, int year, DateOnly? context)
    {
        var y = token.Groups["y"].Success ? Number(token.Groups["y"].Value) : context?.Year ?? year;
        var m = token.Groups["m"].Success ? Number(token.Groups["m"].Value) : context?.Month
            ?? throw new HolidayCalendarFormatException($"{label}: “{token.Value}” has no month.");
        var d = Number(token.Groups["d"].Value);
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
            throw new HolidayCalendarFormatException($"{label}: “{token.Value}” is not a date of {y}.");
        var date = new DateOnly(y, m, d);
        if (token.Groups["wd"].Success && Weekday(token.Groups["wd"].Value) is { } said && said != date.DayOfWeek)
            throw new HolidayCalendarFormatException(
                $"{label}: {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is a {date.DayOfWeek}, but the text says “{token.Groups["wd"].Value}”; check the date.");
        return date;
    }

    private static DayOfWeek? Weekday(string text) => text[^1] switch
    {
        '一' => DayOfWeek.Monday,
        '二' => DayOfWeek.Tuesday,
        '三' => DayOfWeek.Wednesday,
        '四' => DayOfWeek.Thursday,
        '五' => DayOfWeek.Friday,
        '六' => DayOfWeek.Saturday,
        '日' or '天' => DayOfWeek.Sunday,
        _ => null,
    };

    private static int? YearOf(string text) =>
        NoticeYear().Match(text) is { Success: true } m ? Number(m.Groups["y"].Value) : null;

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Full-width digits and punctuation as half-width where the patterns expect them; each item on its own line.</summary>
    private static string Normalize(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var ch in text)
            b.Append(ch is >= '０' and <= '９' ? (char)(ch - '０' + '0') : ch == ':' ? '：' : ch == '(' ? '（' : ch == ')' ? '）' : ch);
        // Pasted from a web page, the items may run on in one line: start each on its own.
        return ItemStart().Replace(b.ToString(), "\n");
    }

    [GeneratedRegex(@"(?<num>[" + Numerals + @"]{1,3})、\s*(?<name>[^：\n，。]{1,16}?)\s*：(?<body>[^\n]*)")]
    private static partial Regex Item();

    [GeneratedRegex(@"(?<=。)\s*(?=[" + Numerals + @"]{1,3}、[^：\n，。]{1,16}：)")]
    private static partial Regex ItemStart();

    [GeneratedRegex(@"(?:(?<y>\d{4})\s*年\s*)?(?:(?<m>\d{1,2})\s*月\s*)?(?<d>\d{1,2})\s*日(?:\s*（[^）]*?(?<wd>(?:周|星期)[一二三四五六日天])[^）]*）)?")]
    private static partial Regex DateToken();

    [GeneratedRegex(@"(?<y>\d{4})\s*年\s*(?:部分)?(?:节假日|元旦)")]
    private static partial Regex NoticeYear();
}
