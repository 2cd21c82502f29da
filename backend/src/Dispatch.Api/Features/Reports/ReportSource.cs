using System.Globalization;
using System.Text.Json;
using Dispatch.Domain.Reports;

namespace Dispatch.Api.Features.Reports;

/// <summary>Where a report's figures come from: the evaluation feature's league tables and trends.</summary>
public interface IReportSource
{
    /// <summary>The league table of <paramref name="objectKind"/> (department, street) for the period, with rank changes.</summary>
    Task<ReportTable> LeagueAsync(string objectKind, ReportPeriod period, CancellationToken ct);

    /// <summary>The whole city's <paramref name="count"/> periods of <paramref name="periodKind"/> up to the one holding <paramref name="date"/>, oldest first.</summary>
    Task<IReadOnlyList<ReportTrendPoint>> CityTrendAsync(string periodKind, int count, DateOnly date, CancellationToken ct);
}

/// <summary>
/// Reads the evaluation API's answers (league table, trend) in their JSON form, so that the report keeps exactly
/// what the API says and depends on the contract, not on the shape of the C# records behind it.
/// </summary>
public static class EvaluationJson
{
    public static ReportTable Table(JsonElement league)
    {
        var rows = new List<ReportRow>();
        foreach (var r in Array(league, "rows"))
        {
            rows.Add(new ReportRow(Text(r, "key") ?? "", Text(r, "nameZh") ?? "", Text(r, "nameEn") ?? "", Counts(r), Rates(r),
                Number(r, "score"), Text(r, "grade"), Text(r, "gradeZh"), Text(r, "gradeEn"),
                (int)(Number(r, "rank") ?? rows.Count + 1), (int?)Number(r, "previousRank"), (int?)Number(r, "rankChange")));
        }
        var indicators = Array(league, "indicators").Select(i => i.GetString()).OfType<string>().ToList();
        var total = league.TryGetProperty("total", out var t) && t.ValueKind == JsonValueKind.Object ? new ReportFigures(Counts(t), Rates(t)) : ReportFigures.Empty;
        return new ReportTable(Text(league, "object") ?? "", indicators, rows.OrderBy(r => r.Rank).ToList(), total);
    }

    public static IReadOnlyList<ReportTrendPoint> Trend(JsonElement trend) =>
        Array(trend, "points").Select(p =>
        {
            string zh, en;
            DateOnly? from = null;
            if (p.TryGetProperty("period", out var period) && period.ValueKind == JsonValueKind.Object)
            {
                zh = Text(period, "labelZh") ?? "";
                en = Text(period, "labelEn") ?? zh;
                if (Text(period, "from") is { } f && DateOnly.TryParse(f, CultureInfo.InvariantCulture, out var d))
                    from = d;
            }
            else
            {
                zh = en = Text(p, "period") ?? "";
            }
            return new ReportTrendPoint(zh, en, from, Counts(p), Rates(p), Number(p, "score"));
        }).ToList();

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static Dictionary<string, long> Counts(JsonElement e) =>
        e.TryGetProperty("counts", out var c) && c.ValueKind == JsonValueKind.Object
            ? c.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).ToDictionary(p => p.Name, p => p.Value.GetInt64())
            : [];

    private static Dictionary<string, double?> Rates(JsonElement e) =>
        e.TryGetProperty("rates", out var c) && c.ValueKind == JsonValueKind.Object
            ? c.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDouble() : (double?)null)
            : [];
}
