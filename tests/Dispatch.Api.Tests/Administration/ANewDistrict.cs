using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Grids.GridApi;
using static Dispatch.Api.Tests.Lifecycle.LifecycleApi;

namespace Dispatch.Api.Tests.Administration;

/// <summary>
/// A city adds a district and runs it through the API alone, the way its administrator would through the UI: the
/// grid layer with a responsibility grid, a department, the people (who set their own passwords at first sign-in), a
/// patroller on the grid, a new category with a filing condition, and next year's holidays. Then one case goes round
/// the loop with those people only, and the audit log holds one row per change, each by the administrator.
/// </summary>
public sealed class ANewDistrict(DispatchApp app) : IClassFixture<DispatchApp>
{
    private const string District = "450305";
    private const string Street = "450305001";
    private const string Unit = "450305001001001";
    private const string PatrolGrid = "450305001001-01";
    private const double Lon = 110.2705;
    private const double Lat = 25.2805;
    private static readonly string[] DistrictPatrollers = ["dc.patroller"];

    private static object Layer() => GridLayers.Collection(
        GridLayers.WiderCity(),
        GridLayers.Feature(District, "叠彩区", 110.270, 25.2720, 110.280, 25.2810),
        GridLayers.Feature(Street, "叠彩街道", 110.270, 25.2720, 110.280, 25.2810),
        GridLayers.Feature("450305001001", "叠彩社区", 110.270, 25.2720, 110.280, 25.2810),
        GridLayers.Feature(Unit, "叠彩社区001号单元网格", 110.270, 25.2801, 110.271, 25.2810),
        GridLayers.Feature("450305001001002", "叠彩社区002号单元网格", 110.271, 25.2801, 110.272, 25.2810));

    /// <summary>The layer plus one responsibility grid over both unit grids, with nobody on it yet.</summary>
    private static string LayerWithPatrolGrid()
    {
        var layer = JsonSerializer.SerializeToNode(Layer())!.AsObject();
        layer["responsibilityGrids"] = JsonSerializer.SerializeToNode(new[]
        {
            new { code = PatrolGrid, name = "叠彩第一责任网格", units = new[] { Unit, "450305001001002" }, patrollers = Array.Empty<string>() },
        });
        return layer.ToJsonString();
    }

    /// <summary>Creates an account, signs in with the first password and sets the person's own, as the product asks.</summary>
    private async Task<HttpClient> PersonAsync(HttpClient admin, string userName, string displayName, string[] roles,
        string? departmentKey = null, string? gridScope = null)
    {
        await OkAsync(await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName, displayName, roles, departmentKey, gridScope, password = DispatchApp.Password,
        }));
        var person = await app.SignInAsync(userName);
        var gated = await ProblemAsync(await person.GetAsync("/api/cases/mine"), 403);
        Assert.Equal("password_change_required", gated.GetProperty("code").GetString());
        await OkAsync(await person.PostAsJsonAsync("/api/auth/password", new { currentPassword = DispatchApp.Password, newPassword = "Own-pass-42k" }));
        return person;
    }

    [Fact]
    public async Task An_administrator_sets_up_a_district_from_nothing_and_its_own_people_close_a_case_there()
    {
        var admin = await app.SignInAsync("admin");
        var auditedBefore = await app.QueryAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id)) ?? 0;

        // The place: grid nodes down to unit grids, and a responsibility grid over them.
        var imported = await OkAsync(await admin.SendAsync(GridLayers.Import(LayerWithPatrolGrid(), "application/geo+json")));
        Assert.Equal(1, imported.GetProperty("responsibilityGrids").GetProperty("created").GetInt32());
        var located = await DispatchApp.EventuallyAsync(
            async () => await LocateAsync(admin, Lon, Lat), r => r.StatusCode == HttpStatusCode.OK, "the new unit grid is located");
        Assert.Equal(Unit, (await OkAsync(located)).GetProperty("unitGrid").GetProperty("code").GetString());

        // The department responsible there.
        var department = await OkAsync(await admin.PostAsJsonAsync("/api/admin/departments", new
        {
            key = "dc-municipal", nameZh = "叠彩区市政管理所", nameEn = "Diecai Municipal Office", kind = "municipal",
            jurisdictionCodes = new[] { District }, contactPhone = "0773-2830000", dutyPhone = "13800001111",
        }));
        Assert.Equal("dc-municipal", department.GetProperty("key").GetString());

        // What can be reported: a new event class with one filing condition and its limit.
        var category = await OkAsync(await admin.PostAsJsonAsync("/api/categories", new
        {
            kind = "event", code = "0998", majorNameZh = "市容环境", majorNameEn = "Cityscape", nameZh = "桥栏破损",
            nameEn = "Broken bridge railing", departmentKind = "municipal",
        }));
        var categoryId = category.GetProperty("id").GetGuid();
        var condition = await OkAsync(await admin.PostAsJsonAsync($"/api/categories/{categoryId}/conditions", new
        {
            nameZh = "栏杆缺失或断裂", nameEn = "Railing missing or broken", closingStandardZh = "栏杆修复牢固", closingStandardEn = "Railing repaired",
            limit = 8, unit = "working_hours",
        }));
        var conditionId = condition.GetProperty("id").GetGuid();

        // Next year's holidays, so that deadlines near New Year count right.
        var year = await OkAsync(await admin.PutAsync("/api/calendar/years/2027", new StringContent("""
            { "timeZone": "Asia/Shanghai", "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ], "extraWorkdays": [] }
            """, Encoding.UTF8, "application/json")));
        Assert.Equal(2027, year.GetProperty("year").GetInt32());

        // The people, each setting their own password at first sign-in.
        var patroller = await PersonAsync(admin, "dc.patroller", "叠彩巡查员", ["patroller"]);
        var acceptor = await PersonAsync(admin, "dc.acceptor", "叠彩受理员", ["acceptor"], gridScope: District);
        var dispatcher = await PersonAsync(admin, "dc.dispatcher", "叠彩派遣员", ["dispatcher"], gridScope: District);
        var shiftLeader = await PersonAsync(admin, "dc.shiftleader", "叠彩值班长", ["shift-leader"], gridScope: District);
        var handler = await PersonAsync(admin, "dc.handler", "叠彩处置员", ["handler"], departmentKey: "dc-municipal");

        // The patroller walks the new grid; someone answers for it.
        var grid = (await GetJsonAsync(admin, "/api/admin/grids/responsibility")).EnumerateArray()
            .Single(g => g.GetProperty("code").GetString() == PatrolGrid);
        Assert.False(grid.GetProperty("onDuty").GetBoolean());
        var assigned = await OkAsync(await admin.PutAsJsonAsync($"/api/admin/grids/responsibility/{PatrolGrid}", new
        {
            patrollers = DistrictPatrollers, responsiblePerson = new { name = "叠彩社区网格长", phone = "0773-2831111" },
            version = grid.GetProperty("version").GetUInt32(),
        }));
        Assert.True(assigned.GetProperty("onDuty").GetBoolean());

        // One case round the loop with those people only. A new category has no routing rule yet: it waits for a dispatcher.
        var reported = await patroller.SendAsync(CaseApi.Json(new
        {
            categoryId, conditionId, longitude = Lon, latitude = Lat, description = "叠彩桥东侧栏杆断裂一段",
        }));
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var id = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Wait for the router's verdict (no rule: the manual queue), not just the state: a dispatch sent between the
        // filing and that verdict would meet a case that changed meanwhile (409), as a person would.
        var waiting = await DispatchApp.EventuallyAsync(
            () => dispatcher.GetFromJsonAsync<JsonElement>($"/api/cases/{id}"),
            c => c.GetProperty("state").GetString() == "ToDispatch" && c.GetProperty("needsManualDispatch").GetBoolean(),
            $"case {id} to wait in the manual dispatch queue");
        Assert.Equal(Unit, waiting.GetProperty("unitGrid").GetProperty("code").GetString());
        Assert.Contains("dispatch", waiting.GetProperty("allowedActions").Strings());

        await OkAsync(dispatcher, id, "dispatch", new { departmentKey = "dc-municipal", opinion = "新设区县首件" });
        var atDepartment = await handler.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal(("Dispatched", "dc-municipal"),
            (atDepartment.GetProperty("state").GetString(), atDepartment.GetProperty("department").GetProperty("key").GetString()));
        await OkAsync(handler, id, "sign");
        await OkWithPhotoAsync(handler, id, "feedback", new Dictionary<string, string> { ["opinion"] = "栏杆已焊接修复" }, CaseApi.Png);
        await OkAsync(acceptor, id, "request-check");
        var tasks = await GetJsonAsync(patroller, "/api/cases/tasks");
        Assert.Contains(id.ToString(), tasks.EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        await OkAsync(patroller, id, "check", new { passed = true, opinion = "已修复牢固" });
        var closed = await OkAsync(shiftLeader, id, "close", new { opinion = "结案" });
        Assert.Equal("Closed", closed.GetProperty("state").GetString());

        var actors = closed.GetProperty("trace").EnumerateArray()
            .Where(t => t.GetProperty("role").GetString() != "system")
            .Select(t => (t.GetProperty("action").GetString(), t.GetProperty("actor").GetString()))
            .ToList();
        Assert.Equal(
            [
                ("report", "dc.patroller"), ("dispatch", "dc.dispatcher"), ("sign", "dc.handler"), ("feedback", "dc.handler"),
                ("request-check", "dc.acceptor"), ("check", "dc.patroller"), ("close", "dc.shiftleader"),
            ],
            actors);
        Assert.Equal("栏杆修复牢固", closed.GetProperty("condition").GetProperty("closingStandardZh").GetString());

        // Every change above left one audit row, each by the administrator; nobody's password is in any of them.
        var rows = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Id > auditedBefore).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(
            [
                "grid.import", "department.create", "category.create", "condition.create", "calendar.year.set",
                "account.create", "account.create", "account.create", "account.create", "account.create", "grid.patrollers.set",
            ],
            rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal("admin", r.Actor));
        Assert.DoesNotContain(rows, r => (r.After ?? "").Contains(DispatchApp.Password, StringComparison.Ordinal));
    }
}
