using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Dispatch.Api.Features.Reports;

/// <summary>
/// The report as a workbook: an overview sheet (title, period, due date, the city's figures, the texts) and one sheet
/// per table (departments, streets, trend). Counts are numbers, rates are fractions shown as percentages, so the
/// figures can be summed and charted as they are.
/// </summary>
public static class ReportSpreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string OverviewSheet(bool zh) => zh ? "概况" : "Overview";
    public static string DepartmentSheet(bool zh) => zh ? "专业部门" : "Departments";
    public static string StreetSheet(bool zh) => zh ? "街道" : "Streets";
    public static string TrendSheet(bool zh) => zh ? "趋势" : "Trend";

    public static async Task<byte[]> RenderAsync(ReportContent content, bool zh, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var output = new MemoryStream();
        await using (var book = await Spreadsheet.CreateNewAsync(output, cancellationToken: ct))
        {
            var bold = book.AddStyle(new Style { Font = { Bold = true } });
            var title = book.AddStyle(new Style { Font = { Bold = true, Size = 14 } });
            var percent = book.AddStyle(new Style { Format = NumberFormat.Custom("0.00%") });
            var score = book.AddStyle(new Style { Format = NumberFormat.Custom("0.00") });

            var overview = new WorksheetOptions();
            overview.Column(1).Width = 24;
            overview.Column(2).Width = 60;
            await book.StartWorksheetAsync(OverviewSheet(zh), overview, ct);
            await book.AddRowAsync([new Cell(content.Title(zh), title)], ct);
            await book.AddRowAsync([new Cell(zh ? "统计期间" : "Period", bold), new Cell($"{content.Period.From:yyyy-MM-dd} – {content.Period.To:yyyy-MM-dd}")], ct);
            await book.AddRowAsync([new Cell(zh ? "报送期限" : "Due", bold), new Cell(content.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))], ct);
            await book.AddRowAsync([new Cell(zh ? "版本" : "Revision", bold), new Cell(content.Revision)], ct);
            await book.AddRowAsync([new Cell(zh ? "生成时间" : "Generated", bold),
                new Cell(TimeZoneInfo.ConvertTime(content.GeneratedAt, ReportGenerator.China).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))], ct);
            await book.AddRowAsync(Array.Empty<Cell>(), ct);
            await book.AddRowAsync([new Cell(zh ? "全市指标" : "City indicator", bold), new Cell(zh ? "本期" : "This period", bold),
                new Cell(zh ? "上期" : "Previous period", bold)], ct);
            foreach (var code in ReportIndicators.Headline)
            {
                if (content.City.Counts.ContainsKey(code))
                    await book.AddRowAsync([new Cell(ReportIndicators.Name(code, zh)), new Cell(content.City.Count(code)), new Cell(content.PreviousCity.Count(code))], ct);
                else if (content.City.Rates.ContainsKey(code))
                    await book.AddRowAsync([new Cell(ReportIndicators.Name(code, zh)), new Cell(content.City.Rate(code), percent),
                        new Cell(content.PreviousCity.Rate(code), percent)], ct);
            }
            await book.AddRowAsync(Array.Empty<Cell>(), ct);
            foreach (var paragraph in content.Text(zh))
                await book.AddRowAsync([new Cell(paragraph)], ct);

            await TableAsync(book, DepartmentSheet(zh), content.Departments, zh, bold, percent, score, ct);
            await TableAsync(book, StreetSheet(zh), content.Streets, zh, bold, percent, score, ct);

            await book.StartWorksheetAsync(TrendSheet(zh), token: ct);
            var trendCodes = TrendCodes(content);
            await book.AddRowAsync([new Cell(zh ? "期间" : "Period", bold), .. trendCodes.Select(c => new Cell(ReportIndicators.Name(c, zh), bold)),
                new Cell(zh ? "综合得分" : "Score", bold)], ct);
            foreach (var point in content.Trend)
            {
                await book.AddRowAsync([new Cell(zh ? point.LabelZh : point.LabelEn),
                    .. trendCodes.Select(c => point.Counts.TryGetValue(c, out var n) ? new Cell(n) : new Cell(point.Rates.GetValueOrDefault(c), percent)),
                    new Cell(point.Score, score)], ct);
            }
            await book.FinishAsync(ct);
        }
        return output.ToArray();
    }

    /// <summary>Count and rate columns of a table: the counts first, then the rates, each in the API's order.</summary>
    public static (List<string> Counts, List<string> Rates) Columns(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var codes = table.Indicators.Count > 0 ? table.Indicators
            : table.Rows.SelectMany(r => r.Counts.Keys.Concat(r.Rates.Keys)).Distinct().ToList();
        var counts = codes.Where(c => table.Rows.Any(r => r.Counts.ContainsKey(c)) || table.Total.Counts.ContainsKey(c)).ToList();
        var rates = codes.Where(c => !counts.Contains(c) && (table.Rows.Any(r => r.Rates.ContainsKey(c)) || table.Total.Rates.ContainsKey(c))).ToList();
        return (counts, rates);
    }

    private static List<string> TrendCodes(ReportContent content) =>
        ["reported", "filed", "closed", "closeRate", "onTimeCloseRate", "onTimeHandleRate", "reworkRate"];

    private static async Task TableAsync(Spreadsheet book, string sheet, ReportTable table, bool zh, StyleId bold, StyleId percent, StyleId score,
        CancellationToken ct)
    {
        var options = new WorksheetOptions { FrozenRows = 1, FrozenColumns = 2 };
        options.Column(2).Width = 28;
        await book.StartWorksheetAsync(sheet, options, ct);
        var (counts, rates) = Columns(table);
        await book.AddRowAsync([
            new Cell(zh ? "排名" : "Rank", bold), new Cell(zh ? "名称" : "Name", bold), new Cell(zh ? "综合得分" : "Score", bold),
            new Cell(zh ? "等次" : "Grade", bold), new Cell(zh ? "上期排名" : "Previous rank", bold), new Cell(zh ? "名次变化" : "Rank change", bold),
            .. counts.Select(c => new Cell(ReportIndicators.Name(c, zh), bold)),
            .. rates.Select(c => new Cell(ReportIndicators.Name(c, zh), bold)),
        ], ct);
        foreach (var r in table.Rows)
        {
            await book.AddRowAsync([
                new Cell(r.Rank), new Cell(r.Name(zh)), new Cell(r.Score, score), new Cell(r.GradeName(zh) ?? ""), new Cell(r.PreviousRank),
                new Cell(r.RankChange),
                .. counts.Select(c => new Cell(r.Counts.TryGetValue(c, out var n) ? n : 0)),
                .. rates.Select(c => new Cell(r.Rates.GetValueOrDefault(c), percent)),
            ], ct);
        }
        await book.AddRowAsync([
            new Cell(""), new Cell(zh ? "合计" : "Total", bold), new Cell(""), new Cell(""), new Cell(""), new Cell(""),
            .. counts.Select(c => new Cell(table.Total.Count(c) ?? 0)),
            .. rates.Select(c => new Cell(table.Total.Rate(c), percent)),
        ], ct);
    }
}
