using System.Reflection;

namespace Dispatch.Domain.Cases;

/// <summary>
/// What a trace row records, one code per distinct sentence a reader sees (the action names
/// <see cref="CaseAction"/> plus variants such as <c>dispatch.rule</c> or <c>check.failed</c>). The code and its
/// <see cref="TraceParameters"/> are data; readers turn them into text in their own language, so the server never
/// writes a sentence into a row. <see cref="CaseTrace.Opinion"/> keeps only what a person wrote.
/// </summary>
public static class TraceCodes
{
    public const string Report = CaseAction.Report;
    public const string Accept = CaseAction.Accept;
    /// <summary>Accepted by the intake policy, without an acceptor.</summary>
    public const string AcceptAuto = "accept.auto";
    public const string Refuse = CaseAction.Refuse;
    public const string RequestVerification = CaseAction.RequestVerification;
    public const string Verify = CaseAction.Verify;
    public const string File = CaseAction.File;
    /// <summary>Filed by the intake policy, without a shift leader.</summary>
    public const string FileAuto = "file.auto";
    /// <summary>Filed under another category or condition: <see cref="TraceParameters.CategoryId"/>, <see cref="TraceParameters.ConditionId"/>.</summary>
    public const string FileRecategorized = "file.recategorized";
    public const string Void = CaseAction.Void;
    /// <summary>Dispatched by a person: <see cref="TraceParameters.DepartmentKey"/>.</summary>
    public const string Dispatch = CaseAction.Dispatch;
    /// <summary>Dispatched by a routing rule: <see cref="TraceParameters.DepartmentKey"/>, <see cref="TraceParameters.RuleId"/>.</summary>
    public const string DispatchRule = "dispatch.rule";
    /// <summary>No rule covered the case: <see cref="TraceParameters.Reason"/> (one of <see cref="UnroutableReasons"/>).</summary>
    public const string MarkUnroutable = CaseAction.MarkUnroutable;
    /// <summary>Assisting departments named: <see cref="TraceParameters.DepartmentKeys"/> (comma-separated).</summary>
    public const string Assist = CaseAction.Assist;
    /// <summary>Co-handling ended: no department assists any more.</summary>
    public const string AssistEnd = "assist.end";
    /// <summary>内部派遣: <see cref="TraceParameters.Assignee"/> (a user name) of <see cref="TraceParameters.DepartmentKey"/>.</summary>
    public const string AssignHandler = CaseAction.AssignHandler;
    public const string Sign = CaseAction.Sign;
    public const string Return = CaseAction.Return;
    /// <summary>More time asked for: <see cref="TraceParameters.Limit"/>, <see cref="TraceParameters.Unit"/>.</summary>
    public const string RequestExtension = CaseAction.RequestExtension;
    /// <summary>More time given: <see cref="TraceParameters.Limit"/>, <see cref="TraceParameters.Unit"/>.</summary>
    public const string ApproveExtension = CaseAction.ApproveExtension;
    public const string RejectExtension = CaseAction.RejectExtension;
    public const string RequestSuspension = CaseAction.RequestSuspension;
    public const string ApproveSuspension = CaseAction.ApproveSuspension;
    public const string RejectSuspension = CaseAction.RejectSuspension;
    public const string Resume = CaseAction.Resume;
    public const string Feedback = CaseAction.Feedback;
    public const string RequestCheck = CaseAction.RequestCheck;
    /// <summary>
    /// Sent for verification while nobody is on duty in the grid: <see cref="TraceParameters.Holder"/> (who holds the task
    /// instead, <see cref="OnSiteFallback.Name"/>), <see cref="TraceParameters.People"/>.
    /// </summary>
    public const string RequestVerificationFallback = "request-verification.fallback";
    /// <summary>Sent for a check while nobody is on duty in the grid: as <see cref="RequestVerificationFallback"/>.</summary>
    public const string RequestCheckFallback = "request-check.fallback";
    public const string CheckPassed = "check.passed";
    public const string CheckFailed = "check.failed";
    public const string Close = CaseAction.Close;
    /// <summary>A leader's instruction (督办); the instruction is the row's opinion.</summary>
    public const string Escalate = CaseAction.Escalate;
    /// <summary>Escalated by the sweeper: <see cref="TraceParameters.Level"/>, <see cref="TraceParameters.Target"/> (a grid code).</summary>
    public const string EscalateAuto = "escalate.auto";
    public const string CallbackSatisfied = "callback.satisfied";
    public const string CallbackUnsatisfied = "callback.unsatisfied";
    /// <summary>The reporting member of the public rated the result on the tracking page: satisfied; the words are the opinion.</summary>
    public const string RateSatisfied = "rate.satisfied";
    /// <summary>As <see cref="RateSatisfied"/>, not satisfied. It reopens nothing.</summary>
    public const string RateUnsatisfied = "rate.unsatisfied";
    public const string SelfHandle = CaseAction.SelfHandle;
    /// <summary>The light turned yellow: <see cref="TraceParameters.Stage"/>.</summary>
    public const string Warn = CaseAction.Warn;
    /// <summary>The light turned red: <see cref="TraceParameters.Stage"/>.</summary>
    public const string Overdue = CaseAction.Overdue;

    /// <summary>
    /// Every code a case can write, so that readers can prove they have words for each: the codes above, and every
    /// action of the table (an action with no sentence of its own reads as its row's label).
    /// </summary>
    public static IReadOnlyList<string> All { get; } = typeof(TraceCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Concat(CaseLifecycle.Table.Select(t => t.Action))
        .Distinct(StringComparer.Ordinal)
        .ToList();
}

/// <summary>Names of the parameters a trace row carries beside its code. Values are keys and codes, never display text.</summary>
public static class TraceParameters
{
    /// <summary>A department's key.</summary>
    public const string DepartmentKey = "departmentKey";
    /// <summary>Department keys, comma-separated, in the order named.</summary>
    public const string DepartmentKeys = "departmentKeys";
    /// <summary>A routing rule's id.</summary>
    public const string RuleId = "ruleId";
    /// <summary>An escalation level: <c>street</c>, <c>district</c> or <c>city</c>.</summary>
    public const string Level = "level";
    /// <summary>The grid code of the command a case was escalated to.</summary>
    public const string Target = "target";
    /// <summary>A step of the loop, by <see cref="CaseStages.Name"/>: <c>accept</c>, <c>handle</c> ...</summary>
    public const string Stage = "stage";
    /// <summary>An amount of time, invariant culture (<c>2</c>, <c>1.5</c>); with <see cref="Unit"/>.</summary>
    public const string Limit = "limit";
    /// <summary>The unit of <see cref="Limit"/>, by the catalogue's names: <c>working_hours</c> ...</summary>
    public const string Unit = "unit";
    public const string CategoryId = "categoryId";
    public const string ConditionId = "conditionId";
    /// <summary>A person, by account user name (内部派遣's assignee).</summary>
    public const string Assignee = "assignee";
    /// <summary>Why a case could not be routed: one of <see cref="UnroutableReasons"/>.</summary>
    public const string Reason = "reason";
    /// <summary>Who holds an on-site task instead of the grid's patrollers: <c>street-supervisors</c> or <c>shift-leaders</c>.</summary>
    public const string Holder = "holder";
    /// <summary>User names, comma-separated.</summary>
    public const string People = "people";
}

/// <summary>Why routing left a case to the dispatcher (<see cref="TraceCodes.MarkUnroutable"/>).</summary>
public static class UnroutableReasons
{
    /// <summary>The case lies in no unit grid.</summary>
    public const string NoUnitGrid = "no-unit-grid";
    /// <summary>No rule is in force for the case's category.</summary>
    public const string NoRule = "no-rule";
    /// <summary>No rule fits the case's place, condition or component.</summary>
    public const string NoRuleFits = "no-rule-fits";
    /// <summary>Rules fit, but none names a department for this case.</summary>
    public const string NoDepartment = "no-department";

    public static IReadOnlyList<string> All { get; } = [NoUnitGrid, NoRule, NoRuleFits, NoDepartment];
}

/// <summary>The words for escalation levels as trace parameters carry them.</summary>
public static class EscalationLevels
{
    public static string Name(this EscalationLevel level) => level switch
    {
        EscalationLevel.Street => "street",
        EscalationLevel.District => "district",
        EscalationLevel.City => "city",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };
}
