using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Dispatch.Persistence.Identity;
using static Dispatch.Api.Tests.Grids.GridApi;

namespace Dispatch.Api.Tests.Grids;

/// <summary>An administrator puts patrollers and a responsible person on a responsibility grid, in a list with who is on duty.</summary>
public sealed class PatrolGridAssignments(DispatchApp app) : IClassFixture<DispatchApp>
{
    private const string Wenchang = "450304001002-01";
    private const string Binjiang = "450304001003-01";

    private static async Task<List<JsonElement>> GridsAsync(HttpClient admin) =>
        (await GetJsonAsync(admin, "/api/admin/grids/responsibility")).EnumerateArray().ToList();

    private static JsonElement Grid(List<JsonElement> grids, string code) => grids.Single(g => g.GetProperty("code").GetString() == code);

    private static string[] Names(params string[] userNames) => userNames;

    private static Task<HttpResponseMessage> PutAsync(HttpClient admin, string code, object body) =>
        admin.PutAsJsonAsync($"/api/admin/grids/responsibility/{code}", body);

    [Fact]
    public async Task The_list_shows_each_grid_with_its_patrollers_street_and_who_takes_its_tasks_when_nobody_is_on_duty()
    {
        var grids = await GridsAsync(await app.SignInAsync("admin"));

        Assert.Equal(16, grids.Count);
        var xiangbishan = Grid(grids, "450304001001-01");
        Assert.True(xiangbishan.GetProperty("onDuty").GetBoolean());
        Assert.Equal("patroller1", Assert.Single(xiangbishan.GetProperty("patrollers").EnumerateArray()).GetProperty("userName").GetString());
        Assert.Equal(("450304001", "象山街道"), (xiangbishan.GetProperty("streetCode").GetString(), xiangbishan.GetProperty("streetName").GetString()));
        Assert.Equal(110, xiangbishan.GetProperty("unitGridCodes").GetArrayLength());
        // 象山街道 has no supervisor: its empty grids fall to the shift leaders; 南门街道's to its supervisor.
        var binjiang = Grid(grids, Binjiang);
        Assert.False(binjiang.GetProperty("onDuty").GetBoolean());
        Assert.Equal("shift-leaders", binjiang.GetProperty("fallback").GetProperty("holder").GetString());
        Assert.Contains("shiftleader1", binjiang.GetProperty("fallback").GetProperty("people").EnumerateArray().Select(p => p.GetString()));
        var rongHu = Grid(grids, "450304002002-01");
        Assert.Equal("street-supervisors", rongHu.GetProperty("fallback").GetProperty("holder").GetString());
        Assert.Equal(["patroller.nanmen"], rongHu.GetProperty("fallback").GetProperty("people").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Equal(14, grids.Count(g => !g.GetProperty("onDuty").GetBoolean()));
    }

    [Fact]
    public async Task Patrollers_and_a_responsible_person_are_set_with_the_version_read_and_one_audit_row_is_written()
    {
        var admin = await app.SignInAsync("admin");
        var before = Grid(await GridsAsync(admin), Wenchang);

        var response = await PutAsync(admin, Wenchang, new
        {
            patrollers = Names("patroller1", "patroller2"),
            responsiblePerson = new { name = "王网格长", phone = "0773-2800000" },
            version = before.GetProperty("version").GetUInt32(),
        });

        var saved = await OkAsync(response);
        Assert.True(saved.GetProperty("onDuty").GetBoolean());
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("fallback").ValueKind);
        Assert.Equal(["patroller1", "patroller2"], saved.GetProperty("patrollers").EnumerateArray().Select(p => p.GetProperty("userName").GetString()!).ToArray());
        Assert.Equal("王网格长", saved.GetProperty("responsiblePerson").GetProperty("name").GetString());
        Assert.NotEqual(before.GetProperty("version").GetUInt32(), saved.GetProperty("version").GetUInt32());
        // patroller1 now walks two grids; a report in 文昌社区 is inside their grids.
        var walked = (await GetJsonAsync(admin, "/api/admin/grids/patrollers")).EnumerateArray()
            .Single(p => p.GetProperty("userName").GetString() == "patroller1").GetProperty("grids").EnumerateArray().Select(g => g.GetString()!).ToArray();
        Assert.Equal(["450304001001-01", Wenchang], walked);
        var audit = await GetJsonAsync(admin, $"/api/admin/audit?subjectType=grid&subjectKey={Wenchang}");
        var row = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal("grid.patrollers.set", row.GetProperty("action").GetString());
        Assert.Contains("王网格长", row.GetProperty("after").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_version_is_409_with_the_current_version_and_changes_nothing()
    {
        var admin = await app.SignInAsync("admin");
        var code = "450304003002-01";
        var read = Grid(await GridsAsync(admin), code).GetProperty("version").GetUInt32();
        await OkAsync(await PutAsync(admin, code, new { patrollers = Names("patroller2"), version = read }));

        var stale = await PutAsync(admin, code, new { patrollers = Names("patroller1"), version = read });

        var problem = await ProblemAsync(stale, 409);
        var current = Grid(await GridsAsync(admin), code);
        Assert.Equal(current.GetProperty("version").GetUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("currentVersion").GetString());
        Assert.Equal("patroller2", Assert.Single(current.GetProperty("patrollers").EnumerateArray()).GetProperty("userName").GetString());
    }

    [Fact]
    public async Task Bad_assignments_are_refused_naming_the_field()
    {
        var admin = await app.SignInAsync("admin");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var gone = new AppUser { UserName = "patroller.gone", DisplayName = "离职监督员" };
            Assert.True((await users.CreateAsync(gone, DispatchApp.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(gone, Roles.Patroller)).Succeeded);
            await users.SetLockoutEndDateAsync(gone, DateTimeOffset.MaxValue);
        }
        var version = Grid(await GridsAsync(admin), Binjiang).GetProperty("version").GetUInt32();

        async Task Refused(object body, string field, int status = 400)
        {
            var problem = await ProblemAsync(await PutAsync(admin, Binjiang, body), status);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }

        await Refused(new { patrollers = Names("acceptor1"), version }, "patrollers[0]");
        await Refused(new { patrollers = Names("patroller1", "nobody.here"), version }, "patrollers[1]");
        await Refused(new { patrollers = Names("patroller.gone"), version }, "patrollers[0]");
        await Refused(new { patrollers = Names("patroller1", "patroller1"), version }, "patrollers[1]");
        await Refused(new { version }, "patrollers");
        await Refused(new { patrollers = Array.Empty<string>(), responsiblePerson = new { name = " ", phone = "1" }, version }, "responsiblePerson.name");
        await Refused(new { patrollers = Array.Empty<string>(), responsiblePerson = new { name = "李", phone = "call me" }, version }, "responsiblePerson.phone");
        await Refused(new { patrollers = Array.Empty<string>() }, "version");
        var unknown = await ProblemAsync(await PutAsync(admin, "no-such-grid", new { patrollers = Array.Empty<string>(), version }), 404);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("code", out _));

        Assert.Empty(Grid(await GridsAsync(admin), Binjiang).GetProperty("patrollers").EnumerateArray());
        Assert.False(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.SubjectKey == Binjiang)));
    }

    [Fact]
    public async Task Only_an_administrator_reads_and_sets_assignments()
    {
        var leader = await app.SignInAsync("leader1");

        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/admin/grids/responsibility")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(leader, Binjiang, new { patrollers = Array.Empty<string>(), version = 1 })).StatusCode);
    }
}
