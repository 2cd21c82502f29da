using Dispatch.Api.Features.Cases.Automation;
using Dispatch.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Dispatch.Messaging.Tests;

/// <summary>
/// What the nodes declare on RabbitMQ: durable quorum queues for the work (they survive a broker restart and, in a
/// cluster, a node loss), and for board events one temporary queue per web node that goes away with the node.
/// </summary>
public sealed class Topology
{
    private static async Task<IConnection> ConnectAsync() =>
        await new ConnectionFactory { Uri = RabbitMqDispatchApp.Broker }.CreateConnectionAsync();

    /// <summary>Declaring a queue with other arguments than it has is refused (406 PRECONDITION_FAILED).</summary>
    private static async Task<bool> IsDeclaredAsAsync(IConnection connection, string queue, string type)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = type });
            return true;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 406)
        {
            return false;
        }
    }

    private enum QueueState
    {
        Missing,
        Open,
        /// <summary>Declared exclusive by another connection (405 RESOURCE_LOCKED): it exists, and only its node reads it.</summary>
        ExclusiveToItsNode,
    }

    private static async Task<QueueState> StateAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return QueueState.Open;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return QueueState.Missing;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 405)
        {
            return QueueState.ExclusiveToItsNode;
        }
    }

    [Fact]
    public async Task Work_queues_are_durable_quorum_queues_under_the_deployments_prefix()
    {
        await using var cluster = await Cluster.CreateAsync("topology_quorum");
        await using var worker = cluster.Node("worker");
        var names = worker.Services.GetRequiredService<IEndpointNameFormatter>();
        string[] queues = [names.Consumer<IntakeConsumer>(), names.Consumer<RouteCaseConsumer>(), $"{cluster.EntityPrefix}-dead-letters"];
        Assert.All(queues, q => Assert.StartsWith(cluster.EntityPrefix, q, StringComparison.Ordinal));

        await DispatchApp.EventuallyAsync(() => Task.FromResult(worker.ReceiveEndpoints.Select(a => a.AbsolutePath.Trim('/')).ToList()),
            ready => queues.All(q => ready.Contains(q)), "the worker's endpoints to be ready");

        await using var connection = await ConnectAsync();
        foreach (var queue in queues)
        {
            Assert.Equal(QueueState.Open, await StateAsync(connection, queue));
            Assert.False(await IsDeclaredAsAsync(connection, queue, "classic"), $"queue {queue} is not a classic queue");
            Assert.True(await IsDeclaredAsAsync(connection, queue, "quorum"), $"queue {queue} is a durable quorum queue");
        }
    }

    [Fact]
    public async Task Each_web_node_has_its_own_board_queue_that_goes_away_with_it()
    {
        await using var cluster = await Cluster.CreateAsync("topology_board");
        await using var worker = cluster.Node("worker");
        var nodeA = cluster.Node("web");
        await using var nodeB = cluster.Node("web");
        var queueA = await BoardQueueAsync(nodeA);
        var queueB = await BoardQueueAsync(nodeB);
        Assert.NotEqual(queueA, queueB);

        await using var connection = await ConnectAsync();
        Assert.Equal(QueueState.ExclusiveToItsNode, await StateAsync(connection, queueA));
        Assert.Equal(QueueState.ExclusiveToItsNode, await StateAsync(connection, queueB));

        await nodeA.DisposeAsync();

        await DispatchApp.EventuallyAsync(() => StateAsync(connection, queueA), state => state == QueueState.Missing, "node A's board queue to be deleted with the node");
        Assert.Equal(QueueState.ExclusiveToItsNode, await StateAsync(connection, queueB));
    }

    /// <summary>The node's temporary board endpoint, as its bus reported it ready.</summary>
    private static async Task<string> BoardQueueAsync(ClusterNode node)
    {
        var board = await DispatchApp.EventuallyAsync(
            () => Task.FromResult(node.ReceiveEndpoints.FirstOrDefault(a => a.AbsolutePath.Contains("board", StringComparison.Ordinal))),
            a => a is not null, "the node's board endpoint to be ready");
        Assert.Contains("temporary=true", board!.Query, StringComparison.Ordinal);
        return board.AbsolutePath.Trim('/').Split('/').Last();
    }
}
