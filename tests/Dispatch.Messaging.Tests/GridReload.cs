using System.Net;
using System.Text.Json;
using Dispatch.Testing;

namespace Dispatch.Messaging.Tests;

/// <summary>
/// A grid import on one web node reaches the other nodes: each reloads its in-memory index when the import's
/// <c>GridsChanged</c> arrives on its own queue, so that a point locates the same way whichever node is asked.
/// </summary>
public sealed class GridReload
{
    /// <summary>In the north-west corner of 叠彩区, which the demo city does not have.</summary>
    private const double Lon = 110.2715;
    private const double Lat = 25.2805;

    [Fact]
    public async Task A_grid_imported_through_one_web_node_locates_on_another_without_a_restart()
    {
        await using var cluster = await Cluster.CreateAsync("grid_reload");
        await using var worker = cluster.Node("worker");
        await using var nodeA = cluster.Node("web");
        await using var nodeB = cluster.Node("web");
        var onB = await nodeB.SignInAsync("patroller1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await LocateAsync(onB)).StatusCode);

        var admin = await nodeA.SignInAsync("admin");
        var imported = await admin.SendAsync(GridLayers.Import(Layer()));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        var located = await DispatchApp.EventuallyAsync(() => LocateAsync(onB), r => r.StatusCode == HttpStatusCode.OK,
            "node B to locate a point of the grid imported through node A");
        var body = JsonDocument.Parse(await located.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("450305001001002", body.GetProperty("unitGrid").GetProperty("code").GetString());
        Assert.Equal("叠彩区", body.GetProperty("district").GetProperty("name").GetString());
    }

    private static Task<HttpResponseMessage> LocateAsync(HttpClient client) =>
        client.GetAsync(FormattableString.Invariant($"/api/grids/locate?lon={Lon}&lat={Lat}"));

    /// <summary>The demo city widened to the north, and in it 叠彩区 down to two unit grids.</summary>
    private static object Layer() => GridLayers.Collection(
        GridLayers.WiderCity(),
        GridLayers.Feature("450305", "叠彩区", 110.270, 25.2720, 110.280, 25.2810),
        GridLayers.Feature("450305001", "叠彩街道", 110.270, 25.2720, 110.280, 25.2810),
        GridLayers.Feature("450305001001", "叠彩社区", 110.270, 25.2720, 110.280, 25.2810),
        GridLayers.Feature("450305001001001", "叠彩社区001号单元网格", 110.270, 25.2801, 110.271, 25.2810),
        GridLayers.Feature("450305001001002", "叠彩社区002号单元网格", 110.271, 25.2801, 110.272, 25.2810));
}
