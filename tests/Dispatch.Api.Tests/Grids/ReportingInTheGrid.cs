using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Grids.GridApi;

namespace Dispatch.Api.Tests.Grids;

/// <summary>Reports carry the grid they fall in; the command board filters by any grid node.</summary>
public sealed class ReportingInTheGrid(DispatchApp app) : IClassFixture<DispatchApp>
{
    private async Task<JsonElement> ReportAsync(string userName, (double Lon, double Lat) at, string description)
    {
        var client = await app.SignInAsync(userName);
        var (categoryId, _) = await CaseApi.CategoryAsync(client, "event", "0102");
        var response = await client.SendAsync(CaseApi.Json(new { categoryId, longitude = at.Lon, latitude = at.Lat, description }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_report_records_its_unit_grid_and_the_levels_above()
    {
        var created = await ReportAsync("patroller1", ElephantTrunkHill, "象鼻山下的垃圾");

        Assert.Matches(@"^450304001001\d{3}$", created.GetProperty("unitGrid").GetProperty("code").GetString());
        Assert.EndsWith("号单元网格", created.GetProperty("unitGrid").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("450304001001", created.GetProperty("community").GetProperty("code").GetString());
        Assert.Equal("象山街道", created.GetProperty("street").GetProperty("name").GetString());
        Assert.Equal("450304001001-01", created.GetProperty("responsibilityGridCode").GetString());
        Assert.False(created.GetProperty("outsideResponsibilityGrid").GetBoolean());
        Assert.StartsWith("450304-", created.GetProperty("number").GetString(), StringComparison.Ordinal);

        var id = created.GetProperty("id").GetGuid();
        var stored = await app.QueryAsync(db => db.Cases.SingleAsync(c => c.Id == id));
        Assert.Equal((created.GetProperty("unitGrid").GetProperty("code").GetString(), "450304001001", "450304001", "450304"),
            (stored.UnitGridCode, stored.CommunityCode, stored.StreetCode, stored.DistrictCode));
    }

    [Fact]
    public async Task A_patrollers_report_outside_their_responsibility_grid_is_accepted_and_flagged()
    {
        var outside = await ReportAsync("patroller1", Nanmen, "南门的垃圾");
        var inside = await ReportAsync("patroller2", Nanmen, "南门的垃圾");
        var byAcceptor = await ReportAsync("acceptor1", Pingshan, "热线：平山的垃圾");

        Assert.True(outside.GetProperty("outsideResponsibilityGrid").GetBoolean());
        Assert.Equal("Reported", outside.GetProperty("state").GetString());
        Assert.False(inside.GetProperty("outsideResponsibilityGrid").GetBoolean());
        Assert.False(byAcceptor.GetProperty("outsideResponsibilityGrid").GetBoolean());
        Assert.Equal("450304002001-01", outside.GetProperty("responsibilityGridCode").GetString());
    }

    [Fact]
    public async Task A_report_outside_the_managed_area_is_refused_and_leaves_nothing_behind()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0102");
        var before = await app.QueryAsync(async db => (await db.Cases.CountAsync(), await db.Outbox.CountAsync(), await db.IdempotencyRecords.CountAsync()));

        var response = await patroller.SendAsync(CaseApi.Json(new { categoryId, longitude = Outside.Lon, latitude = Outside.Lat, description = "城外" }));

        var problem = await ProblemAsync(response, 422);
        Assert.Contains("outside the managed area", problem.GetProperty("errors").GetProperty("longitude")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("outside the managed area", problem.GetProperty("errors").GetProperty("latitude")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(async db => (await db.Cases.CountAsync(), await db.Outbox.CountAsync(), await db.IdempotencyRecords.CountAsync())));
    }

    [Fact]
    public async Task The_command_board_filters_to_a_grid_node_and_everything_under_it()
    {
        var nanmen = await ReportAsync("patroller2", Nanmen, "南门的垃圾");
        var pingshan = await ReportAsync("acceptor1", Pingshan, "平山的垃圾");
        var dispatcher = await app.SignInAsync("dispatcher1");

        async Task<List<Guid>> BoardAsync(string grid)
        {
            var board = await GetJsonAsync(dispatcher, $"/api/boards/command?grid={grid}");
            var ids = board.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
            Assert.Equal(ids.Count, board.GetProperty("counts").EnumerateObject().Sum(p => p.Value.GetInt32()));
            return ids;
        }

        var street = await BoardAsync("450304002");
        var community = await BoardAsync("450304002001");
        var unit = await BoardAsync(nanmen.GetProperty("unitGrid").GetProperty("code").GetString()!);
        var district = await BoardAsync("450304");
        var city = await BoardAsync("450300");

        Assert.Contains(nanmen.GetProperty("id").GetGuid(), street);
        Assert.DoesNotContain(pingshan.GetProperty("id").GetGuid(), street);
        Assert.Contains(nanmen.GetProperty("id").GetGuid(), community);
        Assert.Contains(nanmen.GetProperty("id").GetGuid(), unit);
        Assert.Contains(pingshan.GetProperty("id").GetGuid(), district);
        Assert.Contains(pingshan.GetProperty("id").GetGuid(), city);
        var inStreet = await app.QueryAsync(db => db.Cases.Where(c => c.StreetCode == "450304002").Select(c => c.Id).ToListAsync());
        Assert.Equal(inStreet.Order(), street.Order());
    }

    [Fact]
    public async Task A_bad_or_unknown_grid_filter_is_refused()
    {
        var dispatcher = await app.SignInAsync("dispatcher1");

        var malformed = await ProblemAsync(await dispatcher.GetAsync("/api/boards/command?grid=4503040"), 400);
        await ProblemAsync(await dispatcher.GetAsync("/api/boards/command?grid=450304009"), 404);

        Assert.True(malformed.GetProperty("errors").TryGetProperty("grid", out _));
    }
}
