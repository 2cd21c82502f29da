using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Grids.GridApi;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Ledger;

/// <summary>
/// Exports hold exactly the rows of the list, in its order, as CSV or .xlsx, streamed or from a background job;
/// saved views belong to their account; ledger templates are the administrator's and every change is audited.
/// </summary>
public sealed class ExportingLedgers(DispatchApp app) : IClassFixture<DispatchApp>
{
    private static readonly string[] ViewColumns = ["number", "deadline"];
    private static readonly string[] TemplateColumns = ["number", "categoryCode", "componentId", "state", "reportedAt", "closedAt"];

    private async Task<(string Word, List<string> Numbers)> ThreeCasesAsync()
    {
        var word = "导出" + Guid.NewGuid().ToString("N")[..6];
        var acceptor = await app.SignInAsync("acceptor1");
        for (var i = 0; i < 3; i++)
            await HotlineReportAsync(acceptor, description: $"{word}：第{i}件，\"引号\",逗号");
        var list = await GetJsonAsync(await app.SignInAsync("dispatcher1"), $"/api/cases?q={word}");
        return (word, list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("number").GetString()!).ToList());
    }

    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (ch == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
            }
            else field.Append(ch);
        }
        return rows;
    }

    [Fact]
    public async Task A_csv_export_holds_the_rows_of_the_list_in_its_order_with_the_ledger_columns()
    {
        var (word, numbers) = await ThreeCasesAsync();
        var response = await (await app.SignInAsync("dispatcher1")).GetAsync($"/api/cases/export?format=csv&q={word}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        var header = rows[0];
        Assert.Equal(["案卷编号", "状态", "来源"], header[..3]);
        foreach (var column in new[] { "上报时间", "受理时间", "派遣时间", "结案时间", "小类编码", "立案条件", "单元网格编码", "单元网格", "主办部门", "当前时限", "按期处置", "返工次数" })
            Assert.Contains(column, header);
        Assert.Equal(numbers, rows.Skip(1).Select(r => r[0]).ToList());
        Assert.All(rows.Skip(1), r => Assert.Equal("热线", r[Array.IndexOf(header, "来源")]));
        Assert.Contains("\"引号\",逗号", rows[1][Array.IndexOf(header, "问题描述")], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_xlsx_export_is_a_workbook_with_one_row_per_case_and_the_chosen_columns()
    {
        var (word, numbers) = await ThreeCasesAsync();
        var response = await (await app.SignInAsync("dispatcher1")).GetAsync($"/api/cases/export?q={word}&columns=number,description");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains("案卷编号", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("上报时间", xml, StringComparison.Ordinal);
        Assert.All(numbers, n => Assert.Contains(n, xml, StringComparison.Ordinal));
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(xml, "<row"));
    }

    [Fact]
    public async Task A_background_export_reports_progress_and_then_serves_the_same_rows()
    {
        var (word, numbers) = await ThreeCasesAsync();
        var dispatcher = await app.SignInAsync("dispatcher1");
        var started = await dispatcher.PostAsync($"/api/ledger/exports?format=csv&q={word}", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = await started.Content.ReadFromJsonAsync<JsonElement>();
        var id = job.GetProperty("id").GetString();

        var done = await DispatchApp.EventuallyAsync(() => GetJsonAsync(dispatcher, $"/api/ledger/exports/{id}"),
            j => j.GetProperty("state").GetString() != "running", "the export to finish");
        Assert.Equal("ready", done.GetProperty("state").GetString());
        Assert.Equal(3, done.GetProperty("written").GetInt64());
        Assert.Equal(3, done.GetProperty("total").GetInt64());
        var file = Encoding.UTF8.GetString(await dispatcher.GetByteArrayAsync($"/api/ledger/exports/{id}/file"));
        Assert.Equal(numbers, ParseCsv(file.TrimStart('\uFEFF')).Skip(1).Select(r => r[0]).ToList());
        // Another account cannot see or fetch it.
        var other = await app.SignInAsync("leader1");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/ledger/exports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/ledger/exports/{id}/file")).StatusCode);
    }

    [Theory]
    [InlineData("/api/cases/export?format=pdf", "format")]
    [InlineData("/api/cases/export?columns=number,shoe", "columns")]
    [InlineData("/api/cases/export?state=flying", "state")]
    public async Task A_bad_export_request_is_refused_naming_the_parameter(string url, string parameter)
    {
        var errors = (await ProblemAsync(await (await app.SignInAsync("dispatcher1")).GetAsync(url), 400)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out _), errors.ToString());
    }

    [Fact]
    public async Task A_saved_view_belongs_to_its_account()
    {
        var dispatcher = await app.SignInAsync("dispatcher1");
        var created = await dispatcher.PostAsJsonAsync("/api/ledger/views",
            new { name = "超时未结", query = "overdue=true&state=Handling", columns = ViewColumns });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var views = await GetJsonAsync(dispatcher, "/api/ledger/views");
        var view = views.EnumerateArray().Single(v => v.GetProperty("name").GetString() == "超时未结");
        Assert.Equal("overdue=true&state=Handling", view.GetProperty("query").GetString());
        Assert.Equal(["number", "deadline"], view.GetProperty("columns").Strings());

        var other = await app.SignInAsync("leader1");
        var others = await GetJsonAsync(other, "/api/ledger/views");
        Assert.DoesNotContain("超时未结", others.EnumerateArray().Select(x => x.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/ledger/views/{view.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await dispatcher.DeleteAsync($"/api/ledger/views/{view.GetProperty("id").GetString()}")).StatusCode);
    }

    [Theory]
    [InlineData("state=flying", "query.state")]
    [InlineData("limit=5", "query")]
    [InlineData("sort=colour", "query.sort")]
    public async Task A_view_with_a_bad_query_is_refused_naming_it(string query, string field)
    {
        var response = await (await app.SignInAsync("dispatcher1")).PostAsJsonAsync("/api/ledger/views", new { name = "坏的", query, columns = Array.Empty<string>() });
        var errors = (await ProblemAsync(response, 400)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task An_administrator_defines_a_ledger_template_that_readers_list_and_export_and_the_change_is_audited()
    {
        var admin = await app.SignInAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/admin/ledger-templates", new
        {
            name = "窨井盖隐患整改台账",
            query = "category=component:0101-0110",
            columns = TemplateColumns,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var audit = await GetJsonAsync(admin, $"/api/admin/audit?subjectType=ledger&subjectKey={id}");
        Assert.Equal("ledger.create", Assert.Single(audit.GetProperty("items").EnumerateArray()).GetProperty("action").GetString());

        var dispatcher = await app.SignInAsync("dispatcher1");
        Assert.Contains(id, (await GetJsonAsync(dispatcher, "/api/ledger/templates")).EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync("/api/admin/ledger-templates",
            new { name = "x", query = "", columns = Array.Empty<string>() })).StatusCode);

        var started = await dispatcher.PostAsync($"/api/ledger/exports?template={id}&format=csv", null);
        var job = await started.Content.ReadFromJsonAsync<JsonElement>();
        var done = await DispatchApp.EventuallyAsync(() => GetJsonAsync(dispatcher, $"/api/ledger/exports/{job.GetProperty("id").GetString()}"),
            j => j.GetProperty("state").GetString() != "running", "the template export");
        Assert.Equal("ready", done.GetProperty("state").GetString());
        Assert.StartsWith("窨井盖隐患整改台账", done.GetProperty("fileName").GetString(), StringComparison.Ordinal);
        var file = Encoding.UTF8.GetString(await dispatcher.GetByteArrayAsync($"/api/ledger/exports/{job.GetProperty("id").GetString()}/file"));
        Assert.Equal(["案卷编号", "小类编码", "部件编码", "状态", "上报时间", "结案时间"], ParseCsv(file.TrimStart('\uFEFF'))[0]);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/ledger-templates/{id}")).StatusCode);
        var after = await GetJsonAsync(admin, $"/api/admin/audit?subjectType=ledger&subjectKey={id}");
        Assert.Equal(["ledger.delete", "ledger.create"], after.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray());
        Assert.Equal(0, await app.QueryAsync(db => db.SavedLedgers.CountAsync(l => l.Id == Guid.Parse(id))));
    }
}
