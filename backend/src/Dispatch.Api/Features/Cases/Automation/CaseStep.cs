using Dispatch.Api.Features.Cases.Clocks;
using Dispatch.Domain.Cases;
using Dispatch.Messaging;
using Dispatch.Persistence;
using Dispatch.Persistence.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Cases.Automation;

/// <summary>
/// The shape every case consumer shares: skip a message already handled (inbox) or one the case has moved past
/// (version guard), apply the step, and commit the case, its trace, the outbox rows and the inbox row together.
/// </summary>
public sealed class CaseStep(DispatchDbContext db, TimeProvider clock, CaseClocks clocks)
{
    private int _loadedVersion;

    public DispatchDbContext Db => db;
    public DateTimeOffset Now { get; private set; }

    /// <param name="apply">Changes the case (or leaves it) and adds the outbox rows its change causes.</param>
    public async Task RunAsync<TMessage>(ConsumeContext<TMessage> context, string consumer, Guid caseId, int expectedVersion,
        Func<Case, Task> apply) where TMessage : class
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("Messages must carry a message id.");
        var ct = context.CancellationToken;
        if (await Inbox.AlreadyProcessedAsync(db, messageId, consumer, ct))
            return;
        Now = clock.GetUtcNow();
        var c = await db.Cases.SingleOrDefaultAsync(x => x.Id == caseId, ct)
            // Retrying cannot make a case appear: straight to the error queue and the dead letters.
            ?? throw new PoisonMessageException($"Case {caseId} named by message {messageId} does not exist.");
        _loadedVersion = c.Version;
        if (c.Version == expectedVersion)
            await apply(c);
        Inbox.Record(db, messageId, consumer, Now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Inbox.IsConcurrentDuplicate(e))
        {
            // Another delivery of this message committed first; its effects stand.
        }
        // A DbUpdateConcurrencyException (someone else moved the case) propagates: the retry policy redelivers,
        // and the version guard then skips a step that no longer applies.
    }

    /// <summary>The clock that sets the deadlines of the case's steps (handling limit, step limits, working calendar).</summary>
    public Task<CaseClock> ClockAsync(Case c, CancellationToken ct) => clocks.ForAsync(c, ct);

    /// <summary>
    /// Publishes the board row of the case as it now stands (after <paramref name="c"/> changed), and one
    /// <c>CaseActionTaken</c> per trace row the step appended.
    /// </summary>
    public Task PublishChangedAsync(Case c, CancellationToken ct) =>
        CaseOutbox.AddChangesAsync(db, c, _loadedVersion, Now, null, ct);
}
