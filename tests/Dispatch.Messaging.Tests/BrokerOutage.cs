using Dispatch.Persistence.Postgres;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Messaging.Tests;

/// <summary>
/// Nothing is lost while the broker is down: reports are acknowledged once their transaction commits, the outbox
/// holds their messages, and the relay drains it when the broker is back. Every case is dispatched exactly once.
/// </summary>
[Collection("broker-faults")]
public sealed class BrokerOutage
{
    private const int Batch = 6;

    [Fact]
    public async Task Cases_filed_while_the_broker_is_stopped_are_each_dispatched_exactly_once_after_it_restarts()
    {
        await using var cluster = await Cluster.CreateAsync("broker_outage");
        await using var node = cluster.Node("web,worker");
        var patroller = await node.SignInAsync("patroller1");
        var categoryId = await Filing.CategoryAsync(patroller);
        var outbox = node.Services.GetRequiredService<OutboxStore>();
        // The slice works before the outage.
        var first = await Filing.FileAsync(patroller, categoryId, "停机前");
        await DispatchApp.EventuallyAsync(() => cluster.QueryAsync(db => Filing.DispatchedAsync(db, [first])), r => r.Dispatched == 1, "the first case to be dispatched");

        var acknowledged = new List<Guid> { first };
        async Task FileAsync(int count, string phase)
        {
            for (var i = 0; i < count; i++)
                acknowledged.Add(await Filing.FileAsync(patroller, categoryId, $"{phase} {i}"));
        }

        await FileAsync(Batch, "停机前");
        // Filing goes on while the broker stops, while it is down and while it starts again.
        var stopping = BrokerControl.StopAsync();
        try
        {
            await Task.WhenAll(stopping, FileAsync(Batch, "停机过程中"));
            await FileAsync(Batch, "停机期间");
            Assert.True(await outbox.CountUnsentAsync(CancellationToken.None) > 0, "the outbox holds what the relay could not publish");
        }
        finally
        {
            await stopping.ContinueWith(_ => { }, TaskScheduler.Default);
            await Task.WhenAll(BrokerControl.StartAsync(), FileAsync(Batch, "恢复过程中"));
        }
        await FileAsync(Batch, "恢复后");

        var ids = acknowledged.ToList();
        Assert.Equal((5 * Batch) + 1, ids.Count);
        (int Dispatched, int MostDispatchRows) result;
        try
        {
            result = await DispatchApp.EventuallyAsync(
                () => cluster.QueryAsync(db => Filing.DispatchedAsync(db, ids)), r => r.Dispatched == ids.Count,
                "every acknowledged case to be dispatched after the broker came back", TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{await cluster.QueryAsync(db => Filing.DescribeUndispatchedAsync(db, ids))}", e);
        }
        var (dispatched, mostRows) = result;
        Assert.Equal(ids.Count, dispatched);
        Assert.Equal(1, mostRows);
        await DispatchApp.EventuallyAsync(() => outbox.CountUnsentAsync(CancellationToken.None), n => n == 0, "the relay to drain the outbox");
        Assert.Equal(0, await cluster.QueryAsync(db => db.DeadLetters.CountAsync()));
    }
}
