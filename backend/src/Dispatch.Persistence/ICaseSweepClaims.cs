namespace Dispatch.Persistence;

/// <summary>Claims cases whose traffic light is due for a look, so that several sweepers never take the same case at once.</summary>
public interface ICaseSweepClaims
{
    /// <summary>
    /// Ids of up to <paramref name="batchSize"/> cases whose light may change by <paramref name="now"/>, locked for the
    /// caller's open transaction on <paramref name="db"/>; rows another sweeper holds are skipped, not waited for.
    /// </summary>
    Task<IReadOnlyList<Guid>> ClaimDueAsync(DispatchDbContext db, DateTimeOffset now, int batchSize, CancellationToken ct);
}
