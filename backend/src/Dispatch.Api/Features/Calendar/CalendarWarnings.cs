namespace Dispatch.Api.Features.Calendar;

/// <summary>
/// What the command centre must be told about the calendar: from 1 November, next year's holidays not yet entered
/// (the State Council publishes them in late October or November; without them 1 January would count as a working
/// day); at any time, this year's missing.
/// </summary>
public static class CalendarWarnings
{
    public const string NextYearMissing = "next-year-missing";
    public const string YearMissing = "year-missing";

    public static IReadOnlyList<CalendarWarningDto> For(DateOnly today, IReadOnlySet<int> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var warnings = new List<CalendarWarningDto>();
        if (!years.Contains(today.Year))
            warnings.Add(new CalendarWarningDto(YearMissing, today.Year));
        if (today.Month >= 11 && !years.Contains(today.Year + 1))
            warnings.Add(new CalendarWarningDto(NextYearMissing, today.Year + 1));
        return warnings;
    }
}
