namespace Dispatch.Contracts.Cases;

// Events are published through the transactional outbox, so each one is durable the moment the state change
// that caused it commits. Consumers tolerate redelivery: they key on the message id (inbox) and on Version.
// Additive changes only: these shapes are on the wire.

/// <summary>A report was stored (上报). Intake decides whether it is filed automatically.</summary>
public sealed record CaseReported(Guid CaseId, string Number, int Version, string Source, Guid CategoryId, DateTimeOffset At);

/// <summary>The case was filed (立案) and must now be dispatched.</summary>
public sealed record CaseFiled(Guid CaseId, string Number, int Version, DateTimeOffset At);

/// <summary>The case went to a department (派遣).</summary>
public sealed record CaseDispatched(Guid CaseId, string Number, int Version, string DepartmentKey, DateTimeOffset At);

/// <summary>No routing rule covered the case; it waits in the dispatcher's manual queue.</summary>
public sealed record CaseUnroutable(Guid CaseId, string Number, int Version, string Reason, DateTimeOffset At);

/// <summary>
/// Any change a board shows. Carries the whole summary so that every web node can push it to its own
/// SignalR connections without reading the database. <see cref="FormerDepartmentKey"/> names the department a
/// return took the case away from, so that its board hears of it too; <see cref="AssistingDepartmentKeys"/> the
/// departments assisting on the case (协办), or that did until this change, whose boards hear of it as well.
/// </summary>
public sealed record CaseChanged(CaseSummary Summary, string? FormerDepartmentKey = null, IReadOnlyList<string>? AssistingDepartmentKeys = null);

/// <summary>
/// What a board row shows of a case. <see cref="Version"/> lets clients drop stale pushes. <see cref="GridCode"/> is
/// the unit grid the case lies in (its district when it has none): every grid node above it is a prefix of it, so
/// boards filtered to a node, and accounts scoped to one, place a push without reading the database.
/// <see cref="AssigneeUserName"/> is the handler the case was given to inside its department (内部派遣), if any.
/// </summary>
public sealed record CaseSummary(
    Guid Id,
    string Number,
    string State,
    int Version,
    string CategoryCode,
    string CategoryNameZh,
    string CategoryNameEn,
    string? DepartmentKey,
    string? DepartmentNameZh,
    string? DepartmentNameEn,
    double Longitude,
    double Latitude,
    string Description,
    bool NeedsManualDispatch,
    DateTimeOffset ReportedAt,
    DateTimeOffset UpdatedAt,
    string? Light = null,
    DateTimeOffset? NextDeadline = null,
    bool Escalated = false,
    string? GridCode = null,
    string? AssigneeUserName = null);
