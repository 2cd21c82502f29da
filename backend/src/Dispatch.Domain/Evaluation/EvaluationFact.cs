using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Evaluation;

/// <summary>
/// One counted event (考核事实): derived from a trace row the moment it is written, with what the case knew then
/// (who held it, where it lies, its category). Immutable; a league table is a grouped count of these rows, so no
/// figure ever reads a case's current columns. <see cref="Code"/> is one of <see cref="FactCodes"/>.
/// </summary>
public sealed class EvaluationFact
{
    private EvaluationFact() { }

    internal EvaluationFact(CaseTrace row, string code, EvaluationMoment moment, string? person, string? personRole,
        bool? onTime = null)
    {
        Id = Guid.CreateVersion7(row.At);
        CaseId = row.CaseId;
        Sequence = row.Sequence;
        Code = code;
        At = row.At;
        OnTime = onTime;
        DepartmentKey = moment.HoldingDepartmentKey;
        DistrictCode = moment.DistrictCode;
        StreetCode = moment.StreetCode;
        CommunityCode = moment.CommunityCode;
        UnitGridCode = moment.UnitGridCode;
        CategoryId = moment.CategoryId;
        Person = person;
        PersonRole = person is null ? null : personRole;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    /// <summary>The trace row (by its sequence in the case) the fact was derived from.</summary>
    public int Sequence { get; private set; }
    public string Code { get; private set; } = "";
    /// <summary>The instant that places the fact in a period: the time of the trace row it comes from.</summary>
    public DateTimeOffset At { get; private set; }
    /// <summary>For timed steps: whether the step ended in time (null when untimed). For <see cref="FactCodes.Closed"/>: no handling round ran late.</summary>
    public bool? OnTime { get; private set; }
    /// <summary>The department holding the case at that moment (null before dispatch and after a return).</summary>
    public string? DepartmentKey { get; private set; }
    public string DistrictCode { get; private set; } = "";
    public string? StreetCode { get; private set; }
    public string? CommunityCode { get; private set; }
    public string? UnitGridCode { get; private set; }
    public Guid CategoryId { get; private set; }
    /// <summary>The person the figure belongs to (the reporter for report counts, the dispatcher for a return, else the actor); null for none.</summary>
    public string? Person { get; private set; }
    /// <summary>That person's role in the event: patroller, acceptor, dispatcher, shift-leader, system ...</summary>
    public string? PersonRole { get; private set; }
}

/// <summary>What a case knew when a trace row was written, for the facts derived from it.</summary>
internal sealed record EvaluationMoment(
    string? HoldingDepartmentKey, string DistrictCode, string? StreetCode, string? CommunityCode, string? UnitGridCode,
    Guid CategoryId, string Reporter, string ReporterRole, string? LastDispatcher,
    bool FirstRework, bool FirstClose, bool CloseDueOpen, bool HandlingLate);

/// <summary>The kinds of evaluation fact; each feeds one or more count codes (<see cref="Indicators"/>).</summary>
public static class FactCodes
{
    public const string Reported = "reported";
    public const string Valid = "valid";
    public const string Accepted = "accepted";
    public const string Filed = "filed";
    public const string Voided = "voided";
    public const string VoidedAfterFiling = "voidedAfterFiling";
    /// <summary>A dispatch (each one, re-dispatches included); on-time flag of the dispatch step.</summary>
    public const string Dispatch = "dispatch";
    public const string Returned = "returned";
    /// <summary>A handling round ended by feedback; on-time flag of the handling step.</summary>
    public const string Handled = "handled";
    public const string Extended = "extended";
    public const string Suspended = "suspended";
    public const string Reworked = "reworked";
    public const string CheckFailed = "checkFailed";
    public const string Check = "check";
    public const string Verify = "verify";
    /// <summary>At a dispatch (or self-handling) that makes the case due to close; withdrawn again by a return.</summary>
    public const string CloseDue = "closeDue";
    /// <summary>A return takes back the <see cref="CloseDue"/> of the department that returned the case.</summary>
    public const string CloseDueWithdrawn = "closeDueWithdrawn";
    /// <summary>Once per case, at its first closing.</summary>
    public const string Closed = "closed";
    public const string SelfHandled = "selfHandled";
    public const string Callback = "callback";
    public const string CallbackSatisfied = "callbackSatisfied";
    public const string Overdue = "overdue";
    public const string Escalated = "escalated";

    public static IReadOnlyList<string> All { get; } =
    [
        Reported, Valid, Accepted, Filed, Voided, VoidedAfterFiling, Dispatch, Returned, Handled, Extended, Suspended,
        Reworked, CheckFailed, Check, Verify, CloseDue, CloseDueWithdrawn, Closed, SelfHandled, Callback, CallbackSatisfied, Overdue, Escalated,
    ];

    /// <summary>
    /// The facts one trace row yields. Pure: the same row and moment always give the same facts. The rules
    /// (docs/domain.md §6): a return counts only as <see cref="Returned"/> (the department that returned it and the
    /// dispatcher who sent it), never in handling; a case is reworked once, at its first failed check or unsatisfied
    /// callback; it is due to close and closed once each, however often it is reopened.
    /// </summary>
    internal static IEnumerable<EvaluationFact> Derive(CaseTrace row, EvaluationMoment m)
    {
        var actor = row.ActorUserName;
        var role = row.ActorRole;
        // A callback's verdict is read off its code, whichever action wrote it (an unsatisfied callback may reopen the case).
        if (row.Code is TraceCodes.CallbackSatisfied or TraceCodes.CallbackUnsatisfied)
        {
            yield return new(row, Callback, m, actor, role);
            if (row.Code == TraceCodes.CallbackSatisfied)
                yield return new(row, CallbackSatisfied, m, actor, role);
            else if (m.FirstRework)
                yield return new(row, Reworked, m, actor, role);
            yield break;
        }
        switch (row.Action)
        {
            case CaseAction.Report:
                yield return new(row, Reported, m, actor, role);
                break;
            case CaseAction.Accept:
                yield return new(row, Accepted, m, actor, role);
                break;
            case CaseAction.File:
                yield return new(row, Filed, m, actor, role);
                yield return new(row, Valid, m, m.Reporter, m.ReporterRole);
                break;
            case CaseAction.Void:
                yield return new(row, Voided, m, actor, role);
                if (row.FromState == CaseState.ToFile)
                    yield return new(row, Valid, m, m.Reporter, m.ReporterRole);
                else
                    yield return new(row, VoidedAfterFiling, m, actor, role);
                break;
            case CaseAction.Dispatch:
                yield return new(row, Dispatch, m, actor, role, row.OnTime);
                if (!m.CloseDueOpen)
                    yield return new(row, CloseDue, m, null, null);
                break;
            case CaseAction.Return:
                yield return new(row, Returned, m, m.LastDispatcher,
                    m.LastDispatcher == Actor.System.UserName ? CaseRoles.System : CaseRoles.Dispatcher);
                // The case was never the returning department's to close: its due-to-close count is withdrawn.
                if (m.CloseDueOpen)
                    yield return new(row, CloseDueWithdrawn, m, null, null);
                break;
            case CaseAction.Feedback:
                yield return new(row, Handled, m, actor, role, row.OnTime);
                break;
            case CaseAction.ApproveExtension:
                yield return new(row, Extended, m, actor, role);
                break;
            case CaseAction.ApproveSuspension:
                yield return new(row, Suspended, m, actor, role);
                break;
            case CaseAction.Verify:
                yield return new(row, Verify, m, actor, role, row.OnTime);
                break;
            case CaseAction.Check:
                yield return new(row, Check, m, actor, role, row.OnTime);
                if (row.Code == TraceCodes.CheckFailed)
                {
                    yield return new(row, CheckFailed, m, actor, role);
                    if (m.FirstRework)
                        yield return new(row, Reworked, m, actor, role);
                }
                break;
            case CaseAction.Close:
                if (m.FirstClose)
                    yield return new(row, Closed, m, actor, role, !m.HandlingLate);
                break;
            case CaseAction.SelfHandle:
                yield return new(row, SelfHandled, m, m.Reporter, m.ReporterRole);
                // A problem found and fixed on the spot was a true report.
                yield return new(row, Valid, m, m.Reporter, m.ReporterRole);
                if (m.FirstClose)
                {
                    yield return new(row, CloseDue, m, null, null);
                    yield return new(row, Closed, m, actor, role, true);
                }
                break;
            case CaseAction.Overdue:
                yield return new(row, Overdue, m, null, null);
                break;
            case CaseAction.Escalate:
                yield return new(row, Escalated, m, null, null);
                break;
        }
    }
}
