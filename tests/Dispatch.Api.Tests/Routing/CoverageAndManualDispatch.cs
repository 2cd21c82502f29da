using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Routing.RoutingApi;

namespace Dispatch.Api.Tests.Routing;

/// <summary>事事有人管: the coverage report finds every category × community nobody would get, and such a case waits for the dispatcher.</summary>
public sealed class CoverageAndManualDispatch(DispatchApp app) : IClassFixture<DispatchApp>
{
    [Fact]
    public async Task Retiring_a_categorys_rules_shows_gaps_in_the_coverage_and_its_cases_wait_in_the_manual_queue()
    {
        var admin = await app.SignInAsync("admin");
        var dispatcher = await app.SignInAsync("dispatcher1");
        var full = await OkAsync(await dispatcher.GetAsync("/api/routing/coverage"));
        Assert.Equal(16, full.GetProperty("communities").GetArrayLength());
        Assert.Equal(full.GetProperty("categories").GetInt32() * 16, full.GetProperty("cells").GetInt32());
        Assert.Equal(full.GetProperty("cells").GetInt32(), full.GetProperty("covered").GetInt32());
        Assert.Empty(full.GetProperty("gaps").EnumerateArray());
        var (categoryId, _) = await CaseApi.CategoryAsync(admin, "event", "0511");
        var row = full.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("category").GetProperty("id").GetGuid() == categoryId);
        Assert.Equal("xs-st-nanmen", row.GetProperty("departments").GetProperty("450304002001").GetString());

        foreach (var rule in (await OkAsync(await admin.GetAsync($"/api/routing/rules?categoryId={categoryId}"))).EnumerateArray())
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/routing/rules/{rule.GetProperty("id").GetGuid()}")).StatusCode);

        var gapped = await OkAsync(await dispatcher.GetAsync("/api/routing/coverage"));
        var gaps = gapped.GetProperty("gaps").EnumerateArray().ToList();
        Assert.Equal(16, gaps.Count);
        Assert.All(gaps, g => Assert.Equal(categoryId, g.GetProperty("category").GetProperty("id").GetGuid()));
        Assert.Equal(full.GetProperty("covered").GetInt32() - 16, gapped.GetProperty("covered").GetInt32());

        var patroller = await app.SignInAsync("patroller1");
        var id = await ReportAsync(patroller, categoryId, Xiangshan, "沿街晾晒衣物");
        Assert.Null(await RoutedToAsync(patroller, id));

        var queue = await OkAsync(await dispatcher.GetAsync("/api/dispatch/queue"));
        var item = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("case").GetProperty("id").GetGuid() == id);
        Assert.Equal("unroutable", item.GetProperty("reason").GetString());
        Assert.StartsWith("转人工派遣：", item.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("系统", item.GetProperty("byName").GetString());
        Assert.Equal("ToDispatch", item.GetProperty("case").GetProperty("state").GetString());
        Assert.True(item.GetProperty("case").GetProperty("needsManualDispatch").GetBoolean());
        Assert.Equal(1, await app.QueryAsync(db => db.Outbox.CountAsync(m => m.MessageType == "Dispatch.Contracts.Cases.CaseUnroutable" && m.Body.Contains(id.ToString()))));
    }

    [Fact]
    public async Task A_returned_case_waits_in_the_manual_queue_with_the_departments_reason()
    {
        var patroller = await app.SignInAsync("patroller2");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var id = await ReportAsync(patroller, categoryId, Nanmen, "机动车乱停放");
        Assert.Equal("xs-traffic", await RoutedToAsync(patroller, id));

        await app.QueryAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == id);
            c.Return(new Dispatch.Domain.Cases.Actor("handler.xs-traffic", "handler", "xs-traffic"), DateTimeOffset.UtcNow, "车辆停在小区内部道路，不属交警管辖");
            return await db.SaveChangesAsync();
        });

        var dispatcher = await app.SignInAsync("dispatcher1");
        var queue = await OkAsync(await dispatcher.GetAsync("/api/dispatch/queue"));
        var item = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("case").GetProperty("id").GetGuid() == id);
        Assert.Equal("returned", item.GetProperty("reason").GetString());
        Assert.Equal("车辆停在小区内部道路，不属交警管辖", item.GetProperty("detail").GetString());
        Assert.Equal("xs-traffic", item.GetProperty("departmentKey").GetString());
        Assert.Equal("handler.xs-traffic", item.GetProperty("by").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await patroller.GetAsync("/api/dispatch/queue")).StatusCode);
    }
}
