using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;
using static Dispatch.Api.Tests.Grids.GridApi;

namespace Dispatch.Api.Tests.Calendar;

/// <summary>
/// From 1 November the command centre is warned while next year's holidays are missing; a notice's text is read into a
/// year before it is stored; replacing a stored year needs the version it was read at.
/// </summary>
public sealed class CalendarWarningsAndNotices(ClockedDispatchApp app) : IClassFixture<ClockedDispatchApp>
{
    private const string Notice2026 = """
        国务院办公厅关于2026年部分节假日安排的通知
        一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
        二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
        三、清明节：4月4日（周六）至6日（周一）放假，共3天。
        四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
        五、端午节：6月19日（周五）至21日（周日）放假，共3天。
        六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
        七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
        """;

    private static async Task<List<(string Code, int Year)>> WarningsAsync(HttpClient client) =>
        (await GetJsonAsync(client, "/api/calendar")).GetProperty("warnings").EnumerateArray()
            .Select(w => (w.GetProperty("code").GetString()!, w.GetProperty("year").GetInt32())).ToList();

    [Fact]
    public async Task From_the_first_of_november_the_command_centre_is_warned_until_next_year_is_entered()
    {
        var admin = await app.SignInAsync("admin");
        var shiftLeader = await app.SignInAsync("shiftleader1");
        var patroller = await app.SignInAsync("patroller1");

        app.Clock.Set(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.FromHours(8)));
        Assert.Empty(await WarningsAsync(admin));

        app.Clock.Set(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal([("next-year-missing", 2027)], await WarningsAsync(admin));
        Assert.Equal([("next-year-missing", 2027)], await WarningsAsync(shiftLeader));
        Assert.Empty(await WarningsAsync(patroller));

        var stored = await admin.PutAsJsonAsync("/api/calendar/years/2027", new
        {
            holidays = new[] { new { name = "元旦", from = "2027-01-01", to = "2027-01-03" } },
            extraWorkdays = Array.Empty<string>(),
        });
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Empty(await WarningsAsync(admin));
    }

    [Fact]
    public async Task A_notice_text_is_read_into_a_year_without_storing_it()
    {
        var admin = await app.SignInAsync("admin");

        var parsed = await OkAsync(await admin.PostAsJsonAsync("/api/calendar/parse-notice",
            new { text = Notice2026 }));

        Assert.Equal(2026, parsed.GetProperty("year").GetInt32());
        Assert.Equal(7, parsed.GetProperty("holidays").GetArrayLength());
        Assert.Equal("2026-02-15", parsed.GetProperty("holidays")[1].GetProperty("from").GetString());
        Assert.Equal(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
            parsed.GetProperty("extraWorkdays").EnumerateArray().Select(d => d.GetString()!).ToArray());
        var years = (await GetJsonAsync(admin, "/api/calendar")).GetProperty("years").EnumerateArray();
        Assert.Equal("embedded", years.Single(y => y.GetProperty("year").GetInt32() == 2026).GetProperty("origin").GetString());
    }

    [Theory]
    [InlineData("{\"text\": \"\"}", "text")]
    [InlineData("{\"text\": \"一、元旦：1月1日（周五）至3日放假。\", \"year\": 2026}", "text")]
    [InlineData("{\"text\": \"一、元旦：1月1日放假。\"}", "text")]
    [InlineData("{\"text\": \"一、元旦：1月1日放假。\", \"year\": 1900}", "year")]
    [InlineData("{\"text\": \"一、元旦：1月1日（周四）至3日（周六）放假。1月5日（周一）上班。\", \"year\": 2026}", "text")]
    [InlineData("{\"text\": 5}", "text")]
    public async Task A_notice_that_cannot_be_read_is_refused_naming_the_field(string body, string field)
    {
        var response = await (await app.SignInAsync("admin")).PostAsync("/api/calendar/parse-notice",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Replacing_a_stored_year_needs_its_current_version_and_each_change_is_audited()
    {
        var admin = await app.SignInAsync("admin");
        var year = new { holidays = new[] { new { name = "元旦", from = "2032-01-01", to = "2032-01-03" } }, extraWorkdays = Array.Empty<string>() };
        var first = await OkAsync(await admin.PutAsJsonAsync("/api/calendar/years/2032", year));
        var version = first.GetProperty("version").GetUInt32();

        var withoutVersion = await ProblemAsync(await admin.PutAsJsonAsync("/api/calendar/years/2032", year), 400);
        Assert.True(withoutVersion.GetProperty("errors").TryGetProperty("version", out _));
        var second = await OkAsync(await admin.PutAsJsonAsync("/api/calendar/years/2032", new
        {
            holidays = new[] { new { name = "元旦", from = "2032-01-01", to = "2032-01-01" } }, extraWorkdays = Array.Empty<string>(), version,
        }));
        var stale = await ProblemAsync(await admin.PutAsJsonAsync("/api/calendar/years/2032", new { year.holidays, year.extraWorkdays, version }), 409);

        Assert.Equal(second.GetProperty("version").GetUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), stale.GetProperty("currentVersion").GetString());
        var stored = (await GetJsonAsync(admin, "/api/calendar")).GetProperty("years").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == 2032);
        Assert.Equal("2032-01-01", stored.GetProperty("holidays")[0].GetProperty("to").GetString());
        var audit = await GetJsonAsync(admin, "/api/admin/audit?subjectType=calendar&subjectKey=2032");
        Assert.Equal(["calendar.year.set", "calendar.year.set"], audit.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("action").GetString()!).ToArray());
    }
}
