using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Routing.RoutingApi;

namespace Dispatch.Api.Tests.Routing;

/// <summary>Filed cases go where the routing rules in force say: territory first for events, owner first for components.</summary>
public sealed class RoutingByRules(DispatchApp app) : IClassFixture<DispatchApp>
{
    [Fact]
    public async Task A_territory_event_goes_to_the_street_office_of_the_street_it_lies_in()
    {
        var patroller = await app.SignInAsync("patroller2");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0506");

        var nanmen = await ReportAsync(patroller, categoryId, Nanmen, "共享单车堵住了人行道");
        var xiangshan = await ReportAsync(patroller, categoryId, Xiangshan, "共享单车堵住了人行道");

        Assert.Equal("xs-st-nanmen", await RoutedToAsync(patroller, nanmen));
        Assert.Equal("xs-st-xiangshan", await RoutedToAsync(patroller, xiangshan));
    }

    [Fact]
    public async Task An_event_goes_to_the_department_of_its_kind_with_jurisdiction_and_the_trace_names_the_rule()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0102");

        var id = await ReportAsync(patroller, categoryId, Xiangshan, "暴露垃圾");

        Assert.Equal("xs-sanitation", await RoutedToAsync(patroller, id));
        var dispatch = await app.QueryAsync(db => db.CaseTraces.SingleAsync(t => t.CaseId == id && t.Action == "dispatch"));
        var rule = await app.QueryAsync(db => db.RoutingRules.SingleAsync(r => r.CategoryId == categoryId));
        Assert.Equal(("dispatch.rule", rule.Id.ToString(), "xs-sanitation"),
            (dispatch.Code, dispatch.Parameters["ruleId"], dispatch.Parameters["departmentKey"]));
        Assert.Null(dispatch.Opinion);
    }

    [Fact]
    public async Task A_new_rule_for_a_street_applies_to_cases_filed_after_it_and_retiring_it_restores_the_default()
    {
        var admin = await app.SignInAsync("admin");
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(admin, "event", "0504");
        Assert.Equal("xs-enforcement", await RoutedToAsync(patroller, await ReportAsync(patroller, categoryId, Pingshan, "店外经营：规则前")));

        var created = await OkAsync(await admin.PostAsJsonAsync("/api/admin/routing/rules", new
        {
            categoryId, gridCode = "450304003", target = "department", departmentKey = "xs-st-pingshan", note = "平山街道自管店外经营",
        }));
        Assert.Equal("xs-st-pingshan", created.GetProperty("department").GetProperty("key").GetString());
        Assert.True(created.GetProperty("inForce").GetBoolean());

        Assert.Equal("xs-st-pingshan", await RoutedToAsync(patroller, await ReportAsync(patroller, categoryId, Pingshan, "店外经营：规则后")));
        Assert.Equal("xs-enforcement", await RoutedToAsync(patroller, await ReportAsync(patroller, categoryId, Xiangshan, "店外经营：别的街道")));

        var retired = await admin.DeleteAsync($"/api/admin/routing/rules/{created.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, retired.StatusCode);
        Assert.Equal("xs-enforcement", await RoutedToAsync(patroller, await ReportAsync(patroller, categoryId, Pingshan, "店外经营：规则撤销后")));
    }

    [Fact]
    public async Task Changing_a_rule_retires_it_and_starts_a_successor_and_a_retired_rule_cannot_change_again()
    {
        var admin = await app.SignInAsync("admin");
        var (categoryId, _) = await CaseApi.CategoryAsync(admin, "event", "0510");
        var first = await OkAsync(await admin.PostAsJsonAsync("/api/admin/routing/rules", new
        {
            categoryId, gridCode = "450304002", target = "department", departmentKey = "xs-st-nanmen",
        }));
        var firstId = first.GetProperty("id").GetGuid();

        var successor = await OkAsync(await admin.PutAsJsonAsync($"/api/admin/routing/rules/{firstId}", new
        {
            categoryId, gridCode = "450304002", target = "jurisdiction", departmentKind = "sanitation", priority = 5,
        }));

        Assert.Equal(firstId, successor.GetProperty("replacesRuleId").GetGuid());
        Assert.Equal("jurisdiction", successor.GetProperty("target").GetString());
        var old = await OkAsync(await admin.GetAsync($"/api/routing/rules/{firstId}"));
        Assert.False(old.GetProperty("inForce").GetBoolean());
        Assert.Equal(successor.GetProperty("validFrom").GetDateTimeOffset(), old.GetProperty("validTo").GetDateTimeOffset());
        var inForce = await OkAsync(await admin.GetAsync($"/api/routing/rules?categoryId={categoryId}"));
        Assert.DoesNotContain(inForce.EnumerateArray(), r => r.GetProperty("id").GetGuid() == firstId);
        var history = await OkAsync(await admin.GetAsync($"/api/routing/rules?categoryId={categoryId}&includeRetired=true"));
        Assert.Contains(history.EnumerateArray(), r => r.GetProperty("id").GetGuid() == firstId);

        var again = await admin.PutAsJsonAsync($"/api/admin/routing/rules/{firstId}", new { categoryId, target = "jurisdiction", departmentKind = "territory" });
        await ProblemAsync(again, HttpStatusCode.Conflict);
        await ProblemAsync(await admin.DeleteAsync($"/api/admin/routing/rules/{firstId}"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_report_about_a_component_goes_to_the_components_owner_rather_than_the_categorys_kind()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (poleCategory, _) = await CaseApi.CategoryAsync(patroller, "component", "0117");
        // Demo pole 3 belongs to the telecom operators although poles are the power bureau's kind.
        var pole = await OkAsync(await patroller.GetAsync("/api/components/4503040117000003"));
        var at = (pole.GetProperty("longitude").GetDouble() + 0.0002, pole.GetProperty("latitude").GetDouble());

        var id = await ReportAsync(patroller, poleCategory, at, "电杆倾斜", componentId: "4503040117000003");
        var withoutComponent = await ReportAsync(patroller, poleCategory, at, "电杆倾斜");

        Assert.Equal("gl-telecom", await RoutedToAsync(patroller, id));
        Assert.Equal("gl-power", await RoutedToAsync(patroller, withoutComponent));
        var c = await OkAsync(await patroller.GetAsync($"/api/cases/{id}"));
        Assert.Equal("4503040117000003", c.GetProperty("componentId").GetString());
    }

    [Fact]
    public async Task A_report_naming_a_wrong_or_distant_component_is_refused_naming_componentId()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (poleCategory, _) = await CaseApi.CategoryAsync(patroller, "component", "0117");
        var (lightCategory, _) = await CaseApi.CategoryAsync(patroller, "component", "0118");
        var pole = await OkAsync(await patroller.GetAsync("/api/components/4503040117000003"));
        var (lon, lat) = (pole.GetProperty("longitude").GetDouble(), pole.GetProperty("latitude").GetDouble());
        var cases = await app.QueryAsync(db => db.Cases.CountAsync());

        foreach (var body in new object[]
        {
            new { categoryId = poleCategory, longitude = lon, latitude = lat, description = "x", componentId = "4503040117999999" },
            new { categoryId = lightCategory, longitude = lon, latitude = lat, description = "x", componentId = "4503040117000003" },
            new { categoryId = poleCategory, longitude = lon + 0.01, latitude = lat, description = "x", componentId = "4503040117000003" },
        })
        {
            var problem = await ProblemAsync(await patroller.SendAsync(CaseApi.Json(body)), HttpStatusCode.BadRequest);
            Assert.Equal(["componentId"], ErrorFields(problem));
        }
        Assert.Equal(cases, await app.QueryAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Bad_rules_are_refused_naming_the_field_and_nothing_is_stored()
    {
        var admin = await app.SignInAsync("admin");
        var (eventId, _) = await CaseApi.CategoryAsync(admin, "event", "0505");
        var before = await app.QueryAsync(db => db.RoutingRules.CountAsync());

        Assert.Equal(["categoryId", "target"], ErrorFields(await ProblemAsync(await admin.PostAsJsonAsync("/api/admin/routing/rules", new { }), HttpStatusCode.BadRequest)).Order());
        Assert.Equal(["departmentKey"], ErrorFields(await ProblemAsync(await admin.PostAsJsonAsync("/api/admin/routing/rules",
            new { categoryId = eventId, target = "department", departmentKey = "no-such-dept" }), HttpStatusCode.BadRequest)));
        Assert.Equal(["gridCode"], ErrorFields(await ProblemAsync(await admin.PostAsJsonAsync("/api/admin/routing/rules",
            new { categoryId = eventId, gridCode = "450304999", target = "jurisdiction", departmentKind = "territory" }), HttpStatusCode.BadRequest)));
        Assert.Equal(["target"], ErrorFields(await ProblemAsync(await admin.PostAsJsonAsync("/api/admin/routing/rules",
            new { categoryId = eventId, target = "componentOwner" }), HttpStatusCode.BadRequest)));
        Assert.Equal(["departmentKind"], ErrorFields(await ProblemAsync(await admin.PostAsJsonAsync("/api/admin/routing/rules",
            new { categoryId = eventId, target = "jurisdiction", departmentKind = "astronauts" }), HttpStatusCode.BadRequest)));
        Assert.Equal(["validFrom"], ErrorFields(await ProblemAsync(await admin.PostAsJsonAsync("/api/admin/routing/rules",
            new { categoryId = eventId, target = "jurisdiction", departmentKind = "territory", validFrom = DateTimeOffset.UtcNow.AddDays(-1) }), HttpStatusCode.BadRequest)));
        Assert.Equal(["priority"], ErrorFields(await ProblemAsync(await admin.PostAsync("/api/admin/routing/rules",
            JsonContent.Create(JsonDocument.Parse($$"""{"categoryId":"{{eventId}}","target":"jurisdiction","departmentKind":"territory","priority":"high"}""").RootElement)), HttpStatusCode.BadRequest)));
        await ProblemAsync(await admin.PostAsync("/api/admin/routing/rules", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        var dispatcher = await app.SignInAsync("dispatcher1");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync("/api/admin/routing/rules",
            new { categoryId = eventId, target = "jurisdiction", departmentKind = "territory" })).StatusCode);
        Assert.Equal(before, await app.QueryAsync(db => db.RoutingRules.CountAsync()));
    }

    [Fact]
    public async Task The_dry_run_answers_with_the_department_and_the_rule_without_storing_anything()
    {
        var dispatcher = await app.SignInAsync("dispatcher1");
        var (categoryId, _) = await CaseApi.CategoryAsync(dispatcher, "event", "0505");
        var cases = await app.QueryAsync(db => db.Cases.CountAsync());

        var run = await OkAsync(await dispatcher.GetAsync(Invariant($"/api/routing/dry-run?categoryId={categoryId}&lon={Xiangshan.Lon}&lat={Xiangshan.Lat}")));

        Assert.True(run.GetProperty("matched").GetBoolean());
        Assert.Equal("xs-traffic", run.GetProperty("department").GetProperty("key").GetString());
        Assert.Equal("jurisdiction", run.GetProperty("rule").GetProperty("target").GetString());
        Assert.Equal("traffic_police", run.GetProperty("rule").GetProperty("departmentKind").GetString());
        Assert.Equal("450304001", run.GetProperty("street").GetProperty("code").GetString());
        Assert.Equal("chosen", run.GetProperty("considered")[0].GetProperty("outcome").GetString());
        Assert.Equal(cases, await app.QueryAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task The_dry_run_of_a_component_asks_its_owner_first_then_its_kind_then_the_territory()
    {
        var dispatcher = await app.SignInAsync("dispatcher1");
        var (pole, _) = await CaseApi.CategoryAsync(dispatcher, "component", "0117");
        var (ownerless, _) = await CaseApi.CategoryAsync(dispatcher, "component", "0114");

        // Demo poles: serial 3 belongs to the telecom operators, serial 5 has no owner on record.
        var telecomPole = await OkAsync(await dispatcher.GetAsync($"/api/routing/dry-run?categoryId={pole}&componentId=4503040117000003"));
        var unownedPole = await OkAsync(await dispatcher.GetAsync($"/api/routing/dry-run?categoryId={pole}&componentId=4503040117000005"));
        var ownerlessCover = await OkAsync(await dispatcher.GetAsync($"/api/routing/dry-run?categoryId={ownerless}&componentId=4503040114000001"));

        Assert.Equal("gl-telecom", telecomPole.GetProperty("department").GetProperty("key").GetString());
        Assert.Equal("componentOwner", telecomPole.GetProperty("rule").GetProperty("target").GetString());
        Assert.Equal("gl-power", unownedPole.GetProperty("department").GetProperty("key").GetString());
        Assert.Equal("unresolved", unownedPole.GetProperty("considered")[0].GetProperty("outcome").GetString());
        // No owner and no department kind: the street office of the street the cover lies in.
        Assert.Equal("territory", ownerlessCover.GetProperty("rule").GetProperty("departmentKind").GetString());
        Assert.Equal(ownerlessCover.GetProperty("street").GetProperty("code").GetString(),
            await app.QueryAsync(db => db.Departments.Where(d => d.Key == ownerlessCover.GetProperty("department").GetProperty("key").GetString())
                .Select(d => d.JurisdictionCode).SingleAsync()));
    }

    [Fact]
    public async Task A_bad_dry_run_names_the_field()
    {
        var dispatcher = await app.SignInAsync("dispatcher1");
        var (pole, _) = await CaseApi.CategoryAsync(dispatcher, "component", "0117");
        var (parking, _) = await CaseApi.CategoryAsync(dispatcher, "event", "0505");

        Assert.Equal(["categoryId"], ErrorFields(await ProblemAsync(await dispatcher.GetAsync("/api/routing/dry-run?categoryId=nope&lon=110.29&lat=25.25"), HttpStatusCode.BadRequest)));
        Assert.Equal(["lat", "lon"], ErrorFields(await ProblemAsync(await dispatcher.GetAsync($"/api/routing/dry-run?categoryId={parking}"), HttpStatusCode.BadRequest)).Order());
        Assert.Equal(["componentId"], ErrorFields(await ProblemAsync(await dispatcher.GetAsync($"/api/routing/dry-run?categoryId={parking}&componentId=4503040117000003"), HttpStatusCode.BadRequest)));
        Assert.Equal(["componentId"], ErrorFields(await ProblemAsync(await dispatcher.GetAsync($"/api/routing/dry-run?categoryId={pole}&componentId=4503040117999999"), HttpStatusCode.BadRequest)));
        Assert.Equal(["at"], ErrorFields(await ProblemAsync(await dispatcher.GetAsync($"/api/routing/dry-run?categoryId={parking}&lon=110.29&lat=25.25&at=yesterday"), HttpStatusCode.BadRequest)));
        await ProblemAsync(await dispatcher.GetAsync($"/api/routing/dry-run?categoryId={parking}&lon=110.2&lat=25.2"), HttpStatusCode.UnprocessableEntity);

        var patroller = await app.SignInAsync("patroller1");
        Assert.Equal(HttpStatusCode.Forbidden, (await patroller.GetAsync($"/api/routing/dry-run?categoryId={parking}&lon=110.29&lat=25.25")).StatusCode);
    }
}
