namespace Dispatch.Domain.Calendar;

/// <summary>
/// One year's state holiday notice as an administrator entered it, in the JSON form <see cref="HolidayCalendarJson"/>
/// reads. The working calendar is the embedded 2026 notice merged with every stored year (a stored 2026 replaces
/// the embedded one).
/// </summary>
public sealed class HolidayNotice
{
    private HolidayNotice() { }

    /// <exception cref="HolidayCalendarFormatException">The JSON is not a valid notice, or it lists a date far outside <paramref name="year"/>.</exception>
    public HolidayNotice(int year, string json, string updatedBy, DateTimeOffset updatedAt)
    {
        Year = year;
        Update(json, updatedBy, updatedAt);
    }

    public int Year { get; private set; }
    public string Json { get; private set; } = "";
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Row version for optimistic concurrency (PostgreSQL's xmin); an edit sends back the one it was made from.</summary>
    public uint Version { get; private set; }

    public HolidaySchedule Schedule => HolidayCalendarJson.Parse(Json);

    /// <exception cref="HolidayCalendarFormatException">As for the constructor.</exception>
    public void Update(string json, string updatedBy, DateTimeOffset updatedAt)
    {
        var schedule = HolidayCalendarJson.Parse(json);
        // A notice may reach a few days into the neighbouring years (元旦 from 30 December, say), no further.
        var first = new DateOnly(Year - 1, 12, 1);
        var last = new DateOnly(Year + 1, 1, 31);
        var strays = schedule.Holidays.SelectMany(h => h.Dates()).Concat(schedule.MakeUpWorkingDays)
            .Where(d => d < first || d > last).Order().ToList();
        if (strays.Count > 0)
            throw new HolidayCalendarFormatException($"The notice for {Year} lists {Holiday.Iso(strays[0])}, a date of another year.");
        Json = json;
        UpdatedBy = updatedBy;
        UpdatedAt = updatedAt;
    }
}
