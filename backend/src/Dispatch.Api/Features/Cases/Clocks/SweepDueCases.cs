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
            if (c.Sweep(now) is null)
                continue;
            await CaseOutbox.AddChangesAsync(db, c, since, now, null, ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return ids.Count;
    }
}
