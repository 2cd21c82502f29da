using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Persistence.Identity;
using Dispatch.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Dispatch.Api.Tests.Grids.GridApi;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Departments;

/// <summary>
/// 内部派遣: a handler of the department holding a case gives it to a named handler of the department or of a
/// sub-unit, who finds it in their own queue and handles it; the trace says who was assigned.
/// </summary>
public sealed class InternalDispatch(DispatchApp app) : IClassFixture<DispatchApp>, IAsyncLifetime
{
    private const string HandlerA = "handler.xs-traffic";
    private const string HandlerB = "traffic.b";
    private const string TeamHandler = "traffic.team1";
    private const string Stranger = "sanitation.x";
    private static readonly string[] Street = ["450304001"];

    public async Task InitializeAsync()
    {
        var admin = await app.SignInAsync("admin");
        var departments = await admin.GetFromJsonAsync<JsonElement>("/api/departments");
        if (!departments.EnumerateArray().Any(d => d.GetProperty("key").GetString() == "xs-traffic-team1"))
        {
            var created = await admin.PostAsJsonAsync("/api/admin/departments", new
            {
                key = "xs-traffic-team1", nameZh = "象山交警大队一中队", nameEn = "Xiangshan Traffic Police Squad 1", kind = "unit",
                jurisdictionCodes = Street, parentKey = "xs-traffic",
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        await EnsureHandlerAsync(HandlerB, "交警二号处置员", "xs-traffic");
        await EnsureHandlerAsync(TeamHandler, "一中队处置员", "xs-traffic-team1");
        await EnsureHandlerAsync(Stranger, "环卫处置员", "xs-sanitation");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task EnsureHandlerAsync(string userName, string displayName, string departmentKey)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not null)
            return;
        var user = new AppUser { UserName = userName, DisplayName = displayName, DepartmentKey = departmentKey };
        Assert.True((await users.CreateAsync(user, DispatchApp.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Handler)).Succeeded);
    }

    private static async Task<string[]> QueueAsync(HttpClient client, string department, bool mine) =>
        (await GetJsonAsync(client, $"/api/boards/department/{department}{(mine ? "?assignee=me" : "")}"))
            .GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();

    [Fact]
    public async Task Handler_a_assigns_to_handler_b_who_finds_it_in_their_queue_and_handles_it()
    {
        var id = await DispatchedPatrolCaseAsync(await app.SignInAsync("patroller1"), "内部派遣：人行道停车");
        var a = await app.SignInAsync(HandlerA);
        var b = await app.SignInAsync(HandlerB);
        Assert.Contains("assign-handler", (await GetJsonAsync(a, $"/api/cases/{id}")).GetProperty("allowedActions").Strings());
        Assert.DoesNotContain(id.ToString(), await QueueAsync(b, "xs-traffic", mine: true));

        var assigned = await OkAsync(a, id, "assign-handler", new { assigneeUserName = HandlerB, opinion = "请二号跟进" });

        Assert.Equal(HandlerB, assigned.GetProperty("assignee").GetProperty("userName").GetString());
        Assert.Equal("交警二号处置员", assigned.GetProperty("assignee").GetProperty("displayName").GetString());
        var row = assigned.GetProperty("trace").EnumerateArray().Last();
        Assert.Equal("assign-handler", row.GetProperty("code").GetString());
        Assert.Contains("交警二号处置员", row.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(id.ToString(), await QueueAsync(b, "xs-traffic", mine: true));
        Assert.DoesNotContain(id.ToString(), await QueueAsync(a, "xs-traffic", mine: true));
        Assert.Contains(id.ToString(), await QueueAsync(a, "xs-traffic", mine: false));
        var summary = (await GetJsonAsync(b, "/api/boards/department/xs-traffic?assignee=me")).GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == id.ToString());
        Assert.Equal(HandlerB, summary.GetProperty("assigneeUserName").GetString());

        await OkAsync(b, id, "sign");
        var handled = await OkWithPhotoAsync(b, id, "feedback", new Dictionary<string, string> { ["opinion"] = "车辆已拖离" }, Cases.CaseApi.Png);
        Assert.Equal("FedBack", handled.GetProperty("state").GetString());
        Assert.Equal(HandlerB, handled.GetProperty("trace").EnumerateArray().Last().GetProperty("actor").GetString());

        var english = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{id}");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var text = (await OkAsync(await a.SendAsync(english))).GetProperty("trace").EnumerateArray()
            .Single(t => t.GetProperty("code").GetString() == "assign-handler").GetProperty("text").GetString();
        Assert.StartsWith("Assigned to 交警二号处置员", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_of_a_sub_unit_sees_the_case_given_to_them_on_their_unit_board_and_may_act_on_it()
    {
        var id = await DispatchedPatrolCaseAsync(await app.SignInAsync("patroller1"), "内部派遣到中队");
        var a = await app.SignInAsync(HandlerA);
        var team = await app.SignInAsync(TeamHandler);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync($"/api/cases/{id}")).StatusCode);
        var offered = await GetJsonAsync(a, "/api/departments/xs-traffic/handlers");
        Assert.Contains(offered.EnumerateArray(), h => h.GetProperty("userName").GetString() == TeamHandler
            && h.GetProperty("departmentKey").GetString() == "xs-traffic-team1");
        Assert.DoesNotContain(offered.EnumerateArray(), h => h.GetProperty("userName").GetString() == Stranger);

        await OkAsync(a, id, "assign-handler", new { assigneeUserName = TeamHandler });

        var seen = await GetJsonAsync(team, $"/api/cases/{id}");
        Assert.Equal(["sign", "return"], seen.GetProperty("allowedActions").Strings());
        Assert.Contains(id.ToString(), await QueueAsync(team, "xs-traffic-team1", mine: false));
        Assert.Contains(id.ToString(), await QueueAsync(team, "xs-traffic-team1", mine: true));
        await OkAsync(team, id, "sign");
    }

    [Fact]
    public async Task A_return_clears_the_assignee()
    {
        var id = await DispatchedPatrolCaseAsync(await app.SignInAsync("patroller1"), "内部派遣后回退");
        var a = await app.SignInAsync(HandlerA);
        await OkAsync(a, id, "assign-handler", new { assigneeUserName = HandlerB });

        var returned = await OkAsync(await app.SignInAsync(HandlerB), id, "return", new { reason = "不属于本单位" });

        Assert.Equal(JsonValueKind.Null, returned.GetProperty("assignee").ValueKind);
        Assert.DoesNotContain(id.ToString(), await QueueAsync(await app.SignInAsync(HandlerB), "xs-traffic", mine: true));
    }

    [Theory]
    [InlineData(null, "assigneeUserName")]
    [InlineData("nobody.here", "assigneeUserName")]
    [InlineData(Stranger, "assigneeUserName")]
    [InlineData("dispatcher1", "assigneeUserName")]
    public async Task Assigning_to_someone_who_is_not_a_handler_of_the_department_is_refused_naming_the_field(string? assignee, string field)
    {
        var id = await DispatchedPatrolCaseAsync(await app.SignInAsync("patroller1"), "内部派遣：错误的处置人");
        var a = await app.SignInAsync(HandlerA);
        var version = (await GetJsonAsync(a, $"/api/cases/{id}")).GetProperty("version").GetInt32();

        var response = await ActAsync(a, id, "assign-handler", new { assigneeUserName = assignee });

        Assert.True((await ProblemAsync(response, 400)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(version, (await GetJsonAsync(a, $"/api/cases/{id}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Only_people_of_the_holding_department_may_assign_and_list_its_handlers()
    {
        var id = await DispatchedPatrolCaseAsync(await app.SignInAsync("patroller1"), "内部派遣：越权");
        var stranger = await app.SignInAsync(Stranger);

        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(stranger, id, "assign-handler", new { assigneeUserName = HandlerB })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(await app.SignInAsync("dispatcher1"), id, "assign-handler", new { assigneeUserName = HandlerB })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/api/departments/xs-traffic/handlers")).StatusCode);
    }
}
