using System.Net;
using System.Text.Json;
using Dispatch.Testing;
using static Dispatch.Api.Tests.Grids.GridApi;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Cases;

/// <summary>
/// 核实 and 核查 tasks reach the patrollers who walk the case's responsibility grid, not only the reporter: a hotline
/// call has no patroller behind it, yet someone must go and look.
/// </summary>
public sealed class PatrolTasks(DispatchApp app) : IClassFixture<DispatchApp>
{
    private static readonly string[] TaskStates = ["Verifying", "Checking"];

    /// <summary>A hotline call in 南门街道 (responsibility grid 450304002001-01, walked by patroller2), sent to be verified.</summary>
    private async Task<JsonElement> VerifyingHotlineCaseAsync(string description)
    {
        var acceptor = await app.SignInAsync("acceptor1");
        var (categoryId, conditionId) = await CaseApi.CategoryAsync(acceptor, "event", "0505");
        var response = await acceptor.SendAsync(CaseApi.Json(new
        {
            categoryId, conditionId, longitude = Nanmen.Lon, latitude = Nanmen.Lat, description,
            source = "hotline", callerName = "李女士", callerPhone = "139 0000 0000",
        }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        return await OkAsync(acceptor, id, "request-verification", new { opinion = "请核实" });
    }

    private static async Task<List<JsonElement>> TasksAsync(HttpClient patroller) =>
        (await GetJsonAsync(patroller, "/api/cases/tasks")).EnumerateArray().ToList();

    [Fact]
    public async Task A_verification_task_reaches_the_patroller_of_the_grid_and_leaves_the_list_once_done()
    {
        var verifying = await VerifyingHotlineCaseAsync("热线：南门路边违停");
        var id = verifying.GetProperty("id").GetGuid();
        Assert.Equal("450304002001-01", verifying.GetProperty("responsibilityGridCode").GetString());
        var walker = await app.SignInAsync("patroller2");
        var other = await app.SignInAsync("patroller1");

        var task = Assert.Single(await TasksAsync(walker), t => t.GetProperty("id").GetGuid() == id);
        Assert.Equal("Verifying", task.GetProperty("state").GetString());
        Assert.DoesNotContain(await TasksAsync(other), t => t.GetProperty("id").GetGuid() == id);

        await OkWithPhotoAsync(walker, id, "verify", new Dictionary<string, string> { ["opinion"] = "属实" }, CaseApi.Png);

        Assert.DoesNotContain(await TasksAsync(walker), t => t.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Tasks_come_nearest_deadline_first_and_hold_nothing_but_verifications_and_checks()
    {
        await VerifyingHotlineCaseAsync("热线：南门第一起");
        await VerifyingHotlineCaseAsync("热线：南门第二起");

        var tasks = await TasksAsync(await app.SignInAsync("patroller2"));

        Assert.True(tasks.Count >= 2);
        Assert.All(tasks, t => Assert.Contains(t.GetProperty("state").GetString(), TaskStates));
        var deadlines = tasks.Select(t => t.GetProperty("nextDeadline").Instant()).ToList();
        Assert.Equal(deadlines.Order(), deadlines);
    }

    [Fact]
    public async Task Only_patrollers_and_shift_leaders_have_a_task_list()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("acceptor1")).GetAsync("/api/cases/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("handler.xs-traffic")).GetAsync("/api/cases/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/cases/tasks")).StatusCode);
    }
}
