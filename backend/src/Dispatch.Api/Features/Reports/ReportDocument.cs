using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SpreadCheetah;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Dispatch.Api.Features.Reports;

/// <summary>
/// The report as a Word document staff can print and edit: the title block, the texts, the city's figures, the
/// league tables, and a native bar chart of the departments' scores (a chart part with its data in an embedded
/// workbook, so Word's "edit data" works). A4 portrait, 宋体/黑体.
/// </summary>
public static class ReportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The department columns the printed table shows (the workbook has them all).</summary>
    public static readonly string[] DepartmentRates = ["closeRate", "onTimeCloseRate", "onTimeHandleRate", "reworkRate", "extensionRate"];

    public static readonly string[] StreetRates = ["validRate", "closeRate", "onTimeCloseRate", "onTimeHandleRate", "reworkRate"];

    private static readonly string[] TableCounts = ["closeDue", "closed", "reported"];

    private const string Song = "宋体";
    private const string Hei = "黑体";

    public static async Task<byte[]> RenderAsync(ReportContent content, bool zh, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var chartData = await ChartWorkbookAsync(content.Departments, zh, ct);
        using var output = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Para(content.Title(zh), size: 36, bold: true, font: Hei, center: true));
            body.Append(Para(zh
                ? $"（{content.Period.From:yyyy年M月d日}—{content.Period.To:yyyy年M月d日}）"
                : $"({content.Period.From:yyyy-MM-dd} to {content.Period.To:yyyy-MM-dd})", size: 24, center: true));
            var due = zh ? $"报送期限：{content.Due:yyyy年M月d日}" : $"Due: {content.Due:yyyy-MM-dd}";
            var revision = zh ? $"第{content.Revision}版" : $"Revision {content.Revision}";
            var generated = TimeZoneInfo.ConvertTime(content.GeneratedAt, ReportGenerator.China)
                .ToString(zh ? "yyyy年M月d日 HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            body.Append(Para($"{due}　{revision}　{(zh ? "生成于" : "generated ")}{generated}", size: 21, center: true));

            body.Append(Heading(zh ? "一、总体情况" : "1. Overview"));
            foreach (var paragraph in content.Text(zh))
                body.Append(Para(paragraph, indent: zh));
            body.Append(CityTable(content, zh));

            body.Append(Heading(zh ? "二、专业部门综合评价" : "2. Departments"));
            body.Append(LeagueTable(content.Departments, DepartmentRates, zh));
            body.Append(Para(zh ? "图1　专业部门综合评价得分" : "Figure 1. Composite scores of departments", size: 21, center: true, bold: true));
            var chart = main.AddNewPart<ChartPart>();
            WriteChart(chart, content.Departments, zh, chartData);
            body.Append(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new Run(ChartDrawing(main.GetIdOfPart(chart), content.Departments.Rows.Count))));

            body.Append(Heading(zh ? "三、街道综合评价" : "3. Streets"));
            body.Append(LeagueTable(content.Streets, StreetRates, zh));

            body.Append(Heading(zh ? "四、变化趋势" : "4. Trend"));
            body.Append(TrendTable(content, zh));

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1304U, Right = 1304U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document.Save();
        }
        return output.ToArray();
    }

    private static Paragraph Heading(string text) => Para(text, size: 28, bold: true, font: Hei, spaceBefore: 240);

    private static Paragraph Para(string text, int size = 24, bool bold = false, string font = Song, bool center = false, bool indent = false,
        int spaceBefore = 0)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines { Before = spaceBefore.ToString(CultureInfo.InvariantCulture), After = "120" });
        if (center)
            props.Append(new Justification { Val = JustificationValues.Center });
        if (indent)
            props.Append(new Indentation { FirstLineChars = 200 });
        return new Paragraph(props, TextRun(text, size, bold, font));
    }

    private static Run TextRun(string text, int size, bool bold = false, string font = Song)
    {
        var rp = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font });
        if (bold)
            rp.Append(new Bold());
        rp.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        return new Run(rp, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Table NewTable()
    {
        static T Border<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4U, Color = "000000" };
        return new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(Border<TopBorder>(), Border<BottomBorder>(), Border<LeftBorder>(), Border<RightBorder>(),
                Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Autofit }));
    }

    private static TableRow Row(IEnumerable<string> cells, bool header = false)
    {
        var row = new TableRow();
        if (header)
            row.Append(new TableRowProperties(new TableHeader()));
        foreach (var text in cells)
        {
            var cellProps = new TableCellProperties(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
            if (header)
                cellProps.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "D9E2F3", Color = "auto" });
            row.Append(new TableCell(cellProps, new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }, new SpacingBetweenLines { Before = "0", After = "0" }),
                TextRun(text, 18, header))));
        }
        return row;
    }

    private static Table CityTable(ReportContent content, bool zh)
    {
        var table = NewTable();
        table.Append(Row([zh ? "指标" : "Indicator", zh ? content.Period.LabelZh : content.Period.LabelEn,
            zh ? content.Previous.LabelZh : content.Previous.LabelEn], header: true));
        foreach (var code in ReportIndicators.Headline)
        {
            if (content.City.Counts.ContainsKey(code))
                table.Append(Row([ReportIndicators.Name(code, zh), Count(content.City.Count(code)), Count(content.PreviousCity.Count(code))]));
            else if (content.City.Rates.ContainsKey(code))
                table.Append(Row([ReportIndicators.Name(code, zh), ReportTexts.P(content.City.Rate(code)), ReportTexts.P(content.PreviousCity.Rate(code))]));
        }
        return table;
    }

    private static Table LeagueTable(ReportTable league, string[] rateCodes, bool zh)
    {
        var (counts, rates) = ReportSpreadsheet.Columns(league);
        var shownCounts = TableCounts.Where(counts.Contains).Take(2).ToList();
        var shownRates = rateCodes.Where(rates.Contains).ToList();
        var table = NewTable();
        table.Append(Row([zh ? "排名" : "Rank", zh ? "名称" : "Name", .. shownCounts.Select(c => ReportIndicators.Name(c, zh)),
            .. shownRates.Select(c => ReportIndicators.Name(c, zh)), zh ? "综合得分" : "Score", zh ? "等次" : "Grade", zh ? "名次变化" : "Change"], header: true));
        foreach (var r in league.Rows)
        {
            table.Append(Row([r.Rank.ToString(CultureInfo.InvariantCulture), r.Name(zh), .. shownCounts.Select(c => Count(r.Counts.GetValueOrDefault(c))),
                .. shownRates.Select(c => ReportTexts.P(r.Rates.GetValueOrDefault(c))), ReportTexts.S(r.Score), r.GradeName(zh) ?? "—", Change(r.RankChange)]));
        }
        return table;
    }

    private static Table TrendTable(ReportContent content, bool zh)
    {
        var table = NewTable();
        string[] codes = ["reported", "filed", "closed"];
        string[] rateCodes = ["closeRate", "onTimeCloseRate", "onTimeHandleRate"];
        table.Append(Row([zh ? "期间" : "Period", .. codes.Select(c => ReportIndicators.Name(c, zh)), .. rateCodes.Select(c => ReportIndicators.Name(c, zh))],
            header: true));
        foreach (var p in content.Trend)
            table.Append(Row([zh ? p.LabelZh : p.LabelEn, .. codes.Select(c => Count(p.Counts.GetValueOrDefault(c))),
                .. rateCodes.Select(c => ReportTexts.P(p.Rates.GetValueOrDefault(c)))]));
        return table;
    }

    private static string Count(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "—";

    /// <summary>↑2, ↓1, — (no change or no previous rank).</summary>
    public static string Change(int? change) => change switch
    {
        > 0 => "↑" + change.Value.ToString(CultureInfo.InvariantCulture),
        < 0 => "↓" + (-change.Value).ToString(CultureInfo.InvariantCulture),
        _ => "—",
    };

    /// <summary>The rows the chart plots: scored departments in rank order.</summary>
    public static List<ReportRow> ChartRows(ReportTable table) => table.Rows.Where(r => r.Score is not null).OrderBy(r => r.Rank).ToList();

    private static async Task<byte[]> ChartWorkbookAsync(ReportTable table, bool zh, CancellationToken ct)
    {
        using var output = new MemoryStream();
        await using (var book = await Spreadsheet.CreateNewAsync(output, cancellationToken: ct))
        {
            await book.StartWorksheetAsync("Sheet1", token: ct);
            await book.AddRowAsync([new DataCell(zh ? "名称" : "Name"), new DataCell(zh ? "综合得分" : "Score")], ct);
            foreach (var r in ChartRows(table))
                await book.AddRowAsync([new DataCell(r.Name(zh)), new DataCell(r.Score!.Value)], ct);
            await book.FinishAsync(ct);
        }
        return output.ToArray();
    }

    private static void WriteChart(ChartPart part, ReportTable table, bool zh, byte[] workbook)
    {
        var rows = ChartRows(table);
        var embedded = part.AddEmbeddedPackagePart(EmbeddedPackagePartType.Xlsx);
        using (var data = new MemoryStream(workbook))
            embedded.FeedData(data);
        var last = (rows.Count + 1).ToString(CultureInfo.InvariantCulture);
        var seriesName = zh ? "综合得分" : "Score";

        var names = new C.StringCache(new C.PointCount { Val = (uint)rows.Count });
        var values = new C.NumberingCache(new C.FormatCode("0.00"), new C.PointCount { Val = (uint)rows.Count });
        for (var i = 0; i < rows.Count; i++)
        {
            names.Append(new C.StringPoint(new C.NumericValue(rows[i].Name(zh))) { Index = (uint)i });
            values.Append(new C.NumericPoint(new C.NumericValue(rows[i].Score!.Value.ToString("0.00", CultureInfo.InvariantCulture))) { Index = (uint)i });
        }

        var series = new C.BarChartSeries(
            new C.Index { Val = 0U }, new C.Order { Val = 0U },
            new C.SeriesText(new C.StringReference(new C.Formula("Sheet1!$B$1"),
                new C.StringCache(new C.PointCount { Val = 1U }, new C.StringPoint(new C.NumericValue(seriesName)) { Index = 0U }))),
            new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = "2F5597" })),
            new C.InvertIfNegative { Val = false },
            new C.CategoryAxisData(new C.StringReference(new C.Formula($"Sheet1!$A$2:$A${last}"), names)),
            new C.Values(new C.NumberReference(new C.Formula($"Sheet1!$B$2:$B${last}"), values)));

        var bar = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false },
            series,
            new C.DataLabels(new C.ShowLegendKey { Val = false }, new C.ShowValue { Val = true }, new C.ShowCategoryName { Val = false },
                new C.ShowSeriesName { Val = false }, new C.ShowPercent { Val = false }, new C.ShowBubbleSize { Val = false }),
            new C.GapWidth { Val = 60 },
            new C.AxisId { Val = 1U }, new C.AxisId { Val = 2U });

        var categoryAxis = new C.CategoryAxis(
            new C.AxisId { Val = 1U },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Left },
            new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
            new C.MajorTickMark { Val = C.TickMarkValues.None },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = 2U },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.AutoLabeled { Val = true },
            new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
            new C.LabelOffset { Val = 100 });
        var valueAxis = new C.ValueAxis(
            new C.AxisId { Val = 2U },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }, new C.MaxAxisValue { Val = 100 }, new C.MinAxisValue { Val = 0 }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
            new C.MajorGridlines(),
            new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = 1U },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.CrossBetween { Val = C.CrossBetweenValues.Between });

        var chart = new C.Chart(
            new C.AutoTitleDeleted { Val = true },
            new C.PlotArea(new C.Layout(), bar, categoryAxis, valueAxis),
            new C.PlotVisibleOnly { Val = true },
            new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });

        var space = new C.ChartSpace(
            new C.EditingLanguage { Val = zh ? "zh-CN" : "en-US" },
            new C.RoundedCorners { Val = false },
            chart,
            new C.TextProperties(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.ParagraphProperties(
                new A.DefaultRunProperties(new A.LatinFont { Typeface = Song }, new A.EastAsianFont { Typeface = Song }) { FontSize = 900 }),
                new A.EndParagraphRunProperties { Language = zh ? "zh-CN" : "en-US" })),
            new C.ExternalData(new C.AutoUpdate { Val = false }) { Id = part.GetIdOfPart(embedded) });
        space.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        space.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        part.ChartSpace = space;
        part.ChartSpace.Save();
    }

    private static Drawing ChartDrawing(string chartId, int rows)
    {
        const long width = 5_760_000; // 16 cm in EMU
        var height = Math.Clamp(rows, 4, 30) * 300_000L + 600_000;
        return new Drawing(new DW.Inline(
            new DW.Extent { Cx = width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = 1U, Name = "Chart 1" },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        });
    }
}
