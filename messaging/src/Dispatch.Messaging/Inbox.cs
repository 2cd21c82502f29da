using Dispatch.Persistence;
using Dispatch.Persistence.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Messaging;

/// <summary>
/// Consumer-side idempotency: a consumer records the message id in the same SaveChanges as its effects, so a
/// redelivered message finds the row and does nothing, and two concurrent deliveries cannot both commit.
/// </summary>
public static class Inbox
{
    public static Task<bool> AlreadyProcessedAsync(DispatchDbContext db, Guid messageId, string consumer, CancellationToken ct) =>
        db.Inbox.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, ct);

    public static void Record(DispatchDbContext db, Guid messageId, string consumer, DateTimeOffset at) =>
        db.Inbox.Add(new InboxMessage(messageId, consumer, at));

    /// <summary>True when a save failed only because another delivery of the same message committed first.</summary>
    public static bool IsConcurrentDuplicate(DbUpdateException e) =>
        DbErrors.IsUniqueViolation(e, "pk_inbox_messages");
}
