using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;

namespace Dispatch.Messaging.Tests;

/// <summary>
/// Two web nodes and one worker on one RabbitMQ and one PostgreSQL: a case filed through node A is routed by the
/// worker and pushed by node B to the boards connected to it, because every web node consumes board events from a
/// queue of its own.
/// </summary>
public sealed class ScaleOut
{
    [Fact]
    public async Task A_case_filed_through_one_web_node_appears_on_the_board_of_another()
    {
        await using var cluster = await Cluster.CreateAsync("scale_out");
        // The worker starts first: it seeds the demo data the web nodes serve.
        await using var worker = cluster.Node("worker");
        await using var nodeA = cluster.Node("web");
        await using var nodeB = cluster.Node("web");

        var patroller = await nodeA.SignInAsync("patroller1");
        var id = await Filing.FileAsync(patroller, await Filing.CategoryAsync(patroller), "经A节点上报");

        var pushed = await nodeB.Board.WaitForAsync((_, s) => s.Id == id && s.State == "Dispatched", "node B to push the dispatched case");
        Assert.Contains("command-centre", pushed.Groups);
        Assert.Contains("department:xs-traffic", pushed.Groups);
        Assert.Equal("xs-traffic", pushed.Summary.DepartmentKey);
        await nodeA.Board.WaitForAsync((_, s) => s.Id == id && s.State == "Dispatched", "node A to push it to its own connections too");
        // Board pushes are a web role; the worker has no connections to push to.
        Assert.Empty(worker.Board.Pushes);

        var handler = await nodeB.SignInAsync("handler.xs-traffic");
        var board = await handler.GetFromJsonAsync<JsonElement>("/api/boards/department/xs-traffic");
        Assert.Contains(board.GetProperty("cases").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
    }
}
