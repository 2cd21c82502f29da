using Dispatch.Domain.Calendar;
using static Dispatch.Domain.Tests.Calendar.Calendars;

namespace Dispatch.Domain.Tests.Calendar;

public class HolidayCalendarJsonTests
{
    // Made-up figures for a second year, only to exercise merging: not the real 2027 notice.
    private const string Year2027 = """
        {
          "timeZone": "Asia/Shanghai",
          "holidays": [
            { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" },
            { "name": "春节", "from": "2027-02-06", "to": "2027-02-14" }
          ],
          "extraWorkdays": ["2027-02-20"]
        }
        """;

    [Fact]
    public void The_embedded_2026_notice_has_seven_holidays_and_six_make_up_days()
    {
        var schedule = HolidayCalendarJson.LoadEmbedded2026();

        Assert.Equal("Asia/Shanghai", schedule.TimeZoneId);
        Assert.Equal(
            ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"],
            schedule.Holidays.Select(h => h.Name));
        Assert.Equal(new Holiday("春节", new DateOnly(2026, 2, 15), new DateOnly(2026, 2, 23)), schedule.Holidays[1]);
        Assert.Equal(
            [new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new DateOnly(2026, 10, 10)],
            schedule.MakeUpWorkingDays.Order());
    }

    [Fact]
    public void The_time_zone_defaults_to_shanghai()
    {
        var schedule = HolidayCalendarJson.Parse("""{ "holidays": [], "extraWorkdays": [] }""");

        Assert.Equal("Asia/Shanghai", schedule.TimeZoneId);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("""{ "extraWorkdays": [] }""", "no \"holidays\" array")]
    [InlineData("""{ "holidays": [] }""", "no \"extraWorkdays\" array")]
    [InlineData("""{ "holidays": {}, "extraWorkdays": [] }""", "\"holidays\" must be an array")]
    [InlineData("""{ "timeZone": "Asia/Beijing", "holidays": [], "extraWorkdays": [] }""", "timeZone is not a time zone known to this machine. Entry: \"Asia/Beijing\"")]
    [InlineData(
        """{ "holidays": [ { "name": "清明节", "from": "2026-04-06", "to": "2026-04-04" } ], "extraWorkdays": [] }""",
        """holidays[0]: Holiday 清明节 starts on 2026-04-06, after it ends on 2026-04-04. Entry: { "name": "清明节", "from": "2026-04-06", "to": "2026-04-04" }""")]
    [InlineData(
        """{ "holidays": [ { "name": "清明节", "from": "2026-4-4", "to": "2026-04-06" } ], "extraWorkdays": [] }""",
        """holidays[0].from must be a date written yyyy-MM-dd. Entry: { "name": "清明节", "from": "2026-4-4", "to": "2026-04-06" }""")]
    [InlineData(
        """{ "holidays": [ { "from": "2026-04-04", "to": "2026-04-06" } ], "extraWorkdays": [] }""",
        """holidays[0] has no name. Entry: { "from": "2026-04-04", "to": "2026-04-06" }""")]
    [InlineData(
        """{ "holidays": [ { "name": "清明节", "from": "2026-04-04" } ], "extraWorkdays": [] }""",
        """holidays[0] has no "to" date. Entry: { "name": "清明节", "from": "2026-04-04" }""")]
    [InlineData(
        """{ "holidays": [ { "name": "国庆节", "from": "2026-10-01", "to": "2027-10-07" } ], "extraWorkdays": [] }""",
        "longer than 31 days")]
    [InlineData("""{ "holidays": [], "extraWorkdays": [20260214] }""", "extraWorkdays[0] must be a date written yyyy-MM-dd. Entry: 20260214")]
    [InlineData("""{ "holidays": [], "extraWorkdays": ["2026-03-10"] }""", "Make-up working day 2026-03-10 is a Tuesday")]
    [InlineData(
        """{ "holidays": [ { "name": "国庆节", "from": "2026-10-01", "to": "2026-10-07" } ], "extraWorkdays": ["2026-10-03"] }""",
        "2026-10-03 is listed both as a make-up working day and inside holiday 国庆节")]
    public void Bad_calendar_files_are_refused_with_the_offending_entry(string json, string expectedInMessage)
    {
        var error = Assert.Throws<HolidayCalendarFormatException>(() => HolidayCalendarJson.Parse(json));

        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_offending_entry_is_kept_as_written()
    {
        const string entry = """{ "name": "清明节", "from": "2026-04-06", "to": "2026-04-04" }""";

        var error = Assert.Throws<HolidayCalendarFormatException>(
            () => HolidayCalendarJson.Parse($$"""{ "holidays": [ {{entry}} ], "extraWorkdays": [] }"""));

        Assert.Equal(entry, error.Entry);
    }

    [Fact]
    public void Merged_years_keep_each_years_holidays_and_make_up_days()
    {
        var merged = new WorkingCalendar(HolidaySchedule.Merge(HolidayCalendarJson.LoadEmbedded2026(), HolidayCalendarJson.Parse(Year2027)));

        Assert.False(merged.IsWorkingDay(new DateOnly(2026, 10, 1))); // 2026 National Day
        Assert.True(merged.IsWorkingDay(new DateOnly(2026, 2, 14))); // 2026 make-up Saturday
        Assert.False(merged.IsWorkingDay(new DateOnly(2027, 1, 1))); // Fri, 2027 New Year
        Assert.False(merged.IsWorkingDay(new DateOnly(2027, 2, 8))); // Mon, inside the 2027 Spring Festival
        Assert.True(merged.IsWorkingDay(new DateOnly(2027, 2, 20))); // Sat, 2027 make-up day
    }

    [Fact]
    public void A_deadline_runs_across_the_new_year_into_a_merged_year()
    {
        // Thu 2026-12-31 17:00–18:00 uses 1 h; 2027-01-01..03 (Fri–Sun) is off; Mon 01-04 08:30 + 1 h.
        var merged = new DeadlineCalculator(new WorkingCalendar(HolidaySchedule.Merge(HolidayCalendarJson.LoadEmbedded2026(), HolidayCalendarJson.Parse(Year2027))));
        var start = At("2026-12-31T17:00:00+08:00");

        AssertAt("2027-01-04T09:30:00+08:00", merged.Deadline(start, TimeLimit.WorkingHours(2)));
        // Without 2027, Fri 01-01 looks like an ordinary working day: 08:30 + 1 h.
        AssertAt("2027-01-01T09:30:00+08:00", China2026Deadlines.Deadline(start, TimeLimit.WorkingHours(2)));
    }

    [Fact]
    public void Merging_the_same_year_twice_changes_nothing()
    {
        var twice = HolidaySchedule.Merge(HolidayCalendarJson.LoadEmbedded2026(), HolidayCalendarJson.LoadEmbedded2026());

        Assert.Equal(7, twice.Holidays.Count);
        Assert.Equal(6, twice.MakeUpWorkingDays.Count);
    }

    [Fact]
    public void Merging_a_year_that_works_another_years_holiday_is_refused()
    {
        var contradiction = HolidayCalendarJson.Parse("""{ "holidays": [], "extraWorkdays": ["2026-10-03"] }""");

        var error = Assert.Throws<ArgumentException>(() => HolidaySchedule.Merge(HolidayCalendarJson.LoadEmbedded2026(), contradiction));

        Assert.Contains("2026-10-03", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merging_calendars_of_different_time_zones_is_refused()
    {
        var berlin = HolidayCalendarJson.Parse("""{ "timeZone": "Europe/Berlin", "holidays": [], "extraWorkdays": [] }""");

        Assert.Throws<ArgumentException>(() => HolidaySchedule.Merge(HolidayCalendarJson.LoadEmbedded2026(), berlin));
    }
}
