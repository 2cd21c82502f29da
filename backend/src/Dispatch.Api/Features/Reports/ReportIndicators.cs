namespace Dispatch.Api.Features.Reports;

/// <summary>
/// Names of the indicators as the report's tables and texts print them. The codes and their definitions are the
/// evaluation API's (<c>GET /api/evaluation/indicators</c>); this is the printed label only.
/// </summary>
public static class ReportIndicators
{
    private static readonly Dictionary<string, (string Zh, string En)> Names = new(StringComparer.Ordinal)
    {
        ["reported"] = ("上报数", "Reported"),
        ["valid"] = ("有效上报数", "Valid reports"),
        ["accepted"] = ("受理数", "Accepted"),
        ["filed"] = ("立案数", "Filed"),
        ["voided"] = ("作废数", "Voided"),
        ["dispatchDue"] = ("应派遣数", "Due to dispatch"),
        ["dispatched"] = ("派遣数", "Dispatched"),
        ["dispatchedOnTime"] = ("按期派遣数", "Dispatched on time"),
        ["returned"] = ("回退数", "Returned"),
        ["handleDue"] = ("应处置数", "Due to handle"),
        ["handledOnTime"] = ("按期处置数", "Handled on time"),
        ["handledLate"] = ("超期处置数", "Handled late"),
        ["extended"] = ("延期数", "Extended"),
        ["reworked"] = ("返工数", "Reworked"),
        ["checksFailed"] = ("核查不通过数", "Checks failed"),
        ["closeDue"] = ("应结案数", "Due to close"),
        ["closed"] = ("结案数", "Closed"),
        ["closedOnTime"] = ("按期结案数", "Closed on time"),
        ["checksDue"] = ("应核查数", "Checks due"),
        ["checksOnTime"] = ("按时核查数", "Checks on time"),
        ["verificationsDue"] = ("应核实数", "Verifications due"),
        ["verificationsOnTime"] = ("按时核实数", "Verifications on time"),
        ["callbacks"] = ("回访数", "Callbacks"),
        ["callbacksSatisfied"] = ("回访满意数", "Satisfied callbacks"),
        ["selfHandled"] = ("自行处置数", "Self-handled"),
        ["validRate"] = ("有效上报率", "Valid report rate"),
        ["filingRate"] = ("立案率", "Filing rate"),
        ["accurateFilingRate"] = ("准确立案率", "Accurate filing rate"),
        ["onTimeDispatchRate"] = ("按期派遣率", "On-time dispatch rate"),
        ["accurateDispatchRate"] = ("准确派遣率", "Accurate dispatch rate"),
        ["onTimeHandleRate"] = ("按期处置率", "On-time handling rate"),
        ["extensionRate"] = ("延期率", "Extension rate"),
        ["reworkRate"] = ("返工率", "Rework rate"),
        ["closeRate"] = ("结案率", "Close rate"),
        ["onTimeCloseRate"] = ("按期结案率", "On-time close rate"),
        ["onTimeCheckRate"] = ("及时核查率", "On-time check rate"),
        ["onTimeVerifyRate"] = ("按时核实率", "On-time verification rate"),
        ["callbackSatisfactionRate"] = ("回访满意率", "Callback satisfaction rate"),
    };

    /// <summary>The city's headline figures, in the order the overview prints them.</summary>
    public static readonly string[] Headline =
    [
        "reported", "valid", "filed", "dispatched", "handleDue", "handledOnTime", "handledLate", "closeDue", "closed", "closedOnTime", "reworked",
        "validRate", "filingRate", "onTimeDispatchRate", "accurateDispatchRate", "onTimeHandleRate", "extensionRate", "reworkRate", "closeRate",
        "onTimeCloseRate", "onTimeCheckRate", "callbackSatisfactionRate",
    ];

    public static string Name(string code, bool zh) =>
        Names.TryGetValue(code, out var n) ? (zh ? n.Zh : n.En) : code;
}
