using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Messaging.Tests;

/// <summary>
/// The first worker to start on a broker declares the work queues as its bus comes up. Reports already waiting in the
/// outbox at that moment must wait for the queues too: published to an exchange that nothing is bound to yet, the
/// broker would confirm them and drop them.
/// </summary>
public sealed class FreshBroker
{
    private const int Cases = 6;

    [Fact]
    public async Task Reports_waiting_in_the_outbox_when_the_first_worker_starts_on_a_fresh_broker_are_all_dispatched()
    {
        await using var cluster = await Cluster.CreateAsync("fresh_broker");
        // Seed the database with a worker on queues of its own, so that the cluster's queues stay undeclared.
        await using (var seeder = new ClusterNode(cluster.ConnectionString, $"s{Guid.NewGuid():N}"[..13], "worker"))
            await seeder.InitializeAsync();

        // A web node takes the reports; with no worker on the cluster's prefix they wait in the outbox.
        var ids = new List<Guid>();
        await using (var web = cluster.Node("web"))
        {
            var patroller = await web.SignInAsync("patroller1");
            var categoryId = await Filing.CategoryAsync(patroller);
            for (var i = 0; i < Cases; i++)
                ids.Add(await Filing.FileAsync(patroller, categoryId, $"新代理上首个工作节点启动前的上报 {i}"));
        }
        Assert.Equal(Cases, await cluster.QueryAsync(db => db.Outbox.CountAsync(m => m.SentAt == null && m.MessageType.EndsWith(".CaseReported"))));

        // The first worker on the cluster's prefix: its relay finds the rows the moment it starts.
        await using var worker = cluster.Node("worker");
        var (dispatched, mostRows) = await DispatchApp.EventuallyAsync(
            () => cluster.QueryAsync(db => Filing.DispatchedAsync(db, ids)), r => r.Dispatched == Cases,
            "every waiting report to be dispatched by the first worker", TimeSpan.FromMinutes(1));
        Assert.Equal(Cases, dispatched);
        Assert.Equal(1, mostRows);
    }
}
