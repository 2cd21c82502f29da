using System.Collections.Concurrent;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Messaging.Tests;

/// <summary>
/// A worker process killed with SIGKILL in the middle of the stream (no shutdown, no acknowledgements, outbox rows
/// locked mid-batch) loses nothing: RabbitMQ redelivers what it had not acknowledged, the next worker's relay
/// publishes what was left in the outbox, and the inboxes absorb repeats. Every case is dispatched exactly once.
/// </summary>
[Collection("broker-faults")]
public sealed class WorkerKilled
{
    private const int Cases = 24;

    [Fact]
    public async Task A_worker_killed_mid_stream_and_restarted_dispatches_every_acknowledged_case_exactly_once()
    {
        await using var cluster = await Cluster.CreateAsync("worker_killed");
        var worker = cluster.StartWorkerProcess();
        try
        {
            // The worker seeds the demo data (components come last); the web node starts on it.
            await DispatchApp.EventuallyAsync(
                async () => worker.HasExited ? throw new InvalidOperationException($"The worker exited:\n{worker.RecentOutput}") : await SeededAsync(cluster),
                seeded => seeded, "the worker process to migrate and seed the database", TimeSpan.FromMinutes(2));
            await using var web = cluster.Node("web");
            var patroller = await web.SignInAsync("patroller1");
            var categoryId = await Filing.CategoryAsync(patroller);

            var acknowledged = new ConcurrentQueue<Guid>();
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var filing = Task.Run(async () =>
            {
                for (var i = 0; i < Cases; i++)
                {
                    // The second half goes in after the kill, however fast the pipeline finished the first.
                    if (i == Cases / 2)
                        await killed.Task;
                    acknowledged.Enqueue(await Filing.FileAsync(patroller, categoryId, $"工作节点被杀期间上报 {i}"));
                }
            });
            // Kill it while it is working through the first reports.
            await DispatchApp.EventuallyAsync(() => cluster.QueryAsync(db => Filing.DispatchedAsync(db, acknowledged.ToList())),
                r => r.Dispatched >= 2, "the worker to be dispatching", TimeSpan.FromMinutes(1));
            worker.Kill();
            killed.SetResult();
            var killedAt = acknowledged.Count;
            await DispatchApp.EventuallyAsync(() => Task.FromResult(acknowledged.Count), n => n >= Math.Min(Cases, killedAt + 4), "reports to be acknowledged with no worker running");
            var stalled = await cluster.QueryAsync(db => Filing.DispatchedAsync(db, acknowledged.ToList()));
            Assert.True(stalled.Dispatched < acknowledged.Count, "with the worker dead, some acknowledged cases wait");

            worker.Dispose();
            worker = cluster.StartWorkerProcess();
            await filing;

            var ids = acknowledged.ToList();
            (int Dispatched, int MostDispatchRows) result;
            try
            {
                result = await DispatchApp.EventuallyAsync(
                    () => worker.HasExited ? throw new InvalidOperationException($"The new worker exited:\n{worker.RecentOutput}") : cluster.QueryAsync(db => Filing.DispatchedAsync(db, ids)),
                    r => r.Dispatched == ids.Count, "every acknowledged case to be dispatched by the new worker", TimeSpan.FromMinutes(2));
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"{e.Message}\n{await cluster.QueryAsync(db => Filing.DescribeUndispatchedAsync(db, ids))}\nworker:\n{worker.RecentOutput}", e);
            }
            var (dispatched, mostRows) = result;
            Assert.Equal(Cases, dispatched);
            Assert.Equal(1, mostRows);
            await DispatchApp.EventuallyAsync(() => cluster.QueryAsync(db => db.Outbox.CountAsync(m => m.SentAt == null)), n => n == 0,
                "the new worker's relay to drain the outbox", TimeSpan.FromMinutes(1));
        }
        finally
        {
            worker.Dispose();
        }
    }

    private static Task<bool> SeededAsync(Cluster cluster) =>
        cluster.QueryAsync(async db =>
        {
            try
            {
                return await db.Components.CountAsync() >= 300 && await db.Users.AnyAsync(u => u.UserName == "patroller1");
            }
            catch (Npgsql.PostgresException)
            {
                // Not migrated yet.
                return false;
            }
        });
}
