using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Cases;

/// <summary>
/// A case's history as people read it: each row in the language the request asks for (Accept-Language), with the
/// names of departments, rules, grid nodes and people, never their keys, ids or codes. The case is dispatched by a
/// rule, given an assisting department, and swept to yellow, red and escalation with a clock the test moves.
/// </summary>
public sealed partial class ReadingTheTrace(ClockedDispatchApp app) : IClassFixture<ClockedDispatchApp>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly string[] Enforcement = ["xs-enforcement"];

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, China);

    private static async Task<JsonElement> GetAsync(HttpClient client, Guid id, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{id}");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Row(JsonElement c, string code) =>
        c.GetProperty("trace").EnumerateArray().Single(t => t.GetProperty("code").GetString() == code);

    private static string Text(JsonElement c, string code) => Row(c, code).GetProperty("text").GetString()!;

    [Fact]
    public async Task A_rule_dispatch_an_assist_and_a_sweep_to_escalation_read_with_names_in_chinese_and_in_english()
    {
        app.Clock.Set(At(9, 9));
        var patroller = await app.SignInAsync("patroller1");
        var dispatcher = await app.SignInAsync("dispatcher1");
        var leader = await app.SignInAsync("leader1");
        var id = await DispatchedPatrolCaseAsync(patroller, "占道停车，trace text");
        await OkAsync(dispatcher, id, "assist", new { assistingDepartmentKeys = Enforcement, opinion = "执法局协助" });
        app.Clock.Set(At(9, 10, 40));
        await DispatchApp.EventuallyAsync(() => leader.GetFromJsonAsync<JsonElement>($"/api/cases/{id}"),
            c => c.GetProperty("light").GetString() == "Yellow", "the case to turn yellow");
        app.Clock.Set(At(9, 11, 5));
        await DispatchApp.EventuallyAsync(() => leader.GetFromJsonAsync<JsonElement>($"/api/cases/{id}"),
            c => c.GetProperty("escalated").GetBoolean(), "the case to be escalated");

        var zh = await GetAsync(leader, id, "zh-CN");
        var en = await GetAsync(leader, id, "en-US");

        Assert.Equal(["report", "accept.auto", "file.auto", "dispatch.rule", "assist", "warn", "overdue", "escalate.auto"],
            zh.GetProperty("trace").EnumerateArray().Select(t => t.GetProperty("code").GetString()));
        var (traffic, enforcement) = await app.QueryAsync(async db => (
            await db.Departments.SingleAsync(d => d.Key == "xs-traffic"),
            await db.Departments.SingleAsync(d => d.Key == "xs-enforcement")));
        var street = zh.GetProperty("street").GetProperty("name").GetString()!;
        Assert.False(string.IsNullOrEmpty(street));

        Assert.StartsWith("按派遣规则「", Text(zh, "dispatch.rule"), StringComparison.Ordinal);
        Assert.EndsWith($"」派遣至{traffic.NameZh}", Text(zh, "dispatch.rule"), StringComparison.Ordinal);
        Assert.Equal($"协办单位：{enforcement.NameZh}", Text(zh, "assist"));
        Assert.Equal("处置时限即将用完（黄灯）", Text(zh, "warn"));
        Assert.Equal("已超过处置时限", Text(zh, "overdue"));
        Assert.Equal($"超时自动督办：{street}", Text(zh, "escalate.auto"));
        Assert.Equal("按受理策略自动受理", Text(zh, "accept.auto"));

        Assert.StartsWith($"Dispatched to {traffic.NameEn} by the routing rule “", Text(en, "dispatch.rule"), StringComparison.Ordinal);
        Assert.Equal($"Assisting departments: {enforcement.NameEn}", Text(en, "assist"));
        Assert.Equal("Handling time limit exceeded", Text(en, "overdue"));
        Assert.Equal($"Escalated automatically to {street} (street)", Text(en, "escalate.auto"));

        // People by their names, the software as 系统 / System, departments by name; opinions only as people wrote them.
        Assert.Equal(("派遣员一", "执法局协助"), (Row(zh, "assist").GetProperty("actorName").GetString(), Row(zh, "assist").GetProperty("opinion").GetString()));
        Assert.Equal("dispatcher1", Row(zh, "assist").GetProperty("actor").GetString());
        Assert.Equal(("系统", "System"), (Row(zh, "escalate.auto").GetProperty("actorName").GetString(), Row(en, "escalate.auto").GetProperty("actorName").GetString()));
        Assert.Equal((traffic.NameZh, traffic.NameEn),
            (Row(zh, "dispatch.rule").GetProperty("departmentName").GetString(), Row(en, "dispatch.rule").GetProperty("departmentName").GetString()));
        foreach (var row in zh.GetProperty("trace").EnumerateArray().Where(t => t.GetProperty("role").GetString() == "system"))
            Assert.Equal(JsonValueKind.Null, row.GetProperty("opinion").ValueKind);

        foreach (var (c, chinese) in new[] { (zh, true), (en, false) })
        {
            foreach (var row in c.GetProperty("trace").EnumerateArray())
            {
                var text = row.GetProperty("text").GetString()!;
                Assert.False(string.IsNullOrWhiteSpace(text));
                Assert.DoesNotMatch(DepartmentKey(), text);
                Assert.DoesNotMatch(Id(), text);
                Assert.DoesNotMatch(GridCode(), text);
                Assert.DoesNotContain("patroller1", row.GetProperty("actorName").GetString(), StringComparison.Ordinal);
                if (chinese)
                    Assert.DoesNotMatch(EnglishWord(), text);
            }
        }
    }

    [Fact]
    public async Task Without_accept_language_the_trace_reads_in_chinese()
    {
        app.Clock.Set(At(10, 9));
        var patroller = await app.SignInAsync("patroller2");
        var id = await DispatchedPatrolCaseAsync(patroller, "默认中文");

        var c = await patroller.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");

        Assert.Equal("上报", Text(c, "report"));
        Assert.Equal("按受理策略自动立案", Text(c, "file.auto"));
    }

    [GeneratedRegex(@"\b(xs|gl)-[a-z-]+")]
    private static partial Regex DepartmentKey();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-")]
    private static partial Regex Id();

    [GeneratedRegex("[0-9]{6,}")]
    private static partial Regex GridCode();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex EnglishWord();
}
