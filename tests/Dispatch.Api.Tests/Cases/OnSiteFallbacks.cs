using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;
using static Dispatch.Api.Tests.Grids.GridApi;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Cases;

/// <summary>
/// No on-site task reaches nobody: a verification or check in a responsibility grid with no enabled patroller goes to
/// the street's supervisor, else to the shift leaders, who see it in their task list and complete it; the trace says so.
/// </summary>
public sealed class OnSiteFallbacks(DispatchApp app) : IClassFixture<DispatchApp>
{
    /// <summary>榕湖社区 of 南门街道: no patroller walks it; 南门街道 has a supervisor (patroller.nanmen).</summary>
    private static readonly (double Lon, double Lat) Ronghu = (110.2805, 25.2675);

    private static async Task<List<Guid>> TaskIdsAsync(HttpClient client) =>
        (await GetJsonAsync(client, "/api/cases/tasks")).EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();

    private static JsonElement TraceRow(JsonElement c, string code) =>
        c.GetProperty("trace").EnumerateArray().Single(t => t.GetProperty("code").GetString() == code);

    private static async Task<JsonElement> InEnglishAsync(HttpClient client, Guid id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{id}");
        request.Headers.AcceptLanguage.ParseAdd("en");
        return await OkAsync(await client.SendAsync(request));
    }

    [Fact]
    public async Task A_check_requested_in_a_grid_with_no_patroller_reaches_the_shift_leaders_and_is_completed_from_there()
    {
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
        var row = TraceRow(checking, "request-check.fallback");
        Assert.Equal("发起核查；网格内无在岗监督员，核查任务转交值班长（值班长一）", row.GetProperty("text").GetString());
        Assert.Equal("Sent for a check on site; nobody is on duty in the grid, so the task goes to the shift leaders (值班长一)",
            TraceRow(await InEnglishAsync(acceptor, id), "request-check.fallback").GetProperty("text").GetString());
        Assert.Contains(id, await TaskIdsAsync(shiftLeader));
        Assert.DoesNotContain(id, await TaskIdsAsync(await app.SignInAsync("patroller2")));
        var seen = await GetJsonAsync(shiftLeader, $"/api/cases/{id}");
        Assert.Contains("check", seen.GetProperty("allowedActions").Strings());

        var closedOut = await OkAsync(shiftLeader, id, "check", new { passed = true, opinion = "现场已无车辆" });

        Assert.Equal("ToClose", closedOut.GetProperty("state").GetString());
        var check = TraceRow(closedOut, "check.passed");
        Assert.Equal("shiftleader1", check.GetProperty("actor").GetString());
        Assert.DoesNotContain(id, await TaskIdsAsync(shiftLeader));
    }

    [Fact]
    public async Task A_verification_in_a_street_with_a_supervisor_goes_to_the_supervisor_and_not_to_the_shift_leaders()
    {
        var acceptor = await app.SignInAsync("acceptor1");
        var (categoryId, conditionId) = await CaseApi.CategoryAsync(acceptor, "event", "0505");
        var created = await acceptor.SendAsync(CaseApi.Json(new
        {
            categoryId, conditionId, longitude = Ronghu.Lon, latitude = Ronghu.Lat, description = "来电：榕湖路边违停",
            source = "hotline", callerName = "李女士", callerPhone = "139 0000 0000",
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var verifying = await OkAsync(acceptor, id, "request-verification");

        Assert.Equal("450304002002-01", verifying.GetProperty("responsibilityGridCode").GetString());
        Assert.Equal("发起核实；网格内无在岗监督员，核实任务转交街道监督员（南门街道监督员）",
            TraceRow(verifying, "request-verification.fallback").GetProperty("text").GetString());
        var supervisor = await app.SignInAsync("patroller.nanmen");
        var shiftLeader = await app.SignInAsync("shiftleader1");
        Assert.Contains(id, await TaskIdsAsync(supervisor));
        Assert.DoesNotContain(id, await TaskIdsAsync(shiftLeader));
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(shiftLeader, id, "verify", new { opinion = "属实" })).StatusCode);

        await OkWithPhotoAsync(supervisor, id, "verify", new Dictionary<string, string> { ["opinion"] = "属实" }, CaseApi.Png);

        Assert.DoesNotContain(id, await TaskIdsAsync(supervisor));
    }

    [Fact]
    public async Task A_verification_in_a_grid_with_its_patroller_on_duty_stays_with_the_patroller()
    {
        var acceptor = await app.SignInAsync("acceptor1");
        var (categoryId, conditionId) = await CaseApi.CategoryAsync(acceptor, "event", "0505");
        var created = await acceptor.SendAsync(CaseApi.Json(new
        {
            categoryId, conditionId, longitude = Nanmen.Lon, latitude = Nanmen.Lat, description = "来电：南门路边违停",
            source = "hotline", callerName = "李女士", callerPhone = "139 0000 0000",
        }));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var verifying = await OkAsync(acceptor, id, "request-verification");

        Assert.Equal("发起核实", TraceRow(verifying, "request-verification").GetProperty("text").GetString());
        Assert.DoesNotContain(id, await TaskIdsAsync(await app.SignInAsync("patroller.nanmen")));
        Assert.Contains(id, await TaskIdsAsync(await app.SignInAsync("patroller2")));
    }
}
