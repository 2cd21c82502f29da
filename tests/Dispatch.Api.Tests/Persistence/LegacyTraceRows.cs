using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Persistence;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Persistence;

/// <summary>
/// Rows written before trace codes, with the sentences the software used to put into opinions, read like new ones
/// once the TraceCodes migration has run: the database is taken back to the baseline, old rows are inserted as the
/// old code wrote them, and the migration is applied again.
/// </summary>
public sealed class LegacyTraceRows(DispatchApp app) : IClassFixture<DispatchApp>
{
    private const string Baseline = "20261206065428_Baseline";

    [Fact]
    public async Task Old_rows_get_codes_and_parameters_from_their_opinions_and_keep_only_what_people_wrote()
    {
        var patroller = await app.SignInAsync("patroller1");
        var leader = await app.SignInAsync("leader1");
        var id = await DispatchedPatrolCaseAsync(patroller, "旧数据");
        var (ruleId, street, traffic, enforcement, office) = await app.QueryAsync(async db => (
            (await db.CaseTraces.SingleAsync(t => t.CaseId == id && t.Code == "dispatch.rule")).Parameters["ruleId"],
            await db.GridNodes.Where(n => n.Code == "450304001").Select(n => n.Name).SingleAsync(),
            await db.Departments.SingleAsync(d => d.Key == "xs-traffic"),
            await db.Departments.SingleAsync(d => d.Key == "xs-enforcement"),
            await db.Departments.SingleAsync(d => d.Key == "xs-st-xiangshan")));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DispatchDbContext>();
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(Baseline);
            var rows = new (string Action, string Role, string User, string? Department, string Opinion)[]
            {
                ("dispatch", "system", "system", "xs-traffic", $"按派遣规则自动派遣至xs-traffic（规则 {ruleId}）"),
                ("assist", "dispatcher", "dispatcher1", null, "协办单位：xs-enforcement、xs-st-xiangshan；请配合"),
                ("warn", "system", "system", null, "handle时限即将用完（黄灯）"),
                ("overdue", "system", "system", null, "已超过handle时限"),
                ("escalate", "system", "system", null, "超时自动督办：Street 450304001"),
                ("dispatch", "dispatcher", "dispatcher1", "xs-traffic", $"人工派遣至{traffic.NameZh}"),
                ("mark-unroutable", "system", "system", null, "没有匹配的派遣规则，转人工派遣：No routing rule is in force for this category."),
                ("assist", "dispatcher", "dispatcher1", null, "取消协办"),
            };
            var sequence = 100;
            foreach (var (action, role, user, department, opinion) in rows)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO case_traces (id, case_id, sequence, action, from_state, to_state, actor_user_name, actor_role, department_key, at, opinion)
                    VALUES ({Guid.CreateVersion7()}, {id}, {sequence++}, {action}, 'Dispatched', 'Dispatched', {user}, {role}, {department}, now(), {opinion})
                    """);
            }
            await migrator.MigrateAsync();
        }

        var zh = await GetAsync(leader, id, "zh-CN");
        var en = await GetAsync(leader, id, "en");
        var legacy = zh.GetProperty("trace").EnumerateArray().Where(t => t.GetProperty("sequence").GetInt32() >= 100).ToList();
        var legacyEn = en.GetProperty("trace").EnumerateArray().Where(t => t.GetProperty("sequence").GetInt32() >= 100).ToList();

        Assert.Equal(["dispatch.rule", "assist", "warn", "overdue", "escalate.auto", "dispatch", "mark-unroutable", "assist.end"],
            legacy.Select(t => t.GetProperty("code").GetString()));
        Assert.StartsWith("按派遣规则「", Text(legacy[0]), StringComparison.Ordinal);
        Assert.EndsWith($"派遣至{traffic.NameZh}", Text(legacy[0]), StringComparison.Ordinal);
        Assert.Equal($"协办单位：{enforcement.NameZh}、{office.NameZh}", Text(legacy[1]));
        Assert.Equal("请配合", legacy[1].GetProperty("opinion").GetString());
        Assert.Equal("处置时限即将用完（黄灯）", Text(legacy[2]));
        Assert.Equal("已超过处置时限", Text(legacy[3]));
        Assert.Equal($"超时自动督办：{street}", Text(legacy[4]));
        Assert.Equal($"Escalated automatically to {street} (street)", Text(legacyEn[4]));
        Assert.Equal($"人工派遣至{traffic.NameZh}", Text(legacy[5]));
        Assert.Equal($"Dispatched to {traffic.NameEn}", Text(legacyEn[5]));
        Assert.Equal("转人工派遣：该类别没有生效的派遣规则", Text(legacy[6]));
        Assert.Equal("取消协办", Text(legacy[7]));
        Assert.All(legacy.Where(t => t.GetProperty("code").GetString() != "assist"),
            t => Assert.Equal(JsonValueKind.Null, t.GetProperty("opinion").ValueKind));
    }

    private static string Text(JsonElement row) => row.GetProperty("text").GetString()!;

    private static async Task<JsonElement> GetAsync(HttpClient client, Guid id, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{id}");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
