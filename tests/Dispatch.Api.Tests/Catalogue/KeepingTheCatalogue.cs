using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Routing.RoutingApi;

namespace Dispatch.Api.Tests.Catalogue;

/// <summary>
/// Administrators keep the catalogue: categories and filing conditions are added, edited against the version they
/// were read at, retired (no longer offered, still on old cases) and restored; every change writes one audit row.
/// </summary>
public sealed class KeepingTheCatalogue(DispatchApp app) : IClassFixture<DispatchApp>
{
    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Adds an event category with one condition; returns both ids.</summary>
    internal static async Task<(Guid CategoryId, Guid ConditionId)> AddCategoryAsync(
        HttpClient admin, string kind, string code, string departmentKind = "territory", string nameZh = "测试类")
    {
        var created = await OkAsync(await admin.PostAsJsonAsync("/api/categories", new
        {
            kind, code, majorNameZh = "测试大类", majorNameEn = "Test major", nameZh, nameEn = "Test class", departmentKind,
        }));
        var categoryId = created.GetProperty("id").GetGuid();
        var condition = await OkAsync(await admin.PostAsJsonAsync($"/api/categories/{categoryId}/conditions", new
        {
            nameZh = "破损", nameEn = "broken", closingStandardZh = "修复完好", closingStandardEn = "repaired", limit = 2, unit = "working_days",
        }));
        return (categoryId, condition.GetProperty("id").GetGuid());
    }

    private async Task<int> AuditRowsAsync(string subjectKey) =>
        await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectKey == subjectKey));

    [Fact]
    public async Task An_added_category_and_condition_are_offered_to_reporters_with_the_closing_standard()
    {
        var admin = await app.SignInAsync("admin");
        var (categoryId, conditionId) = await AddCategoryAsync(admin, "event", "0591");

        var patroller = await app.SignInAsync("patroller1");
        var offered = (await patroller.GetFromJsonAsync<JsonElement>("/api/categories"))!.EnumerateArray()
            .Single(c => c.GetProperty("id").GetGuid() == categoryId);
        Assert.Equal(("event", "05", "测试类", "territory"), (offered.GetProperty("kind").GetString(), offered.GetProperty("majorCode").GetString(),
            offered.GetProperty("nameZh").GetString(), offered.GetProperty("departmentKind").GetString()));
        var condition = Assert.Single(offered.GetProperty("conditions").EnumerateArray());
        Assert.Equal(("修复完好", 2m, "working_days"), (condition.GetProperty("closingStandardZh").GetString(),
            condition.GetProperty("limit").GetDecimal(), condition.GetProperty("unit").GetString()));

        var id = await ReportAsync(patroller, categoryId, (CaseApi.Longitude, CaseApi.Latitude), "新分类的问题");
        var reported = await patroller.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal("0591", reported.GetProperty("category").GetProperty("code").GetString());
        Assert.Equal(1, await AuditRowsAsync(categoryId.ToString()));
        Assert.Equal(1, await AuditRowsAsync(conditionId.ToString()));
    }

    [Fact]
    public async Task A_retired_category_is_not_offered_nor_accepted_but_old_cases_keep_it_and_restoring_offers_it_again()
    {
        var admin = await app.SignInAsync("admin");
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await AddCategoryAsync(admin, "event", "0592");
        var oldCase = await ReportAsync(patroller, categoryId, (CaseApi.Longitude, CaseApi.Latitude), "停用前上报");

        var retired = await OkAsync(await admin.PostAsync($"/api/categories/{categoryId}/retire", null));
        Assert.True(retired.GetProperty("retired").GetBoolean());

        var offered = await patroller.GetFromJsonAsync<JsonElement>("/api/categories");
        Assert.DoesNotContain(offered.EnumerateArray(), c => c.GetProperty("id").GetGuid() == categoryId);
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/categories?includeRetired=true");
        Assert.True(all.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == categoryId).GetProperty("retired").GetBoolean());

        var cases = await app.QueryAsync(db => db.Cases.CountAsync());
        var refused = await patroller.SendAsync(CaseApi.Json(new { categoryId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = "停用后上报" }));
        Assert.Equal(["categoryId"], ErrorFields(await ProblemAsync(refused, HttpStatusCode.BadRequest)));
        Assert.Equal(cases, await app.QueryAsync(db => db.Cases.CountAsync()));

        var old = await patroller.GetFromJsonAsync<JsonElement>($"/api/cases/{oldCase}");
        Assert.Equal("0592", old.GetProperty("category").GetProperty("code").GetString());

        await OkAsync(await admin.PostAsync($"/api/categories/{categoryId}/restore", null));
        await ReportAsync(patroller, categoryId, (CaseApi.Longitude, CaseApi.Latitude), "恢复后上报");
        Assert.Equal(3, await AuditRowsAsync(categoryId.ToString()));
    }

    [Fact]
    public async Task A_retired_condition_is_refused_for_reports_and_filing_and_left_out_of_the_offer()
    {
        var admin = await app.SignInAsync("admin");
        var acceptor = await app.SignInAsync("acceptor1");
        var shiftLeader = await app.SignInAsync("shiftleader1");
        var (categoryId, conditionId) = await AddCategoryAsync(admin, "event", "0593");
        var spare = await OkAsync(await admin.PostAsJsonAsync($"/api/categories/{categoryId}/conditions",
            new { nameZh = "缺失", nameEn = "missing", limit = 4, unit = "working_hours" }));
        var hotline = await OkAsync(await acceptor.SendAsync(CaseApi.Json(new
        {
            categoryId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = "来电", source = "hotline",
            callerName = "李女士", callerPhone = "139 0000 0000",
        })));
        var caseId = hotline.GetProperty("id").GetGuid();
        await Lifecycle.LifecycleApi.OkAsync(acceptor, caseId, "accept");

        await OkAsync(await admin.PostAsync($"/api/categories/{categoryId}/conditions/{conditionId}/retire", null));

        var offered = (await acceptor.GetFromJsonAsync<JsonElement>("/api/categories")).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == categoryId);
        Assert.Equal([spare.GetProperty("id").GetGuid()], offered.GetProperty("conditions").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToArray());
        var report = await acceptor.SendAsync(CaseApi.Json(new
        {
            categoryId, conditionId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description = "来电", source = "hotline",
            callerName = "李女士", callerPhone = "139 0000 0000",
        }));
        Assert.Equal(["conditionId"], ErrorFields(await ProblemAsync(report, HttpStatusCode.BadRequest)));
        var filing = await Lifecycle.LifecycleApi.ActAsync(shiftLeader, caseId, "file", new { conditionId, opinion = "立案" });
        Assert.Equal(["conditionId"], ErrorFields(await ProblemAsync(filing, HttpStatusCode.BadRequest)));
        Assert.Equal("ToFile", (await acceptor.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("state").GetString());

        await Lifecycle.LifecycleApi.OkAsync(shiftLeader, caseId, "file", new { conditionId = spare.GetProperty("id").GetGuid(), opinion = "立案" });
    }

    [Fact]
    public async Task An_edit_needs_the_version_it_was_made_from_and_a_stale_one_gets_409_with_the_current_record()
    {
        var admin = await app.SignInAsync("admin");
        var (categoryId, conditionId) = await AddCategoryAsync(admin, "event", "0594");
        var read = (await admin.GetFromJsonAsync<JsonElement>("/api/categories?includeRetired=true")).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == categoryId);
        var version = read.GetProperty("version").GetUInt32();
        object Edit(string nameZh, uint? v) => new
        {
            majorNameZh = "测试大类", majorNameEn = "Test major", nameZh, nameEn = "Renamed", departmentKind = "territory", version = v,
        };

        var edited = await OkAsync(await admin.PutAsJsonAsync($"/api/categories/{categoryId}", Edit("改名后", version)));
        Assert.Equal("改名后", edited.GetProperty("nameZh").GetString());
        Assert.NotEqual(version, edited.GetProperty("version").GetUInt32());

        var stale = await ProblemAsync(await admin.PutAsJsonAsync($"/api/categories/{categoryId}", Edit("又改名", version)), HttpStatusCode.Conflict);
        Assert.Equal(edited.GetProperty("version").GetUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), stale.GetProperty("currentVersion").GetString());
        Assert.Equal("改名后", stale.GetProperty("current").GetProperty("nameZh").GetString());
        Assert.Equal(["version"], ErrorFields(await ProblemAsync(await admin.PutAsJsonAsync($"/api/categories/{categoryId}", Edit("又改名", null)), HttpStatusCode.BadRequest)));

        var condition = edited.GetProperty("conditions")[0];
        var conditionEdit = await OkAsync(await admin.PutAsJsonAsync($"/api/categories/{categoryId}/conditions/{conditionId}", new
        {
            nameZh = "严重破损", nameEn = "badly broken", closingStandardZh = "更换完成", closingStandardEn = "replaced", limit = 6, unit = "urgent_hours",
            version = condition.GetProperty("version").GetUInt32(),
        }));
        Assert.Equal(("更换完成", 6m, "urgent_hours"), (conditionEdit.GetProperty("closingStandardZh").GetString(),
            conditionEdit.GetProperty("limit").GetDecimal(), conditionEdit.GetProperty("unit").GetString()));
        var staleCondition = await admin.PutAsJsonAsync($"/api/categories/{categoryId}/conditions/{conditionId}", new
        {
            nameZh = "x", nameEn = "x", version = condition.GetProperty("version").GetUInt32(),
        });
        await ProblemAsync(staleCondition, HttpStatusCode.Conflict);
        Assert.Equal("严重破损", await app.QueryAsync(db => db.CategoryConditions.Where(c => c.Id == conditionId).Select(c => c.NameZh).SingleAsync()));
        Assert.Equal(2, await AuditRowsAsync(categoryId.ToString()));
    }

    [Theory]
    [InlineData("""{"code":"0595","majorNameZh":"大","majorNameEn":"M","nameZh":"小","nameEn":"m","departmentKind":"territory"}""", "kind")]
    [InlineData("""{"kind":"thing","code":"0595","majorNameZh":"大","majorNameEn":"M","nameZh":"小","nameEn":"m","departmentKind":"territory"}""", "kind")]
    [InlineData("""{"kind":"event","code":"05a5","majorNameZh":"大","majorNameEn":"M","nameZh":"小","nameEn":"m","departmentKind":"territory"}""", "code")]
    [InlineData("""{"kind":"event","code":"0500","majorNameZh":"大","majorNameEn":"M","nameZh":"小","nameEn":"m","departmentKind":"territory"}""", "code")]
    [InlineData("""{"kind":"event","code":"0505","majorNameZh":"大","majorNameEn":"M","nameZh":"小","nameEn":"m","departmentKind":"territory"}""", "code")]
    [InlineData("""{"kind":"event","code":"0595","majorNameEn":"M","nameZh":"小","nameEn":"m","departmentKind":"territory"}""", "majorNameZh")]
    [InlineData("""{"kind":"event","code":"0595","majorNameZh":"大","majorNameEn":"M","nameZh":"小","departmentKind":"territory"}""", "nameEn")]
    [InlineData("""{"kind":"event","code":"0595","majorNameZh":"大","majorNameEn":"M","nameZh":"小","nameEn":"m","departmentKind":"astronomy"}""", "departmentKind")]
    [InlineData("""{"kind":"event","code":"0595","majorNameZh":"大","majorNameEn":"M","nameZh":"小","nameEn":"m"}""", "departmentKind")]
    public async Task A_bad_category_is_refused_naming_the_field_and_nothing_is_written(string json, string field)
    {
        var admin = await app.SignInAsync("admin");
        var (categories, audits) = await app.QueryAsync(async db => (await db.Categories.CountAsync(), await db.AuditEntries.CountAsync()));

        var problem = await ProblemAsync(await admin.PostAsync("/api/categories", Raw(json)), HttpStatusCode.BadRequest);

        Assert.Contains(field, ErrorFields(problem));
        Assert.Equal((categories, audits), await app.QueryAsync(async db => (await db.Categories.CountAsync(), await db.AuditEntries.CountAsync())));
    }

    [Theory]
    [InlineData("0681", """{"nameEn":"x","limit":1,"unit":"working_days"}""", "nameZh")]
    [InlineData("0682", """{"nameZh":"新","nameEn":"x","unit":"working_days"}""", "limit")]
    [InlineData("0683", """{"nameZh":"新","nameEn":"x","limit":1,"unit":"fortnights"}""", "unit")]
    [InlineData("0684", """{"nameZh":"破损","nameEn":"x","limit":1,"unit":"working_days"}""", "nameZh")]
    public async Task A_bad_condition_is_refused_naming_the_field_and_nothing_is_written(string code, string json, string field)
    {
        var admin = await app.SignInAsync("admin");
        var (categoryId, _) = await AddCategoryAsync(admin, "event", code);
        var conditions = await app.QueryAsync(db => db.CategoryConditions.CountAsync(c => c.CategoryId == categoryId));

        var problem = await ProblemAsync(await admin.PostAsync($"/api/categories/{categoryId}/conditions", Raw(json)), HttpStatusCode.BadRequest);

        Assert.Contains(field, ErrorFields(problem));
        Assert.Equal(conditions, await app.QueryAsync(db => db.CategoryConditions.CountAsync(c => c.CategoryId == categoryId)));
    }

    [Fact]
    public async Task Kind_and_code_do_not_change_on_an_edit()
    {
        var admin = await app.SignInAsync("admin");
        var (categoryId, _) = await AddCategoryAsync(admin, "component", "0196");
        var version = (await admin.GetFromJsonAsync<JsonElement>("/api/categories?includeRetired=true")).EnumerateArray()
            .Single(c => c.GetProperty("id").GetGuid() == categoryId).GetProperty("version").GetUInt32();

        var problem = await ProblemAsync(await admin.PutAsJsonAsync($"/api/categories/{categoryId}", new
        {
            kind = "event", code = "0197", majorNameZh = "大", majorNameEn = "M", nameZh = "小", nameEn = "m", departmentKind = "territory", version,
        }), HttpStatusCode.BadRequest);

        Assert.Equal(["code", "kind"], ErrorFields(problem).Order());
    }

    [Fact]
    public async Task Limits_are_audited_and_only_administrators_change_the_catalogue()
    {
        var admin = await app.SignInAsync("admin");
        var (categoryId, conditionId) = await AddCategoryAsync(admin, "event", "0597");
        var condition = $"/api/categories/{categoryId}/conditions/{conditionId}";

        await OkAsync(await admin.PutAsJsonAsync($"{condition}/limit", new { limit = 3, unit = "working_days" }));
        await OkAsync(await admin.PutAsJsonAsync($"{condition}/limits/A", new { limit = 1, unit = "working_days" }));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{condition}/limits/A")).StatusCode);

        Assert.Equal(2, await AuditRowsAsync(conditionId.ToString()));
        Assert.Equal(2, await AuditRowsAsync($"{conditionId}/A"));
        var dispatcher = await app.SignInAsync("dispatcher1");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsync($"/api/categories/{categoryId}/retire", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync("/api/categories", new { kind = "event" })).StatusCode);
    }
}
