using Dispatch.Persistence.Postgres;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Messaging.Tests;

/// <summary>Published outbox rows and inbox rows are deleted once older than the retention period; nothing else is.</summary>
public sealed class Retention(Retention.WebNode app) : IClassFixture<Retention.WebNode>
{
    /// <summary>A node without the relay, so that the unpublished row the test writes stays unpublished.</summary>
    public sealed class WebNode : DispatchApp
    {
        protected override string Roles => "web";
    }

    [Fact]
    public async Task Pruning_deletes_old_published_outbox_rows_and_old_inbox_rows_in_batches_and_keeps_the_rest()
    {
        var now = DateTimeOffset.UtcNow;
        var old = now.AddDays(-8);
        var oldSent = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        var oldUnsent = Guid.NewGuid();
        var recentSent = Guid.NewGuid();
        var oldInbox = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        var recentInbox = Guid.NewGuid();
        await app.QueryAsync(async db =>
        {
            foreach (var id in oldSent)
                await InsertOutboxAsync(db, id, old, old);
            await InsertOutboxAsync(db, oldUnsent, old, null);
            await InsertOutboxAsync(db, recentSent, now, now);
            foreach (var id in oldInbox)
                await db.Database.ExecuteSqlAsync($"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({id}, 'RetentionTest', {old})");
            return await db.Database.ExecuteSqlAsync($"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({recentInbox}, 'RetentionTest', {now})");
        });
        var store = app.Services.GetRequiredService<OutboxStore>();

        // Batches of two: the old rows go in two rounds, and a third finds nothing more.
        var before = now.AddDays(-7);
        var first = await store.PruneAsync(before, 2, CancellationToken.None);
        var second = await store.PruneAsync(before, 2, CancellationToken.None);
        var third = await store.PruneAsync(before, 2, CancellationToken.None);

        Assert.Equal((2, 2), first);
        Assert.Equal((1, 1), second);
        Assert.Equal((0, 0), third);
        var ours = oldSent.Append(oldUnsent).Append(recentSent).ToList();
        var outboxLeft = await app.QueryAsync(db => db.Outbox.Where(m => ours.Contains(m.Id)).Select(m => m.Id).ToListAsync());
        Assert.Equal(new[] { oldUnsent, recentSent }.Order(), outboxLeft.Order());
        Assert.Equal([recentInbox], await app.QueryAsync(db => db.Inbox.Where(i => i.Consumer == "RetentionTest").Select(i => i.MessageId).ToListAsync()));
    }

    private static Task<int> InsertOutboxAsync(Persistence.DispatchDbContext db, Guid id, DateTimeOffset createdAt, DateTimeOffset? sentAt) =>
        db.Database.ExecuteSqlAsync(
            $"INSERT INTO outbox_messages (id, message_type, body, created_at, sent_at, attempts) VALUES ({id}, 'Retention.Test', '{{}}', {createdAt}, {sentAt}, 0)");
}
