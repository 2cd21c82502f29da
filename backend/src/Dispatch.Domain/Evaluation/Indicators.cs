namespace Dispatch.Domain.Evaluation;

/// <summary>How a count is read off the facts of one <see cref="FactCodes"/> kind.</summary>
public enum FactPart
{
    /// <summary>Every fact of the kind.</summary>
    All,
    /// <summary>Facts whose step ended in time.</summary>
    OnTime,
    /// <summary>Facts whose step ended late.</summary>
    Late,
}

/// <summary>One indicator: a count (read off facts) or a rate (a count over a count), with its definition in both languages.</summary>
public sealed record IndicatorDefinition(
    string Code, string Kind, string NameZh, string NameEn, string DefinitionZh, string DefinitionEn,
    string? Numerator, string? Denominator, string PlacedBy, IReadOnlyList<string> ObjectKinds)
{
    /// <summary>For counts: the fact kind and part it reads.</summary>
    public string? Fact { get; init; }
    public FactPart Part { get; init; }
    /// <summary>For counts: a fact kind whose facts are taken off (a return withdraws a due-to-close).</summary>
    public string? MinusFact { get; init; }
    /// <summary>For rates: a count subtracted from the numerator (准确立案率, 准确派遣率).</summary>
    public string? Minus { get; init; }
}

/// <summary>The object kinds evaluation ranks (docs/domain.md §6).</summary>
public static class ObjectKinds
{
    public const string Department = "department";
    public const string District = "district";
    public const string Street = "street";
    public const string Community = "community";
    public const string Unit = "unit";
    public const string Category = "category";
    public const string Patroller = "patroller";
    public const string Acceptor = "acceptor";
    public const string Dispatcher = "dispatcher";
    public const string ShiftLeader = "shift-leader";

    public static IReadOnlyList<string> All { get; } =
        [Department, District, Street, Community, Unit, Category, Patroller, Acceptor, Dispatcher, ShiftLeader];

    public static IReadOnlyList<string> Regions { get; } = [District, Street, Community, Unit];
    public static IReadOnlyList<string> People { get; } = [Patroller, Acceptor, Dispatcher, ShiftLeader];

    public static bool IsRegion(string kind) => Regions.Contains(kind);
    public static bool IsPerson(string kind) => People.Contains(kind);
}

/// <summary>Every indicator evaluation computes, with its definition (numerator, denominator, placing step).</summary>
public static class Indicators
{
    private static readonly string[] Places = [ObjectKinds.District, ObjectKinds.Street, ObjectKinds.Community, ObjectKinds.Unit, ObjectKinds.Category];
    private static readonly string[] Work = [ObjectKinds.Department, .. Places];

    private static string[] K(params string[] kinds) => kinds;

    private static IndicatorDefinition Count(string code, string fact, FactPart part, string zh, string en, string defZh, string defEn,
        string placedBy, string[] objects) =>
        new(code, "count", zh, en, defZh, defEn, null, null, placedBy, objects) { Fact = fact, Part = part };

    private static IndicatorDefinition Rate(string code, string numerator, string denominator, string zh, string en, string defZh, string defEn,
        string placedBy, string[] objects, string? minus = null) =>
        new(code, "rate", zh, en, defZh, defEn, numerator, denominator, placedBy, objects) { Minus = minus };

    public static IReadOnlyList<IndicatorDefinition> Counts { get; } =
    [
        Count("reported", FactCodes.Reported, FactPart.All, "上报数", "Reported",
            "收到的上报，按上报时间计入。", "Reports received, placed by the time of the report.", "reported",
            K([.. Places, ObjectKinds.Patroller, ObjectKinds.Acceptor])),
        Count("valid", FactCodes.Valid, FactPart.All, "有效上报数", "Valid reports",
            "立案、不予立案（作废）或自行处置的上报，每案一次，按该时间计入，归上报人。",
            "Reports filed, voided before filing, or self-handled, once per case, placed by that step; counted for the reporter.",
            "filed", K([.. Places, ObjectKinds.Patroller, ObjectKinds.Acceptor])),
        Count("accepted", FactCodes.Accepted, FactPart.All, "受理数", "Accepted",
            "受理的上报，按受理时间计入，归受理员。", "Reports accepted, placed by the acceptance; counted for the acceptor.",
            "accepted", K([.. Places, ObjectKinds.Acceptor])),
        Count("filed", FactCodes.Filed, FactPart.All, "立案数", "Filed",
            "立案的案件，按立案时间计入，归值班长。", "Cases filed, placed by the filing; counted for the shift leader.",
            "filed", K([.. Places, ObjectKinds.ShiftLeader])),
        Count("voided", FactCodes.Voided, FactPart.All, "作废数", "Voided",
            "作废或不予立案的案件，按作废时间计入。", "Cases voided (before or after filing), placed by the voiding.",
            "voided", K([.. Places, ObjectKinds.ShiftLeader])),
        Count("voidedAfterFiling", FactCodes.VoidedAfterFiling, FactPart.All, "立案后作废数", "Voided after filing",
            "立案后又作废的案件，按作废时间计入。", "Filed cases voided afterwards, placed by the voiding.",
            "voided", K([.. Places, ObjectKinds.ShiftLeader])),
        Count("dispatchDue", FactCodes.Dispatch, FactPart.All, "应派遣数", "Due to dispatch",
            "派遣次数（回退后再派遣另计一次），按派遣时间计入。", "Dispatches made (a re-dispatch after a return counts again), placed by the dispatch.",
            "dispatched", K([.. Work, ObjectKinds.Dispatcher])),
        Count("dispatched", FactCodes.Dispatch, FactPart.All, "派遣数", "Dispatched",
            "派遣次数，按派遣时间计入；部门为接收部门，人员为派遣员。", "Dispatches made, placed by the dispatch; the department it went to, the dispatcher who sent it.",
            "dispatched", K([.. Work, ObjectKinds.Dispatcher])),
        Count("dispatchedOnTime", FactCodes.Dispatch, FactPart.OnTime, "按时派遣数", "Dispatched on time",
            "在派遣时限内完成的派遣。", "Dispatches made within the dispatch step's limit.",
            "dispatched", K([.. Work, ObjectKinds.Dispatcher])),
        Count("returned", FactCodes.Returned, FactPart.All, "回退数", "Returned",
            "部门回退的次数，按回退时间计入；计入回退部门和上次派遣的派遣员，只影响准确派遣率。",
            "Returns by a department, placed by the return; counted for the returning department and the dispatcher who sent it, and only in dispatch accuracy.",
            "returned", K([.. Work, ObjectKinds.Dispatcher])),
        Count("handleDue", FactCodes.Handled, FactPart.All, "应处置数", "Due to handle",
            "以处置反馈结束的处置轮次（返工后再处置另计），按反馈时间计入；回退不计。",
            "Handling rounds ended by feedback (a round after rework counts again), placed by the feedback; returns are not counted.",
            "fed-back", Work),
        Count("handledOnTime", FactCodes.Handled, FactPart.OnTime, "按期处置数", "Handled on time",
            "在处置时限（含批准的延期、扣除挂账）内反馈的处置轮次。", "Handling rounds fed back within the limit (approved extensions in, suspensions out).",
            "fed-back", Work),
        Count("handledLate", FactCodes.Handled, FactPart.Late, "超期处置数", "Handled late",
            "超过处置时限才反馈的处置轮次。", "Handling rounds fed back after the limit.", "fed-back", Work),
        Count("extended", FactCodes.Extended, FactPart.All, "延期数", "Extended",
            "批准的延期，按批准时间计入。", "Extensions approved, placed by the approval.", "extension-approved", Work),
        Count("suspended", FactCodes.Suspended, FactPart.All, "挂账数", "Suspended",
            "批准的挂账，按批准时间计入。", "Suspensions approved, placed by the approval.", "suspension-approved", Work),
        Count("overdue", FactCodes.Overdue, FactPart.All, "超时数", "Overdue",
            "任一环节超时（亮红灯）的次数，按超时时间计入，归当时持有的部门。",
            "Steps that ran past their limit (light turned red), placed by that moment; counted for the department holding the case.",
            "overdue", Work),
        Count("reworked", FactCodes.Reworked, FactPart.All, "返工数", "Reworked",
            "返工的案件，每案一次（首次核查不通过或首次回访不满意），按该时间计入。",
            "Cases reworked, once per case (at the first failed check or first unsatisfied callback), placed by that moment.",
            "reworked", Work),
        Count("checksFailed", FactCodes.CheckFailed, FactPart.All, "核查不通过次数", "Checks failed",
            "核查不通过的次数（每次都计），按核查时间计入。", "Failed checks, each one, placed by the check.", "checked", Work),
        Count("closeDue", FactCodes.CloseDue, FactPart.All, "应结案数", "Due to close",
            "派遣给部门的案件，每案一次，按派遣时间计入、归接收部门；被回退的从回退部门扣除（按回退时间），再派遣后归新部门；自行处置的按自行处置时间计入。",
            "Cases sent to a department, once per case, placed by the dispatch and counted for that department; a return takes it off the returning department (at the return) and the next dispatch gives it to the new one; a self-handled case counts at its self-handling.",
            "dispatched", Work) with { MinusFact = FactCodes.CloseDueWithdrawn },
        Count("closed", FactCodes.Closed, FactPart.All, "结案数", "Closed",
            "结案的案件，每案一次（首次结案或自行处置），按结案时间计入。",
            "Cases closed, once per case (first closing or self-handling), placed by the closing.", "closed",
            K([.. Work, ObjectKinds.ShiftLeader])),
        Count("closedOnTime", FactCodes.Closed, FactPart.OnTime, "按期结案数", "Closed on time",
            "结案且没有任何处置轮次超期的案件。", "Closed cases none of whose handling rounds ran late.", "closed",
            K([.. Work, ObjectKinds.ShiftLeader])),
        Count("checksDue", FactCodes.Check, FactPart.All, "应核查数", "Checks due",
            "完成的核查，按核查时间计入，归核查的监督员。", "Checks done, placed by the check; counted for the patroller who checked.",
            "checked", K([.. Work, ObjectKinds.Patroller])),
        Count("checksOnTime", FactCodes.Check, FactPart.OnTime, "按时核查数", "Checks on time",
            "在核查时限内完成的核查。", "Checks done within the check step's limit.", "checked", K([.. Work, ObjectKinds.Patroller])),
        Count("verificationsDue", FactCodes.Verify, FactPart.All, "应核实数", "Verifications due",
            "完成的核实，按核实时间计入，归核实的监督员。", "Verifications done, placed by the verification; counted for the patroller.",
            "verified", K([.. Places, ObjectKinds.Patroller])),
        Count("verificationsOnTime", FactCodes.Verify, FactPart.OnTime, "按时核实数", "Verifications on time",
            "在核实时限内完成的核实。", "Verifications done within the verify step's limit.", "verified", K([.. Places, ObjectKinds.Patroller])),
        Count("callbacks", FactCodes.Callback, FactPart.All, "回访数", "Callbacks",
            "回访次数，按回访时间计入。", "Callbacks made, placed by the callback.", "called-back", K([.. Work, ObjectKinds.Acceptor])),
        Count("callbacksSatisfied", FactCodes.CallbackSatisfied, FactPart.All, "回访满意数", "Callbacks satisfied",
            "回访中表示满意的次数。", "Callbacks where the caller was satisfied.", "called-back", K([.. Work, ObjectKinds.Acceptor])),
        Count("selfHandled", FactCodes.SelfHandled, FactPart.All, "自行处置数", "Self-handled",
            "监督员自行处置并确认结案的上报，归上报人。", "Reports the patroller fixed on the spot, confirmed and closed; counted for the reporter.",
            "self-handled", K([.. Places, ObjectKinds.Patroller])),
        Count("escalated", FactCodes.Escalated, FactPart.All, "督办数", "Escalated",
            "督办（领导督办和超时自动督办），按督办时间计入。", "Escalations (by a leader or on overdue), placed by the escalation.", "escalated", Work),
    ];

    public static IReadOnlyList<IndicatorDefinition> Rates { get; } =
    [
        Rate("validRate", "valid", "reported", "有效上报率", "Valid report rate", "有效上报数 ÷ 上报数。", "Valid reports ÷ reported.",
            "filed / reported", K([.. Places, ObjectKinds.Patroller, ObjectKinds.Acceptor])),
        Rate("filingRate", "filed", "accepted", "立案率", "Filing rate", "立案数 ÷ 受理数。", "Filed ÷ accepted.", "filed / accepted", Places),
        Rate("accurateFilingRate", "filed", "filed", "准确立案率", "Accurate filing rate", "（立案数 − 立案后作废数）÷ 立案数。",
            "(Filed − voided after filing) ÷ filed.", "filed / voided", K([.. Places, ObjectKinds.ShiftLeader]), minus: "voidedAfterFiling"),
        Rate("onTimeDispatchRate", "dispatchedOnTime", "dispatchDue", "按期派遣率", "On-time dispatch rate", "按时派遣数 ÷ 应派遣数。",
            "Dispatched on time ÷ due to dispatch.", "dispatched", K([.. Work, ObjectKinds.Dispatcher])),
        Rate("accurateDispatchRate", "dispatched", "dispatchDue", "准确派遣率", "Accurate dispatch rate", "（派遣数 − 回退数）÷ 应派遣数。",
            "(Dispatched − returned) ÷ due to dispatch.", "dispatched / returned", K([.. Work, ObjectKinds.Dispatcher]), minus: "returned"),
        Rate("onTimeHandleRate", "handledOnTime", "handleDue", "按期处置率", "On-time handling rate", "按期处置数 ÷ 应处置数。",
            "Handled on time ÷ due to handle.", "fed-back", Work),
        Rate("extensionRate", "extended", "handleDue", "延期率", "Extension rate", "延期数 ÷ 应处置数。", "Extended ÷ due to handle.",
            "extension-approved / fed-back", Work),
        Rate("reworkRate", "reworked", "closeDue", "返工率", "Rework rate", "返工数（每案一次）÷ 应结案数。", "Reworked (once per case) ÷ due to close.",
            "reworked / first-dispatched", Work),
        Rate("closeRate", "closed", "closeDue", "结案率", "Closing rate", "结案数 ÷ 应结案数；清理积压的时段可超过 100%。",
            "Closed ÷ due to close; a period that clears older cases may exceed 100 %.", "closed / first-dispatched", Work),
        Rate("onTimeCloseRate", "closedOnTime", "closeDue", "按期结案率", "On-time closing rate", "按期结案数 ÷ 应结案数。",
            "Closed on time ÷ due to close.", "closed / first-dispatched", Work),
        Rate("onTimeCheckRate", "checksOnTime", "checksDue", "及时核查率", "On-time check rate", "按时核查数 ÷ 应核查数。",
            "Checks on time ÷ checks due.", "checked", K([.. Work, ObjectKinds.Patroller])),
        Rate("onTimeVerifyRate", "verificationsOnTime", "verificationsDue", "按时核实率", "On-time verification rate",
            "按时核实数 ÷ 应核实数。", "Verifications on time ÷ verifications due.", "verified", K([.. Places, ObjectKinds.Patroller])),
        Rate("callbackSatisfactionRate", "callbacksSatisfied", "callbacks", "回访满意率", "Callback satisfaction rate",
            "回访满意数 ÷ 回访数。", "Callbacks satisfied ÷ callbacks.", "called-back", K([.. Work, ObjectKinds.Acceptor])),
    ];

    public static IReadOnlyList<IndicatorDefinition> All { get; } = [.. Counts, .. Rates];

    public static IndicatorDefinition? Find(string code) => All.FirstOrDefault(i => i.Code == code);

    /// <summary>Per fact kind: how many facts, how many on time, how many late.</summary>
    public readonly record struct FactTally(long All, long OnTime, long Late)
    {
        public static FactTally operator +(FactTally a, FactTally b) => new(a.All + b.All, a.OnTime + b.OnTime, a.Late + b.Late);
        public long Part(FactPart part) => part switch { FactPart.OnTime => OnTime, FactPart.Late => Late, _ => All };
    }

    /// <summary>Every count code from the tallies of the fact kinds.</summary>
    public static Dictionary<string, long> CountsOf(IReadOnlyDictionary<string, FactTally> tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        return Counts.ToDictionary(c => c.Code,
            c => (tallies.TryGetValue(c.Fact!, out var t) ? t.Part(c.Part) : 0)
                - (c.MinusFact is not null && tallies.TryGetValue(c.MinusFact, out var minus) ? minus.All : 0),
            StringComparer.Ordinal);
    }

    /// <summary>Tallies facts by kind (the same grouping the database does for a league table).</summary>
    public static Dictionary<string, FactTally> Tally(IEnumerable<EvaluationFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.GroupBy(f => f.Code, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => new FactTally(g.LongCount(), g.LongCount(f => f.OnTime == true), g.LongCount(f => f.OnTime == false)), StringComparer.Ordinal);
    }

    /// <summary>Every rate code from the counts: a fraction, or null when its denominator is 0.</summary>
    public static Dictionary<string, double?> RatesOf(IReadOnlyDictionary<string, long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Rates.ToDictionary(r => r.Code, r =>
        {
            var denominator = counts[r.Denominator!];
            if (denominator == 0)
                return (double?)null;
            var numerator = counts[r.Numerator!] - (r.Minus is null ? 0 : counts[r.Minus]);
            return (double)numerator / denominator;
        }, StringComparer.Ordinal);
    }
}
