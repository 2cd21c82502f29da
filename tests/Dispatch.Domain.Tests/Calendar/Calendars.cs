using System.Globalization;
using Dispatch.Domain.Calendar;

namespace Dispatch.Domain.Tests.Calendar;

/// <summary>The shipped 2026 calendar with default working periods, and helpers to write instants as text.</summary>
internal static class Calendars
{
    public static WorkingCalendar China2026 { get; } = new(HolidayCalendarJson.LoadEmbedded2026());

    public static DeadlineCalculator China2026Deadlines { get; } = new(China2026);

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>Compares wall-clock time and offset, not only the instant, so a result in the wrong offset fails.</summary>
    public static void AssertAt(string expected, DateTimeOffset? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected, actual.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
    }
}
