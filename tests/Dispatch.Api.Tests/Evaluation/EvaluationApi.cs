using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Grids.GridApi;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Evaluation;

/// <summary>
/// The evaluation endpoints over facts the real lifecycle wrote: a case counts in the period of the step measured,
/// the league, trend and cases behind a number agree, bad parameters get 400 naming them, scoring edits are checked.
/// </summary>
public sealed class EvaluationApi(ClockedDispatchApp app) : IClassFixture<ClockedDispatchApp>
{
    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static JsonElement Row(JsonElement league, string key) =>
        league.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);

    private async Task<Guid> DispatchedAsync(HttpClient patroller, DateTimeOffset at)
    {
        app.Clock.Set(at);
        return await DispatchedPatrolCaseAsync(patroller, "评价测试" + Guid.NewGuid().ToString("N")[..6]);
    }

    [Fact]
    public async Task A_case_reported_in_march_and_closed_in_april_counts_in_aprils_closing_rate()
    {
        var patroller = await app.SignInAsync("patroller1");
        var handler = await app.SignInAsync("handler.xs-traffic");
        var acceptor = await app.SignInAsync("acceptor1");
        var shiftLeader = await app.SignInAsync("shiftleader1");
        var leader = await app.SignInAsync("leader1");

        // Reported and dispatched Monday 30 March; fed back, checked and closed Wednesday 1 April.
        var march = await DispatchedAsync(patroller, At(3, 30, 9));
        await OkAsync(handler, march, "sign");
        app.Clock.Set(At(4, 1, 9));
        // The handling deadline passed meanwhile: let the sweeper write its overdue and escalation rows first.
        await DispatchApp.EventuallyAsync(() => leader.GetFromJsonAsync<JsonElement>($"/api/cases/{march}"),
            c => c.GetProperty("light").GetString() == "Red", "the sweeper marks the case overdue");
        await OkWithPhotoAsync(handler, march, "feedback", new Dictionary<string, string> { ["opinion"] = "已拖离" }, CaseApi.Png);
        await OkAsync(acceptor, march, "request-check");
        await OkAsync(patroller, march, "check", new { passed = true, opinion = "已整改" });
        await OkAsync(shiftLeader, march, "close");
        // A second case dispatched in April and still open: April's one case due to close.
        await DispatchedAsync(patroller, At(4, 2, 9));

        var april = await GetJsonAsync(leader, "/api/evaluation/league?object=department&period=month&date=2026-04-15");
        Assert.Equal(("month", "2026-04-01", "2026-04-30"), (april.GetProperty("period").GetProperty("kind").GetString(),
            april.GetProperty("period").GetProperty("from").GetString(), april.GetProperty("period").GetProperty("to").GetString()));
        Assert.Equal("2026-03-01", april.GetProperty("previous").GetProperty("from").GetString());
        var aprilRow = Row(april, "xs-traffic");
        // April: closed 1 (the March case), due to close 1 (the April case): 结案率 1 ÷ 1; closed late (it ran overdue).
        Assert.Equal(0, aprilRow.GetProperty("counts").GetProperty("closedOnTime").GetInt64());
        Assert.Equal(1, aprilRow.GetProperty("counts").GetProperty("overdue").GetInt64());
        Assert.Equal(1, aprilRow.GetProperty("counts").GetProperty("closed").GetInt64());
        Assert.Equal(1, aprilRow.GetProperty("counts").GetProperty("closeDue").GetInt64());
        Assert.Equal(1.0, aprilRow.GetProperty("rates").GetProperty("closeRate").GetDouble());
        Assert.Equal(1, aprilRow.GetProperty("counts").GetProperty("handleDue").GetInt64());
        Assert.Contains("closeRate", april.GetProperty("indicators").Strings());
        Assert.Equal("桂林市公安局交警支队象山大队", Row(april, "xs-traffic").GetProperty("nameZh").GetString());

        // March: due 1, closed 0: 结案率 0 ÷ 1; the case never counts as closed in March.
        var marchTable = await GetJsonAsync(leader, "/api/evaluation/league?object=department&period=month&date=2026-03-02");
        var marchRow = Row(marchTable, "xs-traffic");
        Assert.Equal(0, marchRow.GetProperty("counts").GetProperty("closed").GetInt64());
        Assert.Equal(1, marchRow.GetProperty("counts").GetProperty("closeDue").GetInt64());
        Assert.Equal(0.0, marchRow.GetProperty("rates").GetProperty("closeRate").GetDouble());
        // A rank in April and in March, so a rank change.
        Assert.Equal(aprilRow.GetProperty("previousRank").GetInt32() - aprilRow.GetProperty("rank").GetInt32(),
            aprilRow.GetProperty("rankChange").GetInt32());

        // The case behind April's closed count is the March case, at its closing.
        var behind = await GetJsonAsync(leader, "/api/evaluation/cases?object=department&key=xs-traffic&indicator=closed&period=month&date=2026-04-15");
        Assert.Equal(1, behind.GetProperty("total").GetInt64());
        var item = behind.GetProperty("items")[0];
        Assert.Equal(march, item.GetProperty("caseId").GetGuid());
        Assert.Equal(At(4, 1, 9), item.GetProperty("at").Instant());
        Assert.Equal("Closed", item.GetProperty("state").GetString());

        // The trend says the same, oldest first.
        var trend = await GetJsonAsync(leader, "/api/evaluation/trend?object=department&key=xs-traffic&period=month&count=2&date=2026-04-15");
        var points = trend.GetProperty("points");
        Assert.Equal(2, points.GetArrayLength());
        Assert.Equal("2026-03-01", points[0].GetProperty("period").GetProperty("from").GetString());
        Assert.Equal(0, points[0].GetProperty("counts").GetProperty("closed").GetInt64());
        Assert.Equal(1, points[1].GetProperty("counts").GetProperty("closed").GetInt64());

        // Regions: the case's street, under its district, drills down further.
        var street = await app.QueryAsync(db => db.Cases.Where(c => c.Id == march).Select(c => new { c.StreetCode, c.DistrictCode }).SingleAsync());
        var streets = await GetJsonAsync(leader, $"/api/evaluation/league?object=street&period=month&date=2026-04-15&parent={street.DistrictCode}");
        var streetRow = Row(streets, street.StreetCode!);
        Assert.Equal(1, streetRow.GetProperty("counts").GetProperty("closed").GetInt64());
        Assert.True(streetRow.GetProperty("hasChildren").GetBoolean());
        Assert.All(streets.GetProperty("rows").EnumerateArray(), r => Assert.StartsWith(street.DistrictCode, r.GetProperty("key").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_fact_the_lifecycle_wrote_is_derived_again_by_the_backfill()
    {
        var patroller = await app.SignInAsync("patroller1");
        var handler = await app.SignInAsync("handler.xs-traffic");
        var id = await DispatchedAsync(patroller, At(5, 11, 9));
        await OkAsync(handler, id, "return", new { reason = "不属于本单位" });
        await OkAsync(await app.SignInAsync("dispatcher1"), id, "dispatch", new { departmentKey = "xs-traffic" });
        await OkAsync(handler, id, "sign");
        await OkWithPhotoAsync(handler, id, "feedback", new Dictionary<string, string> { ["opinion"] = "已拖离" }, CaseApi.Png);
        await OkAsync(await app.SignInAsync("acceptor1"), id, "request-check");
        await OkAsync(patroller, id, "check", new { passed = false, opinion = "仍在" });

        static string Key(string code, string? department, string? person, bool? onTime) => $"{code}|{department}|{person}|{onTime}";
        var rows = await app.QueryAsync(db => db.EvaluationFacts.Where(f => f.CaseId == id).OrderBy(f => f.Sequence).ThenBy(f => f.Code)
            .Select(f => new { f.Code, f.DepartmentKey, f.Person, f.OnTime }).ToListAsync());
        var written = rows.Select(f => Key(f.Code, f.DepartmentKey, f.Person, f.OnTime)).ToList();
        Assert.Contains(Key("returned", "xs-traffic", "system", null), written);
        Assert.Contains(Key("reworked", "xs-traffic", "patroller1", null), written);

        // Forget the case's facts and derive them from its trace with the migration's SQL: the same facts.
        var derived = await app.QueryAsync(async db =>
        {
            await db.EvaluationFacts.Where(f => f.CaseId == id).ExecuteDeleteAsync();
            await db.Database.ExecuteSqlRawAsync(Dispatch.Persistence.Evaluation.EvaluationBackfillSql.Text);
            var facts = await db.EvaluationFacts.Where(f => f.CaseId == id).OrderBy(f => f.Sequence).ThenBy(f => f.Code)
                .Select(f => new { f.Code, f.DepartmentKey, f.Person, f.OnTime }).ToListAsync();
            return facts.Select(f => Key(f.Code, f.DepartmentKey, f.Person, f.OnTime)).ToList();
        });
        Assert.Equal(written, derived);
    }

    [Theory]
    [InlineData("/api/evaluation/league?object=planet&period=month", "object")]
    [InlineData("/api/evaluation/league?period=month", "object")]
    [InlineData("/api/evaluation/league?object=department&period=fortnight", "period")]
    [InlineData("/api/evaluation/league?object=department&period=month&date=2026-13-01", "date")]
    [InlineData("/api/evaluation/league?object=department&period=custom&to=2026-01-31", "from")]
    [InlineData("/api/evaluation/league?object=department&period=custom&from=2026-02-01&to=2026-01-31", "to")]
    [InlineData("/api/evaluation/league?object=department&period=month&parent=450304", "parent")]
    [InlineData("/api/evaluation/league?object=street&period=month&parent=abc", "parent")]
    [InlineData("/api/evaluation/trend?object=department&period=month&count=0", "count")]
    [InlineData("/api/evaluation/trend?object=department&period=custom", "period")]
    [InlineData("/api/evaluation/cases?object=department&period=month&indicator=closeRate", "indicator")]
    [InlineData("/api/evaluation/cases?object=department&period=month&indicator=closed&cursor=nonsense", "cursor")]
    [InlineData("/api/evaluation/cases?object=department&period=month&indicator=closed&limit=100000", "limit")]
    public async Task A_bad_parameter_is_refused_by_name(string url, string parameter)
    {
        var response = await (await app.SignInAsync("leader1")).GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.GetRawText());
    }

    [Fact]
    public async Task Indicators_name_their_definitions_and_handlers_may_not_read_the_league()
    {
        var leader = await app.SignInAsync("leader1");
        var indicators = await GetJsonAsync(leader, "/api/evaluation/indicators");
        var closeRate = indicators.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "closeRate");
        Assert.Equal(("rate", "closed", "closeDue", "结案率"), (closeRate.GetProperty("kind").GetString(), closeRate.GetProperty("numerator").GetString(),
            closeRate.GetProperty("denominator").GetString(), closeRate.GetProperty("nameZh").GetString()));
        Assert.All(indicators.EnumerateArray(), i => Assert.False(string.IsNullOrEmpty(i.GetProperty("definitionEn").GetString())));
        foreach (var code in new[] { "reported", "valid", "accepted", "filed", "voided", "dispatchDue", "dispatched", "dispatchedOnTime", "returned",
                     "handleDue", "handledOnTime", "handledLate", "extended", "reworked", "checksFailed", "closeDue", "closed", "closedOnTime",
                     "checksDue", "checksOnTime", "verificationsDue", "verificationsOnTime", "callbacks", "callbacksSatisfied", "selfHandled" })
            Assert.Contains(indicators.EnumerateArray(), i => i.GetProperty("code").GetString() == code && i.GetProperty("kind").GetString() == "count");

        var handler = await app.SignInAsync("handler.xs-traffic");
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/api/evaluation/league?object=department&period=month")).StatusCode);
    }

    [Fact]
    public async Task Scoring_edits_are_checked_versioned_and_change_the_scores()
    {
        var admin = await app.SignInAsync("admin");
        var scoring = await GetJsonAsync(admin, "/api/evaluation/scoring");
        var version = scoring.GetProperty("version").GetInt32();
        var department = scoring.GetProperty("schemes").EnumerateArray().Single(s => s.GetProperty("object").GetString() == "department");
        Assert.Equal([30.0, 30, 30, 10], department.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("weight").GetDouble()));

        object Body(int v, double closeWeight) => new
        {
            version = v,
            schemes = scoring.GetProperty("schemes").EnumerateArray().Select(s => new
            {
                @object = s.GetProperty("object").GetString(),
                items = s.GetProperty("items").EnumerateArray().Select((i, n) => new
                {
                    indicator = i.GetProperty("indicator").GetString(),
                    weight = s.GetProperty("object").GetString() == "department" && n == 0 ? closeWeight : i.GetProperty("weight").GetDouble(),
                    inverted = i.GetProperty("inverted").GetBoolean(),
                }).ToList(),
                bands = JsonSerializer.Deserialize<JsonElement>(s.GetProperty("bands").GetRawText()),
            }).ToList(),
        };

        var bad = await admin.PutAsJsonAsync("/api/admin/evaluation/scoring", Body(version, 20));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("schemes[0].items", out _), problem.GetRawText());

        // JSON lets a list hold null where a scheme, an item or a band belongs: refused by path, nothing stored.
        foreach (var (raw, path) in new[]
        {
            ($"{{\"version\":{version},\"schemes\":[null]}}", "schemes[0]"),
            ($"{{\"version\":{version},\"schemes\":[{{\"object\":\"department\",\"items\":[null],\"bands\":[]}}]}}", "schemes[0].items[0]"),
            ($"{{\"version\":{version},\"schemes\":[{{\"object\":\"department\",\"items\":[],\"bands\":[null]}}]}}", "schemes[0].bands[0]"),
        })
        {
            var holed = await admin.PutAsync("/api/admin/evaluation/scoring", new StringContent(raw, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, holed.StatusCode);
            Assert.Equal("application/problem+json", holed.Content.Headers.ContentType?.MediaType);
            Assert.True((await holed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(path, out _), raw);
        }
        Assert.Equal(version, (await GetJsonAsync(admin, "/api/evaluation/scoring")).GetProperty("version").GetInt32());

        var saved = await admin.PutAsJsonAsync("/api/admin/evaluation/scoring", Body(version, 30));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(version + 1, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        var stale = await admin.PutAsJsonAsync("/api/admin/evaluation/scoring", Body(version, 30));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var leader = await app.SignInAsync("leader1");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PutAsJsonAsync("/api/admin/evaluation/scoring", Body(version + 1, 30))).StatusCode);
    }
}
