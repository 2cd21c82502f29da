using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;
using static Dispatch.Api.Tests.Grids.GridApi;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Cases;

/// <summary>
/// An administrator makes a patroller a street's supervisor (街道监督员) through the accounts API alone: the street's
/// on-site tasks in grids with nobody on duty then reach that patroller, who keeps working outside the street.
/// </summary>
public sealed class StreetSupervisors(DispatchApp app) : IClassFixture<DispatchApp>
{
    /// <summary>象山街道 (450304001): no demo account supervises it.</summary>
    private const string Xiangshan = "450304001";

    private static async Task<List<Guid>> TaskIdsAsync(HttpClient client) =>
        (await GetJsonAsync(client, "/api/cases/tasks")).EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();

    private static JsonElement TraceRow(JsonElement c, string code) =>
        c.GetProperty("trace").EnumerateArray().Single(t => t.GetProperty("code").GetString() == code);

    [Fact]
    public async Task A_patroller_made_a_streets_supervisor_by_the_administrator_gets_a_check_requested_in_an_empty_grid_of_that_street()
    {
        var admin = await app.SignInAsync("admin");
        var scoped = await OkAsync(await admin.PutAsJsonAsync("/api/admin/users/patroller2/grid-scope", new { gridScope = Xiangshan }));
        Assert.Equal(Xiangshan, scoped.GetProperty("gridScope").GetString());

        var acceptor = await app.SignInAsync("acceptor1");
        var shiftLeader = await app.SignInAsync("shiftleader1");
        var handler = await app.SignInAsync("handler.xs-traffic");
        var id = (await HotlineReportAsync(acceptor, description: "来电：滨江社区人行道停车")).GetProperty("id").GetGuid();
        await OkAsync(acceptor, id, "accept");
        var (_, conditionId) = await CaseApi.CategoryAsync(shiftLeader, "event", "0505");
        await OkAsync(shiftLeader, id, "file", new { conditionId });
        await CaseApi.WaitForStateAsync(acceptor, id, "Dispatched");
        await OkAsync(handler, id, "sign");
        await OkWithPhotoAsync(handler, id, "feedback", new Dictionary<string, string> { ["opinion"] = "已拖离" }, CaseApi.Png);

        var checking = await OkAsync(acceptor, id, "request-check", new { opinion = "请核查" });

        Assert.Equal("450304001003-01", checking.GetProperty("responsibilityGridCode").GetString());
        Assert.Equal("发起核查；网格内无在岗监督员，核查任务转交街道监督员（监督员二）",
            TraceRow(checking, "request-check.fallback").GetProperty("text").GetString());
        var supervisor = await app.SignInAsync("patroller2");
        Assert.Contains(id, await TaskIdsAsync(supervisor));
        Assert.DoesNotContain(id, await TaskIdsAsync(shiftLeader));
        Assert.Contains("check", (await GetJsonAsync(supervisor, $"/api/cases/{id}")).GetProperty("allowedActions").Strings());
    }

    [Fact]
    public async Task A_street_supervisor_still_reports_and_verifies_in_the_grid_it_walks_outside_that_street()
    {
        var admin = await app.SignInAsync("admin");
        // patroller2 walks 南门社区 (450304002001), in 南门街道: scope it to another street.
        await OkAsync(await admin.PutAsJsonAsync("/api/admin/users/patroller2/grid-scope", new { gridScope = Xiangshan }));
        var patroller = await app.SignInAsync("patroller2");
        Assert.Equal(Xiangshan, (await GetJsonAsync(patroller, "/api/auth/me")).GetProperty("gridScope").GetString());

        var (categoryId, conditionId) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var reported = await patroller.SendAsync(CaseApi.Json(new
        {
            categoryId, conditionId, longitude = Nanmen.Lon, latitude = Nanmen.Lat, description = "南门路边违停",
        }));
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var own = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await patroller.GetAsync($"/api/cases/{own}")).StatusCode);
        Assert.Contains(own, (await GetJsonAsync(patroller, "/api/cases/mine")).EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));

        var acceptor = await app.SignInAsync("acceptor1");
        var created = await acceptor.SendAsync(CaseApi.Json(new
        {
            categoryId, conditionId, longitude = Nanmen.Lon, latitude = Nanmen.Lat, description = "来电：南门路边违停",
            source = "hotline", callerName = "李女士", callerPhone = "139 0000 0000",
        }));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await OkAsync(acceptor, id, "request-verification");
        Assert.Contains(id, await TaskIdsAsync(patroller));

        var verified = await OkWithPhotoAsync(patroller, id, "verify", new Dictionary<string, string> { ["opinion"] = "属实" }, CaseApi.Png);

        Assert.NotEqual("Verifying", verified.GetProperty("state").GetString());
        Assert.DoesNotContain(id, await TaskIdsAsync(patroller));
    }
}
