using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Features.Reports;
using Dispatch.Domain.Reports;
using Dispatch.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Dispatch.Api.Tests.Grids.GridApi;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Dispatch.Api.Tests.Reports;

/// <summary>
/// Periodic reports: generated on demand and on schedule from the evaluation API's own figures, published and then
/// frozen (the database refuses any change), corrected by a new revision, and downloaded as a workbook and a Word
/// document whose figures are the API's.
/// </summary>
public sealed class PeriodicReports(DispatchApp app) : IClassFixture<DispatchApp>
{
    private static readonly string[] EditedText = ["经人工修改的通报正文。"];
    private static readonly string[] OtherText = ["又改"];
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static ReportPeriod ThisQuarter() =>
        ReportPeriod.Containing(ReportKind.Quarter, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, China).DateTime));

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    /// <summary>Ensures the current quarter has a draft (generating it, or regenerating the one there is) and returns it.</summary>
    private static async Task<JsonElement> QuarterDraftAsync(HttpClient leader)
    {
        var (status, body) = await PostAsync(leader, "/api/evaluation/reports", new { kind = "quarter", period = ThisQuarter().Code });
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)status} {body}");
        return body;
    }

    private async Task SomeCasesAsync()
    {
        var patroller = await app.SignInAsync("patroller1");
        for (var i = 0; i < 2; i++)
            await DispatchedPatrolCaseAsync(patroller, $"通报测试{i}");
    }

    [Fact]
    public async Task A_quarterly_report_holds_the_league_tables_the_evaluation_api_answers_and_its_files_hold_the_same_figures()
    {
        await SomeCasesAsync();
        var leader = await app.SignInAsync("leader1");
        var draft = await QuarterDraftAsync(leader);
        var period = ThisQuarter();

        var report = draft.GetProperty("report");
        Assert.Equal("quarter", report.GetProperty("kind").GetString());
        Assert.Equal(period.Code, report.GetProperty("period").GetString());
        Assert.Equal("draft", report.GetProperty("state").GetString());
        Assert.Equal(period.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), report.GetProperty("due").GetString());
        Assert.Equal($"{period.Year}年第{period.Number}季度数字城管综合评价通报", report.GetProperty("titleZh").GetString());
        var content = draft.GetProperty("content");
        Assert.NotEmpty(content.GetProperty("textZh").EnumerateArray());
        Assert.NotEmpty(content.GetProperty("textEn").EnumerateArray());

        var date = period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var departments = await GetJsonAsync(leader, $"/api/evaluation/league?object=department&period=quarter&date={date}");
        var streets = await GetJsonAsync(leader, $"/api/evaluation/league?object=street&period=quarter&date={date}");
        Assert.NotEmpty(departments.GetProperty("rows").EnumerateArray());
        AssertSameRows(departments, content.GetProperty("departments"));
        AssertSameRows(streets, content.GetProperty("streets"));

        // Publish, then read the stored files.
        var id = report.GetProperty("id").GetGuid();
        var (published, body) = await PostAsync(leader, $"/api/evaluation/reports/{id}/publish", new { version = report.GetProperty("version").GetUInt32() });
        Assert.True(published == HttpStatusCode.OK, body.ToString());
        Assert.Equal("published", body.GetProperty("report").GetProperty("state").GetString());

        var xlsx = await leader.GetAsync($"/api/evaluation/reports/{id}/file.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(ReportSpreadsheet.ContentType, xlsx.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith($"{period.Year}年第{period.Number}季度数字城管综合评价通报", xlsx.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        using (var book = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var sheet = Sheet(book, "专业部门");
            var header = sheet[0];
            var apiRows = departments.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(apiRows.Count + 2, sheet.Count); // header, rows, total
            for (var i = 0; i < apiRows.Count; i++)
            {
                var row = sheet[i + 1];
                var api = apiRows[i];
                Assert.Equal(api.GetProperty("rank").GetInt32().ToString(CultureInfo.InvariantCulture), row[0]);
                Assert.Equal(api.GetProperty("nameZh").GetString(), row[1]);
                AssertNumber(api.GetProperty("score"), row[2]);
                foreach (var (code, n) in api.GetProperty("counts").EnumerateObject().Select(p => (p.Name, p.Value.GetInt64())))
                {
                    var column = Array.IndexOf(header, ReportIndicators.Name(code, zh: true));
                    if (column >= 0)
                        Assert.Equal(n.ToString(CultureInfo.InvariantCulture), row[column]);
                }
                foreach (var rate in api.GetProperty("rates").EnumerateObject())
                {
                    var column = Array.IndexOf(header, ReportIndicators.Name(rate.Name, zh: true));
                    if (column >= 0)
                        AssertNumber(rate.Value, row[column]);
                }
            }
            Assert.Equal(["概况", "专业部门", "街道", "趋势"], SheetNames(book));
            Assert.Equal(streets.GetProperty("rows").GetArrayLength() + 2, Sheet(book, "街道").Count);
        }

        var docx = await leader.GetAsync($"/api/evaluation/reports/{id}/file.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(ReportDocument.ContentType, docx.Content.Headers.ContentType!.MediaType);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var main = doc.MainDocumentPart!;
            var paragraphs = main.Document!.Body!.Elements<W.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Equal($"{period.Year}年第{period.Number}季度数字城管综合评价通报", paragraphs[0]);
            Assert.Contains(paragraphs, p => p.Contains($"报送期限：{period.Due.Year}年{period.Due.Month}月15日", StringComparison.Ordinal));
            var tables = main.Document.Body.Elements<W.Table>().ToList();
            Assert.Equal(4, tables.Count);
            var printed = tables[1].Elements<W.TableRow>().Skip(1).Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToArray()).ToList();
            var apiRows = departments.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(apiRows.Count, printed.Count);
            var scoreColumn = Array.IndexOf(tables[1].Elements<W.TableRow>().First().Elements<W.TableCell>().Select(c => c.InnerText).ToArray(), "综合得分");
            for (var i = 0; i < apiRows.Count; i++)
            {
                Assert.Equal(apiRows[i].GetProperty("nameZh").GetString(), printed[i][1]);
                Assert.Equal(Score(apiRows[i].GetProperty("score")), printed[i][scoreColumn]);
            }

            // The chart is a native chart part whose data are the scored departments' scores, in rank order.
            var chart = Assert.Single(main.ChartParts);
            Assert.NotNull(chart.EmbeddedPackagePart);
            var series = Assert.Single(chart.ChartSpace!.Descendants<C.BarChartSeries>());
            var names = series.GetFirstChild<C.CategoryAxisData>()!.Descendants<C.StringPoint>().Select(p => p.InnerText).ToList();
            var values = series.GetFirstChild<C.Values>()!.Descendants<C.NumericPoint>().Select(p => p.InnerText).ToList();
            var scored = apiRows.Where(r => r.GetProperty("score").ValueKind == JsonValueKind.Number).ToList();
            Assert.Equal(scored.Select(r => r.GetProperty("nameZh").GetString()), names);
            Assert.Equal(scored.Select(r => Score(r.GetProperty("score"))), values);
        }

        // English files are stored too.
        var english = await leader.GetAsync($"/api/evaluation/reports/{id}/file.docx?lang=en");
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Contains("Digital city management evaluation report", english.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_report_is_frozen_and_a_correction_is_a_new_revision_with_both_kept()
    {
        var leader = await app.SignInAsync("leader1");
        var draft = await QuarterDraftAsync(leader);
        var id = draft.GetProperty("report").GetProperty("id").GetGuid();
        var version = draft.GetProperty("report").GetProperty("version").GetUInt32();
        var revision = draft.GetProperty("report").GetProperty("revision").GetInt32();

        // A stale version loses; a missing one is named.
        var (stale, staleBody) = await PostAsync(leader, $"/api/evaluation/reports/{id}/publish", new { version = version + 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Equal(version.ToString(CultureInfo.InvariantCulture), staleBody.GetProperty("currentVersion").GetString());
        var (missing, missingBody) = await PostAsync(leader, $"/api/evaluation/reports/{id}/publish", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.True(missingBody.GetProperty("errors").TryGetProperty("version", out _));

        // Staff edit the draft's text before publishing (version checked).
        var (edited, editedBody) = await SendAsync(leader, HttpMethod.Put, $"/api/evaluation/reports/{id}",
            new { textZh = EditedText, version });
        Assert.True(edited == HttpStatusCode.OK, editedBody.ToString());
        Assert.Equal(["经人工修改的通报正文。"], editedBody.GetProperty("content").GetProperty("textZh").Strings());
        var (staleEdit, _) = await SendAsync(leader, HttpMethod.Put, $"/api/evaluation/reports/{id}", new { textZh = OtherText, version });
        Assert.Equal(HttpStatusCode.Conflict, staleEdit);
        version = editedBody.GetProperty("report").GetProperty("version").GetUInt32();

        var (published, body) = await PostAsync(leader, $"/api/evaluation/reports/{id}/publish", new { version });
        Assert.True(published == HttpStatusCode.OK, body.ToString());
        var stored = await app.QueryAsync(db => db.EvaluationReports.AsNoTracking().SingleAsync(r => r.Id == id));
        var file = await (await leader.GetAsync($"/api/evaluation/reports/{id}/file.docx")).Content.ReadAsByteArrayAsync();
        Assert.Equal(stored.DocxZh, file);

        // Frozen: the API refuses, the domain refuses, the database refuses even a direct change.
        var (again, _) = await PostAsync(leader, $"/api/evaluation/reports/{id}/publish",
            new { version = body.GetProperty("report").GetProperty("version").GetUInt32() });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Throws<InvalidOperationException>(() => stored.Regenerate("{}", "someone", DateTimeOffset.UtcNow));
        foreach (var sql in new[]
                 {
                     $"UPDATE evaluation_reports SET content = 'changed' WHERE id = '{id}'",
                     $"UPDATE evaluation_reports SET docx_zh = '\\x00'::bytea WHERE id = '{id}'",
                     $"DELETE FROM evaluation_reports WHERE id = '{id}'",
                 })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        var after = await app.QueryAsync(db => db.EvaluationReports.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(stored.Content, after.Content);
        Assert.Equal(stored.DocxZh, after.DocxZh);

        // A correction: the next revision, a draft regenerated from the data now; both listed.
        var (created, next) = await PostAsync(leader, "/api/evaluation/reports", new { kind = "quarter", period = ThisQuarter().Code });
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(revision + 1, next.GetProperty("report").GetProperty("revision").GetInt32());
        Assert.Equal("draft", next.GetProperty("report").GetProperty("state").GetString());
        var list = await GetJsonAsync(await app.SignInAsync("dispatcher1"), $"/api/evaluation/reports?kind=quarter&year={ThisQuarter().Year}");
        var revisions = list.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("period").GetString() == ThisQuarter().Code)
            .Select(r => (r.GetProperty("revision").GetInt32(), r.GetProperty("state").GetString())).ToList();
        Assert.Contains((revision, "published"), revisions);
        Assert.Contains((revision + 1, "draft"), revisions);

        var audit = await app.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectType == "evaluation-report" && e.SubjectKey == $"{ThisQuarter().Code} r{revision}").Select(e => e.Action).ToListAsync());
        Assert.Contains("evaluation.report.publish", audit);
        Assert.Contains("evaluation.report.edit", audit);
    }

    [Fact]
    public async Task The_schedule_drafts_each_ended_period_once_however_many_workers_run_it()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ScheduledReports>().RunOnceAsync(CancellationToken.None);
        }));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, China).DateTime);
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            var code = ReportPeriod.LastEnded(kind, today).Code;
            var rows = await app.QueryAsync(db => db.EvaluationReports.AsNoTracking().Where(r => r.Kind == kind && r.Period == code)
                .Select(r => new { r.Revision, r.Scheduled, r.State }).ToListAsync());
            var row = Assert.Single(rows);
            Assert.Equal(1, row.Revision);
            Assert.Equal(ReportState.Draft, row.State);
        }
        // The host's own worker may have made them before these runs; either way no run made one twice.
        Assert.All(Enum.GetValues<ReportKind>().Select(k => ReportPeriod.LastEnded(k, today).Code),
            code => Assert.True(runs.Count(r => r.Contains(code)) <= 1));
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_only_leaders_and_administrators_write()
    {
        var leader = await app.SignInAsync("leader1");
        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { kind = "week", period = "2026-W3" }, "kind"),
                     (new { kind = "quarter", period = "2026-Q5" }, "period"),
                     (new { kind = "month", period = "2026-Q1" }, "period"),
                     (new { kind = "year", period = "2999" }, "period"),
                     (new { kind = "year", period = "2099" }, "period"),
                 })
        {
            var (status, problem) = await PostAsync(leader, "/api/evaluation/reports", body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{body}: {problem}");
        }
        var count = await app.QueryAsync(db => db.EvaluationReports.CountAsync(r => r.Period == "2099" || r.Period == "2999"));
        Assert.Equal(0, count);

        foreach (var (url, field) in new[] { ("/api/evaluation/reports?kind=weekly", "kind"), ("/api/evaluation/reports?year=20x6", "year") })
        {
            var response = await leader.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var draft = await QuarterDraftAsync(leader);
        var id = draft.GetProperty("report").GetProperty("id").GetGuid();
        var language = await leader.GetAsync($"/api/evaluation/reports/{id}/file.xlsx?lang=fr");
        Assert.Equal(HttpStatusCode.BadRequest, language.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/api/evaluation/reports/{Guid.NewGuid()}")).StatusCode);

        var dispatcher = await app.SignInAsync("dispatcher1");
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.GetAsync($"/api/evaluation/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.GetAsync($"/api/evaluation/reports/{id}/file.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(dispatcher, "/api/evaluation/reports", new { kind = "quarter", period = ThisQuarter().Code })).Status);
        var patroller = await app.SignInAsync("patroller1");
        Assert.Equal(HttpStatusCode.Forbidden, (await patroller.GetAsync("/api/evaluation/reports")).StatusCode);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string url, object body)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    private static void AssertSameRows(JsonElement api, JsonElement report)
    {
        var expected = api.GetProperty("rows").EnumerateArray().ToList();
        var actual = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            foreach (var name in new[] { "key", "nameZh", "score", "grade", "rank", "previousRank", "rankChange", "counts", "rates" })
                Assert.Equal(expected[i].GetProperty(name).GetRawText(), actual[i].GetProperty(name).GetRawText());
        }
    }

    private static string Score(JsonElement score) =>
        score.ValueKind == JsonValueKind.Number ? score.GetDouble().ToString("0.00", CultureInfo.InvariantCulture) : "—";

    private static void AssertNumber(JsonElement expected, string actual)
    {
        if (expected.ValueKind != JsonValueKind.Number)
            Assert.Equal("", actual);
        else
            Assert.Equal(expected.GetDouble(), double.Parse(actual, CultureInfo.InvariantCulture), 9);
    }

    private static List<string> SheetNames(SpreadsheetDocument book) =>
        book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    /// <summary>A sheet's rows as text: inline strings, shared strings and numbers as written.</summary>
    private static List<string[]> Sheet(SpreadsheetDocument book, string name)
    {
        var workbook = book.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        return part.Worksheet.Descendants<Row>().Select(row =>
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column)
                    cells.Add("");
                cells.Add(cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
                    : cell.CellValue?.Text ?? "");
            }
            return cells.ToArray();
        }).ToList();
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter))
            n = n * 26 + (ch - 'A' + 1);
        return n - 1;
    }
}
