using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Persistence.Identity;
using Dispatch.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dispatch.Api.Tests.Grids.GridApi;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Departments;

/// <summary>
/// Administrators create, edit, retire and restore departments; every change is audited, bad input changes nothing,
/// a stale edit is refused with the current version, and a department still in use is not retired.
/// </summary>
public sealed class ManagingDepartments(DispatchApp app) : IClassFixture<DispatchApp>
{
    private const string Url = "/api/admin/departments";
    private static readonly string[] District = ["450304"];
    private static readonly string[] TwoStreets = ["450304001", "450304002"];

    private static object NewDepartment(string key, string? parentKey = null) => new
    {
        key, nameZh = "象山区市政道路养护班", nameEn = "Xiangshan Road Maintenance Team", kind = "unit",
        jurisdictionCodes = TwoStreets, contactPhone = "0773-2825000", dutyPhone = "13800000000", parentKey,
    };

    private static async Task<JsonElement> OneAsync(HttpClient admin, string key) =>
        (await GetJsonAsync(admin, Url)).EnumerateArray().Single(d => d.GetProperty("key").GetString() == key);

    private Task<int> AuditRowsAsync(string key) =>
        app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectType == "department" && e.SubjectKey == key));

    [Fact]
    public async Task An_administrator_creates_a_sub_unit_and_it_is_listed_with_its_jurisdiction_phones_and_parent()
    {
        var admin = await app.SignInAsync("admin");

        var response = await admin.PostAsJsonAsync(Url, NewDepartment("xs-municipal-roads", "xs-municipal"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var listed = await OneAsync(admin, "xs-municipal-roads");
        Assert.Equal("象山区市政道路养护班", listed.GetProperty("nameZh").GetString());
        Assert.Equal("unit", listed.GetProperty("kind").GetString());
        Assert.Equal("street", listed.GetProperty("level").GetString());
        Assert.Equal(["450304001", "450304002"], listed.GetProperty("jurisdictionCodes").Strings());
        Assert.Equal("0773-2825000", listed.GetProperty("contactPhone").GetString());
        Assert.Equal("13800000000", listed.GetProperty("dutyPhone").GetString());
        Assert.Equal("xs-municipal", listed.GetProperty("parentKey").GetString());
        Assert.False(listed.GetProperty("retired").GetBoolean());
        Assert.Equal(0, listed.GetProperty("openCases").GetInt32());
        Assert.Equal(1, await AuditRowsAsync("xs-municipal-roads"));
        var publicList = await (await app.SignInAsync("dispatcher1")).GetFromJsonAsync<JsonElement>("/api/departments");
        Assert.Equal("xs-municipal", publicList.EnumerateArray().Single(d => d.GetProperty("key").GetString() == "xs-municipal-roads")
            .GetProperty("parentKey").GetString());
    }

    [Theory]
    [InlineData("key", """{"key":"Bad Key","nameZh":"甲","kind":"municipal","jurisdictionCodes":["450304"]}""")]
    [InlineData("key", """{"key":"xs-traffic","nameZh":"甲","kind":"municipal","jurisdictionCodes":["450304"]}""")]
    [InlineData("key", """{"nameZh":"甲","kind":"municipal","jurisdictionCodes":["450304"]}""")]
    [InlineData("nameZh", """{"key":"bad-1","kind":"municipal","jurisdictionCodes":["450304"]}""")]
    [InlineData("kind", """{"key":"bad-2","nameZh":"甲","kind":"bakery","jurisdictionCodes":["450304"]}""")]
    [InlineData("jurisdictionCodes", """{"key":"bad-3","nameZh":"甲","kind":"municipal","jurisdictionCodes":[]}""")]
    [InlineData("jurisdictionCodes[0]", """{"key":"bad-4","nameZh":"甲","kind":"municipal","jurisdictionCodes":["12ab"]}""")]
    [InlineData("jurisdictionCodes[1]", """{"key":"bad-5","nameZh":"甲","kind":"municipal","jurisdictionCodes":["450304","450304999"]}""")]
    [InlineData("jurisdictionCodes[1]", """{"key":"bad-6","nameZh":"甲","kind":"municipal","jurisdictionCodes":["450304","450304"]}""")]
    [InlineData("contactPhone", """{"key":"bad-7","nameZh":"甲","kind":"municipal","jurisdictionCodes":["450304"],"contactPhone":"call me"}""")]
    [InlineData("dutyPhone", """{"key":"bad-8","nameZh":"甲","kind":"municipal","jurisdictionCodes":["450304"],"dutyPhone":"0773-12"}""")]
    [InlineData("parentKey", """{"key":"bad-9","nameZh":"甲","kind":"municipal","jurisdictionCodes":["450304"],"parentKey":"nowhere"}""")]
    [InlineData("level", """{"key":"bad-10","nameZh":"甲","kind":"municipal","jurisdictionCodes":["450304"],"level":"galaxy"}""")]
    [InlineData("jurisdictionCodes", """{"key":"bad-11","nameZh":"甲","kind":"municipal","jurisdictionCodes":"450304"}""")]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_written(string field, string body)
    {
        var admin = await app.SignInAsync("admin");
        var before = await app.QueryAsync(db => db.Departments.CountAsync());

        var response = await admin.PostAsync(Url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var errors = (await ProblemAsync(response, 400)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        Assert.Equal(before, await app.QueryAsync(db => db.Departments.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectType == "department" && e.SubjectKey.StartsWith("bad-"))));
    }

    [Fact]
    public async Task An_edit_from_a_stale_version_is_refused_with_the_current_version_and_record()
    {
        var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(Url, NewDepartment("xs-rename-me"))).StatusCode);
        var read = await OneAsync(admin, "xs-rename-me");
        var version = read.GetProperty("version").GetUInt32();

        var first = await admin.PutAsJsonAsync($"{Url}/xs-rename-me", new
        {
            nameZh = "象山区市政设施维护中心", kind = "municipal", jurisdictionCodes = District, version,
        });
        var stale = await admin.PutAsJsonAsync($"{Url}/xs-rename-me", new
        {
            nameZh = "另一个名字", kind = "municipal", jurisdictionCodes = District, version,
        });

        var renamed = await OkAsync(first);
        Assert.Equal("象山区市政设施维护中心", renamed.GetProperty("nameZh").GetString());
        Assert.Equal("district", renamed.GetProperty("level").GetString());
        Assert.NotEqual(version, renamed.GetProperty("version").GetUInt32());
        var conflict = await ProblemAsync(stale, 409);
        Assert.Equal(renamed.GetProperty("version").GetUInt32().ToString(), conflict.GetProperty("currentVersion").GetString());
        Assert.Equal("象山区市政设施维护中心", conflict.GetProperty("current").GetProperty("nameZh").GetString());
        Assert.Equal("象山区市政设施维护中心", (await OneAsync(admin, "xs-rename-me")).GetProperty("nameZh").GetString());
        var missing = await admin.PutAsJsonAsync($"{Url}/xs-rename-me", new { nameZh = "甲", kind = "municipal", jurisdictionCodes = District });
        Assert.True((await ProblemAsync(missing, 400)).GetProperty("errors").TryGetProperty("version", out _));
        Assert.Equal(2, await AuditRowsAsync("xs-rename-me"));
        var audit = await GetJsonAsync(admin, "/api/admin/audit?subjectType=department&subjectKey=xs-rename-me&action=department.edit");
        var row = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Contains("象山区市政道路养护班", row.GetProperty("before").GetString(), StringComparison.Ordinal);
        Assert.Contains("象山区市政设施维护中心", row.GetProperty("after").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_cannot_become_a_sub_unit_of_its_own_sub_unit()
    {
        var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(Url, NewDepartment("loop-top"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(Url, NewDepartment("loop-child", "loop-top"))).StatusCode);
        var top = await OneAsync(admin, "loop-top");

        var response = await admin.PutAsJsonAsync($"{Url}/loop-top", new
        {
            nameZh = "甲", kind = "municipal", jurisdictionCodes = District, parentKey = "loop-child", version = top.GetProperty("version").GetUInt32(),
        });

        Assert.True((await ProblemAsync(response, 400)).GetProperty("errors").TryGetProperty("parentKey", out _));
    }

    [Fact]
    public async Task Retiring_a_department_still_in_use_is_refused_with_what_points_at_it()
    {
        var admin = await app.SignInAsync("admin");
        var caseId = await DispatchedPatrolCaseAsync(await app.SignInAsync("patroller1"), "退役测试：人行道停车");
        var number = (await GetJsonAsync(admin, $"/api/cases/{caseId}")).GetProperty("number").GetString()!;
        var (categoryId, _) = await CaseApi.CategoryAsync(admin, "event", "0505");
        var rule = await admin.PostAsJsonAsync("/api/admin/routing/rules", new
        {
            categoryId, gridCode = "450304001", target = "department", departmentKey = "xs-traffic", priority = 5,
        });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);

        var response = await admin.PostAsync($"{Url}/xs-traffic/retire", null);

        var blockers = (await ProblemAsync(response, 409)).GetProperty("blockers");
        Assert.True(blockers.GetProperty("openCases").GetProperty("count").GetInt32() >= 1);
        Assert.Contains(number, blockers.GetProperty("openCases").GetProperty("items").Strings());
        Assert.Equal(1, blockers.GetProperty("rules").GetProperty("count").GetInt32());
        Assert.Contains("0505", blockers.GetProperty("rules").GetProperty("items")[0].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Contains(blockers.GetProperty("accounts").GetProperty("items").EnumerateArray(),
            a => a.GetProperty("userName").GetString() == "handler.xs-traffic");
        Assert.False((await OneAsync(admin, "xs-traffic")).GetProperty("retired").GetBoolean());
        Assert.Equal(0, await AuditRowsAsync("xs-traffic"));
    }

    [Fact]
    public async Task A_retired_department_is_marked_in_the_list_refused_for_rules_and_comes_back_when_restored()
    {
        var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(Url, NewDepartment("xs-retire-me"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(Url, NewDepartment("xs-retire-me-child", "xs-retire-me"))).StatusCode);

        var refused = await ProblemAsync(await admin.PostAsync($"{Url}/xs-retire-me/retire", null), 409);
        Assert.Equal(["xs-retire-me-child"], refused.GetProperty("blockers").GetProperty("subUnits").GetProperty("items").Strings());
        await OkAsync(await admin.PostAsync($"{Url}/xs-retire-me-child/retire", null));
        var retired = await OkAsync(await admin.PostAsync($"{Url}/xs-retire-me/retire", null));
        Assert.True(retired.GetProperty("retired").GetBoolean());

        var publicList = await (await app.SignInAsync("dispatcher1")).GetFromJsonAsync<JsonElement>("/api/departments");
        Assert.True(publicList.EnumerateArray().Single(d => d.GetProperty("key").GetString() == "xs-retire-me").GetProperty("retired").GetBoolean());
        var (categoryId, _) = await CaseApi.CategoryAsync(admin, "event", "0505");
        var rule = await admin.PostAsJsonAsync("/api/admin/routing/rules", new { categoryId, target = "department", departmentKey = "xs-retire-me" });
        Assert.True((await ProblemAsync(rule, 400)).GetProperty("errors").TryGetProperty("departmentKey", out _));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"{Url}/xs-retire-me-child/restore", null)).StatusCode);

        var restored = await OkAsync(await admin.PostAsync($"{Url}/xs-retire-me/restore", null));
        Assert.False(restored.GetProperty("retired").GetBoolean());
        Assert.Equal(3, await AuditRowsAsync("xs-retire-me"));
    }

    [Fact]
    public async Task Dispatching_by_hand_to_a_retired_department_is_refused_naming_the_field()
    {
        var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(Url, NewDepartment("xs-gone"))).StatusCode);
        await OkAsync(await admin.PostAsync($"{Url}/xs-gone/retire", null));
        var caseId = await DispatchedPatrolCaseAsync(await app.SignInAsync("patroller1"), "回退后人工派遣");
        await OkAsync(await app.SignInAsync("handler.xs-traffic"), caseId, "return", new { reason = "不属于本单位" });

        var response = await ActAsync(await app.SignInAsync("dispatcher1"), caseId, "dispatch", new { departmentKey = "xs-gone" });

        Assert.True((await ProblemAsync(response, 400)).GetProperty("errors").TryGetProperty("departmentKey", out _));
    }

    [Fact]
    public async Task Only_an_administrator_manages_departments()
    {
        var handler = await app.SignInAsync("handler.xs-traffic");

        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsJsonAsync(Url, NewDepartment("xs-not-allowed"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsync($"{Url}/xs-traffic/retire", null)).StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.Departments.CountAsync(d => d.Key == "xs-not-allowed")));
    }

    [Fact]
    public async Task The_kinds_of_department_are_listed_with_their_labels()
    {
        var kinds = await GetJsonAsync(await app.SignInAsync("admin"), $"{Url}/kinds");

        var municipal = kinds.EnumerateArray().Single(k => k.GetProperty("code").GetString() == "municipal");
        Assert.Equal("市政", municipal.GetProperty("nameZh").GetString());
        Assert.Contains(kinds.EnumerateArray(), k => k.GetProperty("code").GetString() == "territory");
    }
}
