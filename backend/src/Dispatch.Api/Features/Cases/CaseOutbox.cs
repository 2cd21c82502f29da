using Dispatch.Api.Features.Cases.Queries;
using Dispatch.Contracts.Cases;
using Dispatch.Domain.Cases;
using Dispatch.Persistence;
using Dispatch.Persistence.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Cases;

/// <summary>
/// The outbox rows every change of a case causes, added to the same unit of work as the change: one
/// <see cref="CaseActionTaken"/> per new trace row and the board row (<see cref="CaseChanged"/>). Callers add the
/// events particular to their action.
/// </summary>
public static class LifecycleOutbox
{
    /// <param name="sinceVersion">The version the case had before the change; rows after it are new.</param>
    /// <param name="formerDepartmentKey">The department a return took the case from, whose board must hear of it.</param>
    /// <param name="formerAssisting">Departments that assisted before the change (协办), whose boards must hear of it too.</param>
    public static async Task AddChangesAsync(DispatchDbContext db, Case c, int sinceVersion, DateTimeOffset now,
        string? formerDepartmentKey, CancellationToken ct, IReadOnlyCollection<string>? formerAssisting = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(c);
        foreach (var row in c.Trace.Where(t => t.Sequence > sinceVersion).OrderBy(t => t.Sequence))
        {
            db.Outbox.Add(OutboxMessage.Create(new CaseActionTaken(c.Id, c.Number, row.Sequence, row.Action,
                row.FromState?.ToString(), row.ToState.ToString(), row.ActorUserName, row.ActorRole, row.DepartmentKey,
                row.Opinion, row.OnTime, row.At, row.Code, row.Parameters), now));
        }
        var category = await db.Categories.AsNoTracking().SingleAsync(x => x.Id == c.CategoryId, ct);
        var department = c.DepartmentId is { } id ? await db.Departments.AsNoTracking().SingleAsync(d => d.Id == id, ct) : null;
        var assisting = c.Assists.Select(a => a.DepartmentKey).Union(formerAssisting ?? []).Order(StringComparer.Ordinal).ToList();
        db.Outbox.Add(OutboxMessage.Create(new CaseChanged(c.ToSummary(category, department), formerDepartmentKey,
            assisting.Count == 0 ? null : assisting), now));
    }

    public static void Add<T>(DispatchDbContext db, T message, DateTimeOffset now) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Outbox.Add(OutboxMessage.Create(message, now));
    }
}
