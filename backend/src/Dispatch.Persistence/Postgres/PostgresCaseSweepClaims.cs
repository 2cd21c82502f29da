using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Postgres;

/// <summary><c>FOR UPDATE SKIP LOCKED</c> on the partial index of due lights; the lock lasts until the caller commits.</summary>
internal sealed class PostgresCaseSweepClaims : ICaseSweepClaims
{
    public async Task<IReadOnlyList<Guid>> ClaimDueAsync(DispatchDbContext db, DateTimeOffset now, int batchSize, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Claim due cases inside a transaction: the row locks are what keeps sweepers apart.");
        return await db.Database.SqlQuery<Guid>($"""
            SELECT id AS "Value" FROM cases
            WHERE light_changes_at IS NOT NULL AND light_changes_at <= {now}
            ORDER BY light_changes_at
            LIMIT {batchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
    }
}
