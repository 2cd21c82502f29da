using Dispatch.Api.Features.Cases.Queries;
using Dispatch.Contracts.Cases;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Catalogue;
using Dispatch.Persistence;
using Dispatch.Persistence.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Cases;

/// <summary>
/// The only way case events reach the outbox, in the same unit of work as the change that causes them. For every new
/// trace row: a <see cref="CaseActionTaken"/>, and the event its action announces in the action table (filed,
/// dispatched, returned, escalated, closed, ...); then one board row (<see cref="CaseChanged"/>) for the case as it now
/// stands. Nobody else builds case events, so an action's events follow from its row alone.
/// </summary>
public static class CaseOutbox
{
    /// <summary>A new report: its <see cref="CaseReported"/> (intake listens) and its board row.</summary>
    public static void AddReported(DispatchDbContext db, Case c, Category category, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(category);
        Add(db, new CaseReported(c.Id, c.Number, c.Version, c.Source.ToString(), c.CategoryId, now), now);
        Add(db, new CaseChanged(c.ToSummary(category, null)), now);
    }

    /// <param name="sinceVersion">The version the case had before the change; rows after it are new.</param>
    /// <param name="formerDepartmentKey">The department a return took the case from, whose board must hear of it.</param>
    /// <param name="formerAssisting">Departments that assisted before the change (协办), whose boards must hear of it too.</param>
    public static async Task AddChangesAsync(DispatchDbContext db, Case c, int sinceVersion, DateTimeOffset now,
        string? formerDepartmentKey, CancellationToken ct, IReadOnlyCollection<string>? formerAssisting = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(c);
        AddRows(db, c, sinceVersion, formerDepartmentKey, now);
        var category = await db.Categories.AsNoTracking().SingleAsync(x => x.Id == c.CategoryId, ct);
        var department = c.DepartmentId is { } id ? await db.Departments.AsNoTracking().SingleAsync(d => d.Id == id, ct) : null;
        var assisting = c.Assists.Select(a => a.DepartmentKey).Union(formerAssisting ?? []).Order(StringComparer.Ordinal).ToList();
        Add(db, new CaseChanged(c.ToSummary(category, department), formerDepartmentKey,
            assisting.Count == 0 ? null : assisting), now);
    }

    private static void AddRows(DispatchDbContext db, Case c, int sinceVersion, string? formerDepartmentKey, DateTimeOffset now)
    {
        foreach (var row in c.Trace.Where(t => t.Sequence > sinceVersion).OrderBy(t => t.Sequence))
        {
            Add(db, new CaseActionTaken(c.Id, c.Number, row.Sequence, row.Action,
                row.FromState?.ToString(), row.ToState.ToString(), row.ActorUserName, row.ActorRole, row.DepartmentKey,
                row.Opinion, row.OnTime, row.At, row.Code, row.Parameters), now);
            if (Announcement(c, row, formerDepartmentKey, now) is { } announced)
                Add(db, announced, now);
        }
    }

    /// <summary>The event a row's action announces, built from the row and the case after the whole change.</summary>
    private static object? Announcement(Case c, CaseTrace row, string? formerDepartmentKey, DateTimeOffset now)
    {
        var announces = CaseLifecycle.Find(row.Action)?.Announces ?? CaseAnnouncement.None;
        var stage = c.DeadlineStage?.ToString() ?? "";
        return announces switch
        {
            CaseAnnouncement.Filed => new CaseFiled(c.Id, c.Number, c.Version, now),
            CaseAnnouncement.Dispatched => new CaseDispatched(c.Id, c.Number, c.Version, row.DepartmentKey ?? c.DepartmentKey ?? "", now),
            CaseAnnouncement.Unroutable => new CaseUnroutable(c.Id, c.Number, c.Version,
                row.Parameters.GetValueOrDefault(TraceParameters.Reason) ?? row.Opinion ?? "", now),
            CaseAnnouncement.Returned => new CaseReturned(c.Id, c.Number, c.Version, formerDepartmentKey ?? row.DepartmentKey ?? "", row.Opinion ?? "", now),
            CaseAnnouncement.Escalated => row.ActorRole == CaseRoles.System
                // The software's escalation has no instruction of a person; level and grid say where it went.
                ? new CaseEscalated(c.Id, c.Number, c.Version, c.EscalationLevel?.ToString(), c.EscalatedTo, row.Opinion ?? row.Code, row.ActorUserName, now)
                : new CaseEscalated(c.Id, c.Number, c.Version, null, null, row.Opinion ?? "", row.ActorUserName, now),
            CaseAnnouncement.DeadlineWarning when c.NextDeadline is { } due =>
                new CaseDeadlineWarning(c.Id, c.Number, c.Version, stage, due, c.DepartmentKey, now),
            // The overdue row is followed by the escalation row it causes: the event names the row's own version.
            CaseAnnouncement.Overdue when c.NextDeadline is { } due =>
                new CaseOverdue(c.Id, c.Number, row.Sequence, stage, due, c.DepartmentKey, now),
            CaseAnnouncement.Closed => new CaseClosed(c.Id, c.Number, c.Version, c.ReworkCount, c.ExtensionCount, c.ReturnCount, now),
            CaseAnnouncement.None or CaseAnnouncement.DeadlineWarning or CaseAnnouncement.Overdue => null,
            _ => throw new InvalidOperationException($"Announcement {announces} has no event."),
        };
    }

    private static void Add<T>(DispatchDbContext db, T message, DateTimeOffset now) where T : class =>
        db.Outbox.Add(OutboxMessage.Create(message, now));
}
