using System.Globalization;
using System.Text.RegularExpressions;
using Dispatch.Domain.Cases;

namespace Dispatch.Api.Features.Cases.Queries;

/// <summary>
/// Turns a trace row's code and parameters into one line in the viewer's language (zh-CN or en), with display names
/// for departments, routing rules, grid nodes, categories and people (<see cref="TraceNames"/>). The sentences of
/// every code live here, Chinese and English side by side; <c>{name}</c> is a parameter's words, and a part in
/// <c>[...]</c> is left out when a parameter in it is missing (rows written before the parameter existed).
/// </summary>
public static partial class TraceText
{
    /// <summary>One sentence in both languages.</summary>
    public sealed record Template(string Zh, string En);

    public static IReadOnlyDictionary<string, Template> Templates { get; } = new Dictionary<string, Template>(StringComparer.Ordinal)
    {
        [TraceCodes.Report] = new("上报", "Reported"),
        [TraceCodes.Accept] = new("受理", "Accepted"),
        [TraceCodes.AcceptAuto] = new("按受理策略自动受理", "Accepted automatically by the intake policy"),
        [TraceCodes.Refuse] = new("不予受理", "Refused"),
        [TraceCodes.RequestVerification] = new("发起核实", "Sent for verification on site"),
        [TraceCodes.Verify] = new("核实", "Verified on site"),
        [TraceCodes.File] = new("立案", "Filed"),
        [TraceCodes.FileAuto] = new("按受理策略自动立案", "Filed automatically by the intake policy"),
        [TraceCodes.FileRecategorized] = new("立案，类别改为「{category}」", "Filed under “{category}”"),
        [TraceCodes.Void] = new("作废", "Voided"),
        [TraceCodes.Dispatch] = new("人工派遣至{department}", "Dispatched to {department}"),
        [TraceCodes.DispatchRule] = new("按派遣规则「{rule}」派遣至{department}", "Dispatched to {department} by the routing rule “{rule}”"),
        [TraceCodes.MarkUnroutable] = new("转人工派遣[：{reason}]", "Left for manual dispatch[: {reason}]"),
        [TraceCodes.Assist] = new("协办单位：{departments}", "Assisting departments: {departments}"),
        [TraceCodes.AssistEnd] = new("取消协办", "Co-handling ended"),
        [TraceCodes.AssignHandler] = new("内部派遣给{assignee}[（{department}）]", "Assigned to {assignee}[ ({department})]"),
        [TraceCodes.Sign] = new("签收", "Signed for"),
        [TraceCodes.Return] = new("回退", "Returned"),
        [TraceCodes.RequestExtension] = new("申请延期[ {limit}]", "Extension requested[: {limit}]"),
        [TraceCodes.ApproveExtension] = new("批准延期[ {limit}]", "Extension approved[: {limit}]"),
        [TraceCodes.RejectExtension] = new("驳回延期申请", "Extension rejected"),
        [TraceCodes.RequestSuspension] = new("申请挂账", "Suspension requested"),
        [TraceCodes.ApproveSuspension] = new("批准挂账", "Suspension approved"),
        [TraceCodes.RejectSuspension] = new("驳回挂账申请", "Suspension rejected"),
        [TraceCodes.Resume] = new("恢复处置", "Resumed"),
        [TraceCodes.Feedback] = new("处置反馈", "Reported as handled"),
        [TraceCodes.RequestCheck] = new("发起核查", "Sent for a check on site"),
        [TraceCodes.RequestVerificationFallback] = new("发起核实；网格内无在岗监督员，核实任务转交{holder}[（{people}）]",
            "Sent for verification; nobody is on duty in the grid, so the task goes to {holder}[ ({people})]"),
        [TraceCodes.RequestCheckFallback] = new("发起核查；网格内无在岗监督员，核查任务转交{holder}[（{people}）]",
            "Sent for a check on site; nobody is on duty in the grid, so the task goes to {holder}[ ({people})]"),
        [TraceCodes.CheckPassed] = new("核查通过", "Check passed"),
        [TraceCodes.CheckFailed] = new("核查未通过，返工", "Check failed, sent back for rework"),
        [TraceCodes.Close] = new("结案", "Closed"),
        [TraceCodes.Escalate] = new("督办", "Escalated"),
        [TraceCodes.EscalateAuto] = new("超时自动督办：{target}", "Escalated automatically to {target} ({level})"),
        [TraceCodes.CallbackSatisfied] = new("回访：满意，归档", "Called back: satisfied, archived"),
        [TraceCodes.CallbackUnsatisfied] = new("回访：不满意，退回[{department}]返工", "Called back: not satisfied, sent back[ to {department}] for rework"),
        [TraceCodes.RateSatisfied] = new("公众评价：满意", "Rated by the reporter: satisfied"),
        [TraceCodes.RateUnsatisfied] = new("公众评价：不满意", "Rated by the reporter: not satisfied"),
        [TraceCodes.SelfHandle] = new("自行处置，结案", "Fixed on the spot by the reporter, closed"),
        [TraceCodes.Warn] = new("{stage}时限即将用完（黄灯）", "{stage} time limit nearly used up (yellow)"),
        [TraceCodes.Overdue] = new("已超过{stage}时限", "{stage} time limit exceeded"),
    };

    /// <summary>Words for the steps of the loop (<see cref="TraceParameters.Stage"/>).</summary>
    public static IReadOnlyDictionary<string, Template> Stages { get; } = new Dictionary<string, Template>(StringComparer.Ordinal)
    {
        [CaseStage.Accept.Name()] = new("受理", "acceptance"),
        [CaseStage.Verify.Name()] = new("核实", "verification"),
        [CaseStage.File.Name()] = new("立案", "filing"),
        [CaseStage.Dispatch.Name()] = new("派遣", "dispatch"),
        [CaseStage.Handle.Name()] = new("处置", "handling"),
        [CaseStage.Check.Name()] = new("核查", "check"),
        [CaseStage.Close.Name()] = new("结案", "closing"),
    };

    /// <summary>Words for escalation levels (<see cref="TraceParameters.Level"/>).</summary>
    public static IReadOnlyDictionary<string, Template> Levels { get; } = new Dictionary<string, Template>(StringComparer.Ordinal)
    {
        [EscalationLevel.Street.Name()] = new("街道", "street"),
        [EscalationLevel.District.Name()] = new("区", "district"),
        [EscalationLevel.City.Name()] = new("市", "city"),
    };

    /// <summary>Words for why routing left a case to the dispatcher (<see cref="UnroutableReasons"/>).</summary>
    public static IReadOnlyDictionary<string, Template> Reasons { get; } = new Dictionary<string, Template>(StringComparer.Ordinal)
    {
        [UnroutableReasons.NoUnitGrid] = new("案件不在任何单元网格内", "the case lies in no unit grid"),
        [UnroutableReasons.NoRule] = new("该类别没有生效的派遣规则", "no routing rule is in force for the category"),
        [UnroutableReasons.NoRuleFits] = new("没有适用于该位置、立案条件或部件的派遣规则", "no routing rule fits the case's place, condition or component"),
        [UnroutableReasons.NoDepartment] = new("适用的派遣规则没有指定处置部门", "the routing rules that fit name no department for the case"),
    };

    /// <summary>Words for who holds an on-site task when nobody is on duty in the grid (<see cref="TraceParameters.Holder"/>).</summary>
    public static IReadOnlyDictionary<string, Template> Holders { get; } = new Dictionary<string, Template>(StringComparer.Ordinal)
    {
        [OnSiteFallback.Name(OnSiteHolder.StreetSupervisors)] = new("街道监督员", "the street's supervisors"),
        [OnSiteFallback.Name(OnSiteHolder.ShiftLeaders)] = new("值班长", "the shift leaders"),
    };

    /// <summary>Words for time-limit units, the amount in place of <c>{0}</c>.</summary>
    public static IReadOnlyDictionary<string, Template> Units { get; } = new Dictionary<string, Template>(StringComparer.Ordinal)
    {
        ["working_hours"] = new("{0}个工作小时", "{0} working hours"),
        ["urgent_hours"] = new("{0}小时（紧急）", "{0} hours (urgent)"),
        ["working_days"] = new("{0}个工作日", "{0} working days"),
        ["calendar_days"] = new("{0}个自然日", "{0} calendar days"),
    };

    private static readonly Template SystemActor = new("系统", "System");
    private static readonly Template PublicActor = new("公众", "Member of the public");
    private static readonly Template UnknownRule = new("已不存在的规则", "a rule no longer on record");

    /// <summary>Chinese unless the culture is another language: zh-CN is the product's first language.</summary>
    public static bool IsChinese(CultureInfo culture) =>
        culture is null || culture.TwoLetterISOLanguageName is "zh" or "iv";

    public static string Pick(Template words, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(words);
        return IsChinese(culture) ? words.Zh : words.En;
    }

    public static string Render(CaseTrace row, TraceNames names, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Render(row.Code.Length == 0 ? row.Action : row.Code, row.Parameters, names, culture);
    }

    /// <summary>
    /// The sentence of <paramref name="code"/>: its own, or for an action without one its row's two labels, so that a new
    /// action reads well without a sentence here. Null for a code nobody knows.
    /// </summary>
    public static Template? TemplateOf(string code) =>
        Templates.TryGetValue(code, out var template) ? template
        : CaseLifecycle.Find(code) is { } row ? new Template(row.LabelZh, row.LabelEn)
        : null;

    /// <summary>The sentence for <paramref name="code"/>; an unknown code (from a newer node) reads as itself.</summary>
    public static string Render(string code, IReadOnlyDictionary<string, string> parameters, TraceNames names, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(names);
        if (TemplateOf(code) is not { } template)
            return code;
        var chinese = IsChinese(culture);
        string? Value(string name) => Placeholder(name, parameters, names, chinese);

        var text = OptionalPart().Replace(chinese ? template.Zh : template.En, m =>
            PlaceholderPattern().Matches(m.Groups[1].Value).All(p => Value(p.Groups[1].Value) is not null)
                ? m.Groups[1].Value
                : "");
        text = PlaceholderPattern().Replace(text, m => Value(m.Groups[1].Value) ?? "").Trim();
        return chinese || text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>Who acted, as people know them: the account's display name, or 系统 / System for the software.</summary>
    public static string ActorName(string userName, string role, TraceNames names, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(names);
        return role switch
        {
            CaseRoles.System => Pick(SystemActor, culture),
            // Never an account's name: a member of the public has none, and a user called "public" is someone else.
            CaseRoles.Public => Pick(PublicActor, culture),
            _ => names.Person(userName) ?? userName,
        };
    }

    public static string? DepartmentName(string? key, TraceNames names, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(names);
        return key is null ? null : names.Department(key) is { } words ? Pick(words, culture) : key;
    }

    private static string? Placeholder(string name, IReadOnlyDictionary<string, string> p, TraceNames names, bool chinese)
    {
        string Words(Template t) => chinese ? t.Zh : t.En;
        string? Get(string key) => p.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value : null;
        switch (name)
        {
            case "department":
                return Get(TraceParameters.DepartmentKey) is { } key ? names.Department(key) is { } d ? Words(d) : key : null;
            case "departments":
                return Get(TraceParameters.DepartmentKeys) is { } keys
                    ? string.Join(chinese ? "、" : ", ", keys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(k => names.Department(k) is { } d ? Words(d) : k))
                    : null;
            case "assignee":
                return Get(TraceParameters.Assignee) is { } person ? names.Person(person) ?? person : null;
            case "rule":
                return Get(TraceParameters.RuleId) is { } id ? Guid.TryParse(id, out var ruleId) && names.Rule(ruleId) is { } r ? Words(r) : Words(UnknownRule) : null;
            case "target":
                return Get(TraceParameters.Target) is { } code ? names.Grid(code) ?? code : null;
            case "level":
                return Get(TraceParameters.Level) is { } level ? Levels.TryGetValue(level, out var l) ? Words(l) : level : null;
            case "holder":
                return Get(TraceParameters.Holder) is { } holder ? Holders.TryGetValue(holder, out var h) ? Words(h) : holder : null;
            case "people":
                return Get(TraceParameters.People) is { } people
                    ? string.Join(chinese ? "、" : ", ", people.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(u => names.Person(u) ?? u))
                    : null;
            case "stage":
                return Get(TraceParameters.Stage) is { } stage ? Stages.TryGetValue(stage, out var s) ? Words(s) : stage : null;
            case "reason":
                return Get(TraceParameters.Reason) is { } reason ? Reasons.TryGetValue(reason, out var why) ? Words(why) : reason : null;
            case "limit":
                return Get(TraceParameters.Limit) is { } amount && Get(TraceParameters.Unit) is { } unit
                    ? Units.TryGetValue(unit, out var u) ? string.Format(CultureInfo.InvariantCulture, Words(u), amount) : $"{amount} {unit}"
                    : null;
            case "category":
                if (Get(TraceParameters.CategoryId) is not { } categoryId || !Guid.TryParse(categoryId, out var category)
                    || names.Category(category) is not { } categoryWords)
                    return null;
                return Get(TraceParameters.ConditionId) is { } conditionId && Guid.TryParse(conditionId, out var condition)
                    && names.Condition(condition) is { } conditionWords
                    ? chinese ? $"{categoryWords.Zh}（{conditionWords.Zh}）" : $"{categoryWords.En} ({conditionWords.En})"
                    : Words(categoryWords);
            default:
                throw new InvalidOperationException($"A trace template names an unknown parameter '{{{name}}}'.");
        }
    }

    [GeneratedRegex(@"\[([^\]]*)\]")]
    private static partial Regex OptionalPart();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PlaceholderPattern();
}
