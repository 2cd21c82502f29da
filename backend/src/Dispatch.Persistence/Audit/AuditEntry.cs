namespace Dispatch.Persistence.Audit;

/// <summary>
/// One administrative change: who made it, when, to what, and the record as it was before and after (JSON, null for
/// a record created or removed). Rows are only ever added: the database refuses updates, deletes and truncation of
/// the table for every role the application connects as (migration <c>AuditLog</c>).
/// </summary>
public sealed class AuditEntry
{
    public const int MaxActorLength = 256;
    public const int MaxActionLength = 64;
    public const int MaxSubjectTypeLength = 32;
    public const int MaxSubjectKeyLength = 256;

    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, string actor, string action, string subjectType, string subjectKey,
        string? before, string? after, string? requestId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectType);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectKey);
        At = at;
        Actor = actor;
        Action = action;
        SubjectType = subjectType;
        SubjectKey = subjectKey.Length > MaxSubjectKeyLength ? subjectKey[..MaxSubjectKeyLength] : subjectKey;
        Before = before;
        After = after;
        RequestId = requestId;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>The account name of the person who made the change.</summary>
    public string Actor { get; private set; } = "";
    /// <summary>What was done, as a stable code: <c>account.create</c>, <c>department.retire</c>, <c>calendar.year.put</c>.</summary>
    public string Action { get; private set; } = "";
    /// <summary>The kind of record changed: <c>account</c>, <c>department</c>, <c>category</c>, <c>calendar</c>...</summary>
    public string SubjectType { get; private set; } = "";
    /// <summary>The record's key within its kind: an account name, a department key, a year, an id.</summary>
    public string SubjectKey { get; private set; } = "";
    /// <summary>The record before the change, as JSON; null when it was created.</summary>
    public string? Before { get; private set; }
    /// <summary>The record after the change, as JSON; null when it was removed.</summary>
    public string? After { get; private set; }
    /// <summary>The HTTP request's trace id, to join the row to the request log.</summary>
    public string? RequestId { get; private set; }
}
