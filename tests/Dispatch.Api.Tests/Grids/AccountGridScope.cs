using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Dispatch.Api.Features.Grids;
using Dispatch.Api.Realtime;
using Dispatch.Api.Tests.Cases;
using Dispatch.Persistence.Identity;
using Dispatch.Testing;
using Microsoft.AspNetCore.SignalR;
using static Dispatch.Api.Tests.Grids.GridApi;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Grids;

/// <summary>
/// Command-centre accounts scoped to a grid node see and act on the cases of that subtree only: boards, the manual
/// dispatch queue, case pages, actions and live pushes. The demo scopes <c>dispatcher.nanmen</c> to 南门街道 and
/// <c>leader.xiangshan</c> to 象山街道; <c>dispatcher1</c> and <c>leader1</c> see the whole city.
/// </summary>
public sealed class AccountGridScope(DispatchApp app) : IClassFixture<DispatchApp>
{
    private const string NanmenStreet = "450304002";
    private const string XiangshanStreet = "450304001";

    /// <summary>Illegal parking reported by a patroller at <paramref name="at"/>; dispatched to xs-traffic by the system.</summary>
    private async Task<Guid> DispatchedCaseAtAsync((double Lon, double Lat) at, string description)
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var response = await patroller.SendAsync(CaseApi.Json(new { categoryId, longitude = at.Lon, latitude = at.Lat, description }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await CaseApi.WaitForStateAsync(patroller, id, "Dispatched");
        return id;
    }

    private static List<Guid> Ids(JsonElement cases) => cases.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();

    [Fact]
    public async Task The_signed_in_account_names_its_grid_scope()
    {
        var scoped = await GetJsonAsync(await app.SignInAsync("dispatcher.nanmen"), "/api/auth/me");
        var whole = await GetJsonAsync(await app.SignInAsync("dispatcher1"), "/api/auth/me");

        Assert.Equal(NanmenStreet, scoped.GetProperty("gridScope").GetString());
        Assert.Equal(JsonValueKind.Null, whole.GetProperty("gridScope").ValueKind);
    }

    [Fact]
    public async Task The_command_board_of_a_scoped_account_holds_its_subtree_only_and_refuses_a_node_outside_it()
    {
        var nanmen = await DispatchedCaseAtAsync(Nanmen, "南门：人行道停车");
        var xiangshan = await DispatchedCaseAtAsync(ElephantTrunkHill, "象鼻山：人行道停车");
        var scoped = await app.SignInAsync("dispatcher.nanmen");
        var whole = await app.SignInAsync("dispatcher1");

        var board = await GetJsonAsync(scoped, "/api/boards/command");
        var ids = Ids(board.GetProperty("cases"));
        Assert.Contains(nanmen, ids);
        Assert.DoesNotContain(xiangshan, ids);
        Assert.All(board.GetProperty("cases").EnumerateArray(),
            c => Assert.StartsWith(NanmenStreet, c.GetProperty("gridCode").GetString(), StringComparison.Ordinal));
        var counted = board.GetProperty("counts").EnumerateObject().Sum(p => p.Value.GetInt32());
        Assert.Equal(board.GetProperty("cases").GetArrayLength(), counted);
        Assert.Contains(xiangshan, Ids((await GetJsonAsync(whole, "/api/boards/command")).GetProperty("cases")));

        // A node inside the scope narrows it; a sibling street or the district above is refused.
        var community = await GetJsonAsync(scoped, $"/api/boards/command?grid={NanmenStreet}001");
        Assert.All(community.GetProperty("cases").EnumerateArray(),
            c => Assert.StartsWith($"{NanmenStreet}001", c.GetProperty("gridCode").GetString(), StringComparison.Ordinal));
        foreach (var outside in new[] { XiangshanStreet, "450304" })
        {
            var problem = await ProblemAsync(await scoped.GetAsync($"/api/boards/command?grid={outside}"), 403);
            Assert.Contains($"outside grid {NanmenStreet}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains(outside, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_case_outside_the_scope_can_be_neither_opened_nor_acted_on_and_is_left_as_it_was()
    {
        var nanmen = await DispatchedCaseAtAsync(Nanmen, "南门：人行道停车，需督办");
        var xiangshan = await DispatchedCaseAtAsync(ElephantTrunkHill, "象鼻山：人行道停车，需督办");
        var leader = await app.SignInAsync("leader.xiangshan");

        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/cases/{xiangshan}")).StatusCode);
        var hidden = await ProblemAsync(await leader.GetAsync($"/api/cases/{nanmen}"), 403);
        Assert.Contains($"outside grid {XiangshanStreet}", hidden.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var before = await FootprintAsync(app, nanmen);
        var refused = await ProblemAsync(await ActAsync(leader, nanmen, "escalate", new { instruction = "今天之内处理完毕" }), 403);
        Assert.Contains($"outside grid {XiangshanStreet}", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await FootprintAsync(app, nanmen));

        var escalated = await OkAsync(leader, xiangshan, "escalate", new { instruction = "今天之内处理完毕" });
        Assert.True(escalated.GetProperty("escalated").GetBoolean());
        // The whole-city leader still reaches the case the scoped one could not.
        await OkAsync(await app.SignInAsync("leader1"), nanmen, "escalate", new { instruction = "今天之内处理完毕" });
    }

    [Fact]
    public async Task The_manual_dispatch_queue_of_a_scoped_dispatcher_holds_the_returned_cases_of_its_subtree_only()
    {
        var nanmen = await DispatchedCaseAtAsync(Nanmen, "南门：不属本部门");
        var xiangshan = await DispatchedCaseAtAsync(ElephantTrunkHill, "象鼻山：不属本部门");
        var handler = await app.SignInAsync("handler.xs-traffic");
        await OkAsync(handler, nanmen, "return", new { reason = "不属于交警职责" });
        await OkAsync(handler, xiangshan, "return", new { reason = "不属于交警职责" });

        static List<Guid> Queued(JsonElement queue) =>
            queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("case").GetProperty("id").GetGuid()).ToList();
        var scoped = await GetJsonAsync(await app.SignInAsync("dispatcher.nanmen"), "/api/dispatch/queue");
        var whole = await GetJsonAsync(await app.SignInAsync("dispatcher1"), "/api/dispatch/queue");

        Assert.Contains(nanmen, Queued(scoped));
        Assert.DoesNotContain(xiangshan, Queued(scoped));
        Assert.Equal(scoped.GetProperty("items").GetArrayLength(), scoped.GetProperty("count").GetInt32());
        Assert.Contains(nanmen, Queued(whole));
        Assert.Contains(xiangshan, Queued(whole));
    }

    [Fact]
    public void A_push_goes_to_the_whole_city_groups_and_to_every_grid_node_above_the_case_never_to_a_sibling()
    {
        var groups = BoardGroups.For("450304002001005", ["xs-traffic", "xs-st-nanmen"]);

        Assert.Contains(BoardGroups.CommandCentre, groups);
        Assert.Contains("department:xs-traffic", groups);
        foreach (var node in new[] { "450300", "450304", "450304002", "450304002001", "450304002001005" })
        {
            Assert.Contains($"grid:{node}", groups);
            Assert.Contains($"department:xs-traffic@grid:{node}", groups);
            Assert.Contains($"department:xs-st-nanmen@grid:{node}", groups);
        }
        Assert.DoesNotContain(groups, g => g.Contains(XiangshanStreet, StringComparison.Ordinal));
        Assert.Equal(groups.Count, groups.Distinct().Count());
        // A case the grid could not place goes to the whole-city groups only.
        Assert.Equal([BoardGroups.CommandCentre, "department:xs-traffic"], BoardGroups.For(null, ["xs-traffic"]));
    }

    [Theory]
    [InlineData(null, "command-centre", "department:xs-traffic")]
    [InlineData(NanmenStreet, "grid:450304002", "department:xs-traffic@grid:450304002")]
    public async Task The_hub_puts_a_command_centre_connection_in_the_groups_of_its_scope(string? scope, string command, string department)
    {
        var groups = new RecordingGroups();
        var hub = new BoardHub { Context = new Caller(Roles.Dispatcher, scope), Groups = groups };

        await hub.JoinCommandCentre();
        await hub.JoinDepartment("xs-traffic");

        Assert.Equal([command, department], groups.Joined);
    }

    [Fact]
    public async Task The_hub_lets_a_handler_watch_its_own_department_only()
    {
        var groups = new RecordingGroups();
        var hub = new BoardHub { Context = new Caller(Roles.Handler, null, "xs-traffic"), Groups = groups };

        await hub.JoinDepartment("xs-traffic");
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.JoinDepartment("xs-sanitation"));
        await Assert.ThrowsAsync<HubException>(hub.JoinCommandCentre);

        Assert.Equal(["department:xs-traffic"], groups.Joined);
        Assert.Contains("xs-sanitation", refused.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingGroups : IGroupManager
    {
        public List<string> Joined { get; } = [];

        public Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
        {
            Joined.Add(groupName);
            return Task.CompletedTask;
        }

        public Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    /// <summary>A connection signed in with one role, an optional grid scope and an optional department.</summary>
    private sealed class Caller(string role, string? scope, string? department = null) : HubCallerContext
    {
        public override string ConnectionId => "connection-1";
        public override string? UserIdentifier => "user-1";
        public override ClaimsPrincipal? User { get; } = new(new ClaimsIdentity(
            new[] { new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role) }
                .Concat(scope is null ? [] : [new Claim(DispatchClaims.GridScope, scope)])
                .Concat(department is null ? [] : [new Claim(DispatchClaims.DepartmentKey, department)]),
            "test"));
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override Microsoft.AspNetCore.Http.Features.IFeatureCollection Features { get; } = new Microsoft.AspNetCore.Http.Features.FeatureCollection();
        public override CancellationToken ConnectionAborted => CancellationToken.None;
        public override void Abort() { }
    }
}
