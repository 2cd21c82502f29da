using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Api.Tests.Catalogue;
using Dispatch.Api.Tests.Lifecycle;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Routing.RoutingApi;

namespace Dispatch.Api.Tests.Components;

/// <summary>
/// 部件普查 administration: the inventory listed, searched and paged, one record edited against its version, retired
/// and restored; a component's condition follows the cases that name it; intact rates per category and street.
/// Each test numbers its components under a component category of its own, so the figures are its own.
/// </summary>
public sealed class CensusAdministration(DispatchApp app) : IClassFixture<DispatchApp>
{
    private static readonly (double Lon, double Lat)[] InXiangshan =
        [(110.2901, 25.2551), (110.2902, 25.2552), (110.2903, 25.2553), (110.2904, 25.2554), (110.2905, 25.2555)];

    private static readonly (double Lon, double Lat) InNanmen = (110.275, 25.265);

    private static string Id(string code, int serial) => $"450304{code}{serial:000000}";

    private static string Csv(string code, params (int Serial, string State, (double Lon, double Lat) At)[] rows) =>
        "id,category,owner,maintainer,state,longitude,latitude\n" + string.Concat(rows.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{Id(code, r.Serial)},{code},gl-lighting,路灯所,{r.State},{r.At.Lon},{r.At.Lat}\n")));

    private static async Task<Guid> CategoryWithComponentsAsync(HttpClient admin, string code, params (int Serial, string State, (double Lon, double Lat) At)[] rows)
    {
        var (categoryId, _) = await KeepingTheCatalogue.AddCategoryAsync(admin, "component", code, departmentKind: "street_lighting", nameZh: $"测试部件{code}");
        var content = new StringContent(Csv(code, rows), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        await OkAsync(await admin.PostAsync("/api/admin/components/import", content));
        return categoryId;
    }

    private static async Task<string> ConditionAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/components/{id}")).GetProperty("condition").GetString()!;

    private static async Task<string> StreetOfAsync(HttpClient client, (double Lon, double Lat) at) =>
        (await client.GetFromJsonAsync<JsonElement>(Invariant($"/api/grids/locate?lon={at.Lon}&lat={at.Lat}"))).GetProperty("street").GetProperty("code").GetString()!;

    private static async Task<Guid> HotlineReportAsync(HttpClient acceptor, Guid categoryId, string componentId, (double Lon, double Lat) at)
    {
        var created = await OkAsync(await acceptor.SendAsync(CaseApi.Json(new
        {
            categoryId, componentId, longitude = at.Lon, latitude = at.Lat, description = "路灯不亮", source = "hotline",
            callerName = "王先生", callerPhone = "137 0000 0000",
        })));
        return created.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task The_list_searches_filters_and_pages_in_id_order()
    {
        var admin = await app.SignInAsync("admin");
        await CategoryWithComponentsAsync(admin, "0193", (1, "intact", InXiangshan[0]), (2, "damaged", InXiangshan[1]), (3, "intact", InNanmen));

        var first = await OkAsync(await admin.GetAsync("/api/admin/components?category=0193&pageSize=2"));
        var second = await OkAsync(await admin.GetAsync("/api/admin/components?category=0193&pageSize=2&page=2"));
        var damaged = await OkAsync(await admin.GetAsync("/api/admin/components?category=0193&condition=damaged"));
        var bySerial = await OkAsync(await admin.GetAsync("/api/admin/components?q=0193000003"));
        var inNanmen = await OkAsync(await admin.GetAsync($"/api/admin/components?category=0193&grid={await StreetOfAsync(admin, InNanmen)}"));

        string[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal([Id("0193", 1), Id("0193", 2)], Ids(first));
        Assert.Equal([Id("0193", 3)], Ids(second));
        Assert.Equal([Id("0193", 2)], Ids(damaged));
        Assert.Equal([Id("0193", 3)], Ids(bySerial));
        Assert.Equal([Id("0193", 3)], Ids(inNanmen));
        var import = await app.QueryAsync(db => db.AuditEntries.Where(e => e.Action == "component.import" && e.After!.Contains("\"created\":3")).CountAsync());
        Assert.True(import >= 1, "the import wrote no audit row with its counts");
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("category=9999", "category")]
    [InlineData("condition=sparkling", "condition")]
    [InlineData("grid=45a", "grid")]
    [InlineData("includeRetired=maybe", "includeRetired")]
    public async Task A_bad_list_filter_is_refused_naming_it(string query, string field)
    {
        var admin = await app.SignInAsync("admin");
        Assert.Equal([field], ErrorFields(await ProblemAsync(await admin.GetAsync($"/api/admin/components?{query}"), HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task An_edit_with_the_current_version_changes_the_record_and_a_stale_one_gets_409()
    {
        var admin = await app.SignInAsync("admin");
        await CategoryWithComponentsAsync(admin, "0194", (1, "intact", InXiangshan[0]));
        var id = Id("0194", 1);
        var read = await OkAsync(await admin.GetAsync($"/api/components/{id}"));
        var version = read.GetProperty("version").GetUInt32();

        var edited = await OkAsync(await admin.PutAsJsonAsync($"/api/admin/components/{id}", new
        {
            owner = "gl-power", maintainer = "供电所", state = "damaged", longitude = InXiangshan[1].Lon, latitude = InXiangshan[1].Lat, version,
        }));
        Assert.Equal(("gl-power", "供电所", "damaged", "damaged"), (edited.GetProperty("owner").GetProperty("key").GetString(),
            edited.GetProperty("maintainer").GetString(), edited.GetProperty("state").GetString(), edited.GetProperty("condition").GetString()));

        var stale = await ProblemAsync(await admin.PutAsJsonAsync($"/api/admin/components/{id}", new
        {
            owner = "gl-lighting", state = "intact", longitude = InXiangshan[0].Lon, latitude = InXiangshan[0].Lat, version,
        }), HttpStatusCode.Conflict);
        Assert.Equal("gl-power", stale.GetProperty("current").GetProperty("owner").GetProperty("key").GetString());
        Assert.Equal(1, await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectKey == id && e.Action == "component.edit")));
    }

    [Theory]
    [InlineData("""{"owner":"nobody","state":"intact","longitude":110.2901,"latitude":25.2551,"version":1}""", "owner")]
    [InlineData("""{"state":"shiny","longitude":110.2901,"latitude":25.2551,"version":1}""", "state")]
    [InlineData("""{"state":"intact","longitude":110.2,"latitude":25.2,"version":1}""", "longitude")]
    [InlineData("""{"state":"intact","longitude":110.2901,"version":1}""", "latitude")]
    [InlineData("""{"state":"intact","longitude":110.2901,"latitude":25.2551}""", "version")]
    public async Task A_bad_edit_is_refused_naming_the_field_and_nothing_is_written(string json, string field)
    {
        var admin = await app.SignInAsync("admin");
        const string target = "4503040117000003";
        var before = await app.QueryAsync(db => db.Components.AsNoTracking().Where(c => c.Id == target).Select(c => new { c.UpdatedAt, c.State, c.OwnerDepartmentId }).SingleAsync());

        var problem = await ProblemAsync(await admin.PutAsync($"/api/admin/components/{target}", new StringContent(json, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.Equal([field], ErrorFields(problem));
        Assert.Equal(before, await app.QueryAsync(db => db.Components.AsNoTracking().Where(c => c.Id == target).Select(c => new { c.UpdatedAt, c.State, c.OwnerDepartmentId }).SingleAsync()));
    }

    [Fact]
    public async Task A_retired_component_is_not_offered_nor_accepted_on_a_report_and_can_be_restored()
    {
        var admin = await app.SignInAsync("admin");
        var patroller = await app.SignInAsync("patroller1");
        var categoryId = await CategoryWithComponentsAsync(admin, "0195", (1, "intact", InXiangshan[2]));
        var id = Id("0195", 1);

        var retired = await OkAsync(await admin.PostAsync($"/api/admin/components/{id}/retire", null));
        Assert.True(retired.GetProperty("retired").GetBoolean());

        var near = await OkAsync(await patroller.GetAsync(Invariant($"/api/components?lon={InXiangshan[2].Lon}&lat={InXiangshan[2].Lat}&radius=20&categoryId={categoryId}")));
        Assert.Equal(0, near.GetArrayLength());
        var listed = await OkAsync(await admin.GetAsync("/api/admin/components?category=0195"));
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
        Assert.Equal(1, (await OkAsync(await admin.GetAsync("/api/admin/components?category=0195&includeRetired=true"))).GetProperty("total").GetInt32());
        var report = await patroller.SendAsync(CaseApi.Json(new { categoryId, componentId = id, longitude = InXiangshan[2].Lon, latitude = InXiangshan[2].Lat, description = "灯杆倾斜" }));
        Assert.Equal(["componentId"], ErrorFields(await ProblemAsync(report, HttpStatusCode.BadRequest)));

        await OkAsync(await admin.PostAsync($"/api/admin/components/{id}/restore", null));
        near = await OkAsync(await patroller.GetAsync(Invariant($"/api/components?lon={InXiangshan[2].Lon}&lat={InXiangshan[2].Lat}&radius=20&categoryId={categoryId}")));
        Assert.Equal(1, near.GetArrayLength());
        Assert.Equal(["component.restore", "component.retire"], await app.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectKey == id)
            .OrderBy(e => e.Action).Select(e => e.Action).ToArrayAsync()));
    }

    [Fact]
    public async Task A_case_marks_its_component_reported_then_under_repair_then_repaired_on_close()
    {
        var admin = await app.SignInAsync("admin");
        var patroller = await app.SignInAsync("patroller1");
        var acceptor = await app.SignInAsync("acceptor1");
        var shiftLeader = await app.SignInAsync("shiftleader1");
        var handler = await app.SignInAsync("handler.gl-lighting");
        var dispatcher = await app.SignInAsync("dispatcher1");
        var categoryId = await CategoryWithComponentsAsync(admin, "0191", (1, "damaged", InXiangshan[0]));
        var id = Id("0191", 1);
        Assert.Equal("damaged", await ConditionAsync(admin, id));

        var created = await OkAsync(await patroller.SendAsync(CaseApi.Json(new
        {
            categoryId, componentId = id, longitude = InXiangshan[0].Lon, latitude = InXiangshan[0].Lat, description = "灯不亮",
        })));
        var caseId = created.GetProperty("id").GetGuid();
        // A new category has no routing rule yet: the case waits in the manual queue, filed, for a dispatcher.
        await DispatchApp.EventuallyAsync(() => patroller.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}"),
            c => c.GetProperty("needsManualDispatch").GetBoolean(), $"case {caseId} to reach the manual queue");
        Assert.Equal("reported_damaged", await ConditionAsync(admin, id));
        await LifecycleApi.OkAsync(dispatcher, caseId, "dispatch", new { departmentKey = "gl-lighting", opinion = "派路灯所" });
        Assert.Equal("under_repair", await ConditionAsync(admin, id));

        await LifecycleApi.OkAsync(handler, caseId, "sign");
        Assert.Equal("under_repair", await ConditionAsync(admin, id));
        await LifecycleApi.OkWithPhotoAsync(handler, caseId, "feedback", new Dictionary<string, string> { ["opinion"] = "已更换灯泡" }, CaseApi.Png);
        await LifecycleApi.OkAsync(acceptor, caseId, "request-check");
        await LifecycleApi.OkAsync(patroller, caseId, "check", new { passed = true, opinion = "已亮" });
        Assert.Equal("under_repair", await ConditionAsync(admin, id));
        await LifecycleApi.OkAsync(shiftLeader, caseId, "close", new { opinion = "结案" });

        var repaired = await OkAsync(await admin.GetAsync($"/api/components/{id}"));
        Assert.Equal(("intact", "damaged"), (repaired.GetProperty("condition").GetString(), repaired.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task A_voided_case_returns_its_component_to_the_state_it_had()
    {
        var admin = await app.SignInAsync("admin");
        var acceptor = await app.SignInAsync("acceptor1");
        var shiftLeader = await app.SignInAsync("shiftleader1");
        var categoryId = await CategoryWithComponentsAsync(admin, "0192", (1, "missing", InXiangshan[1]));
        var id = Id("0192", 1);

        var caseId = await HotlineReportAsync(acceptor, categoryId, id, InXiangshan[1]);
        Assert.Equal("reported_damaged", await ConditionAsync(admin, id));
        await LifecycleApi.OkAsync(acceptor, caseId, "accept");
        Assert.Equal("reported_damaged", await ConditionAsync(admin, id));
        await LifecycleApi.OkAsync(shiftLeader, caseId, "void", new { reason = "重复上报" });

        Assert.Equal("missing", await ConditionAsync(admin, id));
    }

    [Fact]
    public async Task Intact_rates_count_intact_over_in_service_per_category_and_street()
    {
        var admin = await app.SignInAsync("admin");
        var acceptor = await app.SignInAsync("acceptor1");
        var categoryId = await CategoryWithComponentsAsync(admin, "0189",
            (1, "intact", InXiangshan[0]), (2, "intact", InXiangshan[1]), (3, "damaged", InXiangshan[2]), (4, "removed", InXiangshan[3]),
            (5, "intact", InXiangshan[4]), (6, "intact", InNanmen));
        await OkAsync(await admin.PostAsync($"/api/admin/components/{Id("0189", 5)}/retire", null));
        var (xiangshan, nanmen) = (await StreetOfAsync(admin, InXiangshan[0]), await StreetOfAsync(admin, InNanmen));

        // By hand: Xiangshan has 1, 2, 3 in service (4 removed, 5 retired), 1 and 2 intact; Nanmen has 6, intact.
        var rates = await OkAsync(await admin.GetAsync("/api/components/intact-rates?category=0189"));
        Assert.Contains("intact", rates.GetProperty("definition").GetString());
        var rows = rates.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("streetCode").GetString()!);
        Assert.Equal((3, 2, 0.6667m), Figures(rows[xiangshan]));
        Assert.Equal((1, 1, 1m), Figures(rows[nanmen]));
        Assert.Equal((4, 3, 0.75m), Figures(Assert.Single(rates.GetProperty("totals").EnumerateArray())));

        // A report naming component 1 takes it out of the intact count until the case ends.
        await HotlineReportAsync(acceptor, categoryId, Id("0189", 1), InXiangshan[0]);
        var after = await OkAsync(await admin.GetAsync($"/api/components/intact-rates?category=0189&street={xiangshan}"));
        Assert.Equal((3, 1, 0.3333m), Figures(Assert.Single(after.GetProperty("rows").EnumerateArray())));
    }

    [Fact]
    public async Task Street_lighting_is_shown_against_its_target_of_95_percent()
    {
        var leader = await app.SignInAsync("leader1");
        var rates = await OkAsync(await leader.GetAsync("/api/components/intact-rates?category=0118"));
        var total = Assert.Single(rates.GetProperty("totals").EnumerateArray());
        Assert.Equal(0.95m, total.GetProperty("target").GetDecimal());
        var (inService, intact, rate) = Figures(total);
        Assert.Equal(Math.Round((decimal)intact / inService, 4), rate);
        Assert.Equal(rate >= 0.95m, total.GetProperty("meetsTarget").GetBoolean());
    }

    [Theory]
    [InlineData("street=450304", "street")]
    [InlineData("street=450304999", "street")]
    [InlineData("category=0505x", "category")]
    public async Task A_bad_intact_rate_filter_is_refused_naming_it(string query, string field)
    {
        var leader = await app.SignInAsync("leader1");
        Assert.Equal([field], ErrorFields(await ProblemAsync(await leader.GetAsync($"/api/components/intact-rates?{query}"), HttpStatusCode.BadRequest)));
    }

    private static (int InService, int Intact, decimal Rate) Figures(JsonElement row) =>
        (row.GetProperty("inService").GetInt32(), row.GetProperty("intact").GetInt32(), row.GetProperty("rate").GetDecimal());
}
