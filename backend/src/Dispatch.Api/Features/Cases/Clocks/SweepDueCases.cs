using Dispatch.Api.Features.Cases.Queries;
using Dispatch.Api.Hosting;
using Dispatch.Contracts.Cases;
using Dispatch.Domain.Cases;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Features.Cases.Clocks;

/// <summary>
/// One pass of the sweeper: in one transaction, claim the cases whose light is due (row locks, skipping rows another
/// sweeper holds), turn them yellow or red through the aggregate (trace rows, escalation), write the warning,
/// overdue and escalation events to the outbox, and commit. A case is never swept twice for one light: the second
/// sweeper either skips its locked row or finds its light already changed.
/// </summary>
public sealed class SweepDueCases(DispatchDbContext db, ICaseSweepClaims claims, TimeProvider clock, IOptions<SlaOptions> options)
{
    /// <returns>How many cases were claimed; a full batch means there may be more.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = await claims.ClaimDueAsync(db, now, options.Value.SweepBatchSize, ct);
        if (ids.Count == 0)
        {
            await tx.CommitAsync(ct);
            return 0;
        }

        var cases = await db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        foreach (var c in cases)
        {
            var since = c.Version;
            var outcome = c.Sweep(now);
            if (outcome is null)
                continue;
            var stage = outcome.Deadline.Stage.ToString();
            if (outcome.Light == CaseLight.Yellow)
            {
                LifecycleOutbox.Add(db, new CaseDeadlineWarning(c.Id, c.Number, c.Version, stage, outcome.Deadline.Due, c.DepartmentKey, now), now);
            }
            else
            {
                LifecycleOutbox.Add(db, new CaseOverdue(c.Id, c.Number, c.Version - 1, stage, outcome.Deadline.Due, c.DepartmentKey, now), now);
                // The event's instruction is the escalation row's sentence in the product's first language.
                var row = c.Trace[^1];
                var instruction = TraceText.Render(row, await TraceNames.LoadAsync(db, [row], ct), Localization.Default);
                LifecycleOutbox.Add(db, new CaseEscalated(c.Id, c.Number, c.Version, outcome.EscalatedLevel?.ToString(), outcome.EscalatedTo,
                    instruction, Actor.System.UserName, now), now);
            }
            await LifecycleOutbox.AddChangesAsync(db, c, since, now, null, ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return ids.Count;
    }
}
