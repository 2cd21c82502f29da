using System.Globalization;

namespace Dispatch.Api.Features.Ledger;

/// <summary>A column of a ledger export: its key (as <c>columns=</c> names it), headers in both languages, and its text.</summary>
public sealed record LedgerColumn(string Key, string HeaderZh, string HeaderEn, Func<LedgerRecord, bool, string> Text)
{
    public string Header(CultureInfo culture) => culture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? HeaderEn : HeaderZh;
}

/// <summary>
/// The columns a ledger (台账) needs: the number, the time of each step, category and condition, where (grid codes and
/// names), who handles it and by when, on-time flags, rework count and source. Times are China time (UTC+8).
/// </summary>
public static class LedgerColumns
{
    private static string At(DateTimeOffset? at) => LedgerRows.Invariant(at);
    private static string YesNo(bool? value, bool zh) => value switch { true => zh ? "是" : "yes", false => zh ? "否" : "no", null => "" };
    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static readonly IReadOnlyList<LedgerColumn> All =
    [
        new("number", "案卷编号", "Number", (r, _) => r.Row.Number),
        new("state", "状态", "State", (r, zh) => zh ? StateZh(r.Row.State) : r.Row.State),
        new("source", "来源", "Source", (r, zh) => zh ? SourceZh(r.Row.Source) : r.Row.Source),
        new("categoryCode", "小类编码", "Category code", (r, _) => r.Row.CategoryCode),
        new("category", "小类", "Category", (r, zh) => zh ? r.Row.CategoryNameZh : r.Row.CategoryNameEn),
        new("condition", "立案条件", "Condition", (r, zh) => (zh ? r.Row.ConditionNameZh : r.Row.ConditionNameEn) ?? ""),
        new("description", "问题描述", "Description", (r, _) => r.Row.Description),
        new("addressText", "地址描述", "Address", (r, _) => r.Row.AddressText ?? ""),
        new("streetCode", "街道编码", "Street code", (r, _) => r.Row.StreetCode ?? ""),
        new("street", "街道", "Street", (r, _) => r.Row.StreetName ?? ""),
        new("communityCode", "社区编码", "Community code", (r, _) => r.Row.CommunityCode ?? ""),
        new("community", "社区", "Community", (r, _) => r.Row.CommunityName ?? ""),
        new("gridCode", "单元网格编码", "Unit grid code", (r, _) => r.Row.GridCode ?? ""),
        new("grid", "单元网格", "Unit grid", (r, _) => r.Row.GridName ?? ""),
        new("componentId", "部件编码", "Component id", (r, _) => r.Row.ComponentId ?? ""),
        new("reportedBy", "上报人", "Reported by", (r, _) => r.Row.ReportedBy),
        new("reportedAt", "上报时间", "Reported at", (r, _) => At(r.Row.ReportedAt)),
        new("acceptedAt", "受理时间", "Accepted at", (r, _) => At(r.AcceptedAt)),
        new("filedAt", "立案时间", "Filed at", (r, _) => At(r.FiledAt)),
        new("dispatchedAt", "派遣时间", "Dispatched at", (r, _) => At(r.Row.DispatchedAt)),
        new("department", "主办部门", "Department", (r, zh) => (zh ? r.Row.DepartmentNameZh : r.Row.DepartmentNameEn) ?? ""),
        new("deadline", "当前时限", "Deadline", (r, _) => At(r.Row.Deadline)),
        new("fedBackAt", "处置反馈时间", "Fed back at", (r, _) => At(r.FedBackAt)),
        new("checkedAt", "核查时间", "Checked at", (r, _) => At(r.CheckedAt)),
        new("closedAt", "结案时间", "Closed at", (r, _) => At(r.Row.ClosedAt)),
        new("handledOnTime", "按期处置", "Handled on time", (r, zh) => YesNo(r.HandledOnTime, zh)),
        new("onTime", "各环节按时", "All steps on time", (r, zh) => YesNo(!r.LateStep && !r.Row.Overdue, zh)),
        new("overdue", "超时", "Overdue", (r, zh) => YesNo(r.Row.Overdue, zh)),
        new("light", "亮灯", "Light", (r, _) => r.Row.Light ?? ""),
        new("escalated", "督办", "Escalated", (r, zh) => YesNo(r.Row.Escalated, zh)),
        new("reworkCount", "返工次数", "Rework count", (r, _) => Count(r.Row.ReworkCount)),
        new("extensionCount", "延期次数", "Extension count", (r, _) => Count(r.Row.ExtensionCount)),
        new("callbackWanted", "需要回访", "Callback wanted", (r, zh) => YesNo(r.Row.CallbackWanted, zh)),
    ];

    public static readonly IReadOnlyDictionary<string, LedgerColumn> ByKey = All.ToDictionary(c => c.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The columns named in <paramref name="text"/> (comma-separated), or all of them; unknown keys are an error on <c>columns</c>.</summary>
    public static IReadOnlyList<LedgerColumn>? Parse(string? text, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return All;
        var keys = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = keys.Where(k => !ByKey.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            errors["columns"] = [$"Unknown column {string.Join(", ", unknown.Select(u => $"'{u}'"))}; use: {string.Join(", ", All.Select(c => c.Key))}."];
            return null;
        }
        return keys.Distinct(StringComparer.OrdinalIgnoreCase).Select(k => ByKey[k]).ToList();
    }

    public static string StateZh(string state) => state switch
    {
        "Reported" => "待受理", "Verifying" => "核实中", "ToFile" => "待立案", "ToDispatch" => "待派遣", "Dispatched" => "待签收",
        "Handling" => "处置中", "FedBack" => "已反馈", "Checking" => "核查中", "ToClose" => "待结案", "Closed" => "已结案",
        "Archived" => "已归档", "NotAccepted" => "不予受理", "Voided" => "作废", "Returned" => "回退", "Suspended" => "挂账",
        _ => state,
    };

    public static string SourceZh(string source) => source switch
    {
        "patrol" => "监督员上报", "public" => "公众上报", "hotline" => "热线", "leader" => "领导交办", "video" => "视频分析", "media" => "媒体曝光",
        _ => source,
    };
}
