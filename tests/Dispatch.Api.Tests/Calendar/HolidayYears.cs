using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Api.Features.Calendar;
using Dispatch.Api.Tests.Lifecycle;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Tests.Calendar;

/// <summary>Administrators add a year's holiday notice; deadlines set afterwards count on it.</summary>
public sealed class HolidayYears(ClockedDispatchApp app) : IClassFixture<ClockedDispatchApp>
{
    private const string Notice2027 = """
        { "timeZone": "Asia/Shanghai",
          "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ],
          "extraWorkdays": [] }
        """;

    [Fact]
    public async Task A_stored_year_is_listed_and_deadlines_in_it_skip_its_holidays()
    {
        var admin = await app.SignInAsync("admin");

        var stored = await admin.PutAsync("/api/calendar/years/2027", Json(Notice2027));

        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var calendar = await (await app.SignInAsync("patroller1")).GetFromJsonAsync<JsonElement>("/api/calendar");
        var years = calendar.GetProperty("years").EnumerateArray().ToList();
        var origins = years.Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("origin").GetString())).ToList();
        Assert.Contains((2026, "embedded"), origins);
        Assert.Contains((2027, "stored"), origins);
        Assert.Equal("元旦", years.Single(y => y.GetProperty("year").GetInt32() == 2027).GetProperty("holidays")[0].GetProperty("name").GetString());
        Assert.Equal("Asia/Shanghai", calendar.GetProperty("timeZone").GetString());

        // New Year's Day 2027 is a Friday; with the notice, the 2 working hours of illegal parking run on Monday.
        app.Clock.Set(new DateTimeOffset(2027, 1, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        var id = await LifecycleApi.DispatchedPatrolCaseAsync(await app.SignInAsync("patroller1"), "new year parking");
        var c = await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 10, 30, 0, TimeSpan.FromHours(8)), c.GetProperty("nextDeadline").Instant());
    }

    [Theory]
    [InlineData(2028, "{\"holidays\": [", "body")]
    [InlineData(2028, "{\"holidays\": [{\"name\": \"x\", \"from\": \"2031-05-01\", \"to\": \"2031-05-02\"}], \"extraWorkdays\": []}", "body")]
    [InlineData(2028, "{\"holidays\": [], \"extraWorkdays\": [\"2028-03-01\"]}", "body")]
    [InlineData(1999, "{\"holidays\": [], \"extraWorkdays\": []}", "year")]
    public async Task A_bad_notice_is_refused_naming_what_is_wrong_and_nothing_is_stored(int year, string json, string field)
    {
        var admin = await app.SignInAsync("admin");

        var response = await admin.PutAsync($"/api/calendar/years/{year}", Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.False(await app.QueryAsync(db => db.HolidayNotices.AnyAsync(n => n.Year == year)));
    }

    [Fact]
    public async Task A_notice_contradicting_another_year_is_422()
    {
        var admin = await app.SignInAsync("admin");
        // The stored 2029 notice makes Sunday 30 December 2029 a working day; a 2030 notice taking it off contradicts it.
        var first = await admin.PutAsync("/api/calendar/years/2029", Json("""{"holidays": [], "extraWorkdays": ["2029-12-30"]}"""));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await admin.PutAsync("/api/calendar/years/2030", Json("""{"holidays": [{"name": "元旦", "from": "2029-12-30", "to": "2030-01-01"}], "extraWorkdays": []}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.False(await app.QueryAsync(db => db.HolidayNotices.AnyAsync(n => n.Year == 2030)));
    }

    [Fact]
    public async Task Only_administrators_store_notices_and_only_as_json()
    {
        var byLeader = await (await app.SignInAsync("leader1")).PutAsync("/api/calendar/years/2031", Json(Notice2027));
        var asText = await (await app.SignInAsync("admin")).PutAsync("/api/calendar/years/2031", new StringContent("{}", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Forbidden, byLeader.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, asText.StatusCode);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
