using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Grids.GridApi;

namespace Dispatch.Api.Tests.Accounts;

/// <summary>
/// An administrator creates, edits, finds, disables and resets accounts through the API alone; every change leaves
/// one audit row, and bad input changes nothing.
/// </summary>
public sealed class ManagingAccounts(DispatchApp app) : IClassFixture<DispatchApp>
{
    private const string Initial = "Start-pass-4u";

    private static object NewAccount(string userName, string[]? roles = null, string? departmentKey = null, string? gridScope = null,
        string? displayName = "新账号", string? password = Initial, string? phone = null) =>
        new { userName, displayName, roles = roles ?? ["patroller"], departmentKey, gridScope, phone, password };

    private static readonly string[] Dispatcher = ["dispatcher"];
    private static readonly string[] DispatcherAndShiftLeader = ["dispatcher", "shift-leader"];
    private static readonly string[] Handler = ["handler"];
    private static readonly string[] Patroller = ["patroller"];
    private static readonly string[] XiangshanStreet = ["450304001"];
    private static readonly string[] HandlerAndMayor = ["handler", "mayor"];

    private static async Task<JsonElement> CreateAsync(HttpClient admin, object account)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/users", account);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await OkAsync(response);
    }

    private Task<List<string>> AuditRowsAsync(string userName) =>
        app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.SubjectType == "account" && e.SubjectKey == userName)
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    private async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in of {userName}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    [Fact]
    public async Task A_created_account_signs_in_must_set_its_own_password_and_then_works()
    {
        var admin = await app.SignInAsync("admin");

        var created = await CreateAsync(admin, NewAccount("patroller.new", phone: "0773-1234567"));

        Assert.Equal("patroller.new", created.GetProperty("userName").GetString());
        Assert.Equal(["patroller"], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal("0773-1234567", created.GetProperty("phone").GetString());
        Assert.True(created.GetProperty("passwordChangeRequired").GetBoolean());
        Assert.False(string.IsNullOrEmpty(created.GetProperty("version").GetString()));
        Assert.Equal(["account.create"], await AuditRowsAsync("patroller.new"));

        var person = await SignInAsync("patroller.new", Initial);
        var me = await GetJsonAsync(person, "/api/auth/me");
        Assert.True(me.GetProperty("passwordChangeRequired").GetBoolean());
        var gated = await ProblemAsync(await person.GetAsync("/api/cases/mine"), 403);
        Assert.Equal("password_change_required", gated.GetProperty("code").GetString());

        var changed = await OkAsync(await person.PostAsJsonAsync("/api/auth/password", new { currentPassword = Initial, newPassword = "Own-pass-77x" }));

        Assert.False(changed.GetProperty("passwordChangeRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/cases/mine")).StatusCode);
        Assert.False((await GetJsonAsync(person, "/api/auth/me")).GetProperty("passwordChangeRequired").GetBoolean());
        await SignInAsync("patroller.new", "Own-pass-77x");
        var refused = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "patroller.new", password = Initial });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Changing_ones_password_ends_the_other_sessions_and_checks_the_current_one_and_the_policy()
    {
        var admin = await app.SignInAsync("admin");
        await CreateAsync(admin, NewAccount("acceptor.new", ["acceptor"]));
        var phone = await SignInAsync("acceptor.new", Initial);
        var desk = await SignInAsync("acceptor.new", Initial);

        var wrong = await ProblemAsync(await desk.PostAsJsonAsync("/api/auth/password", new { currentPassword = "Not-it-99a", newPassword = "Own-pass-77x" }), 400);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("currentPassword", out _));
        var weak = await ProblemAsync(await desk.PostAsJsonAsync("/api/auth/password", new { currentPassword = Initial, newPassword = "short" }), 400);
        Assert.True(weak.GetProperty("errors").TryGetProperty("newPassword", out _));
        var same = await ProblemAsync(await desk.PostAsJsonAsync("/api/auth/password", new { currentPassword = Initial, newPassword = Initial }), 400);
        Assert.True(same.GetProperty("errors").TryGetProperty("newPassword", out _));
        Assert.True((await GetJsonAsync(desk, "/api/auth/me")).GetProperty("passwordChangeRequired").GetBoolean());

        await OkAsync(await desk.PostAsJsonAsync("/api/auth/password", new { currentPassword = Initial, newPassword = "Own-pass-77x" }));

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_reset_sets_a_temporary_password_shown_once_that_must_be_replaced()
    {
        var admin = await app.SignInAsync("admin");
        await CreateAsync(admin, NewAccount("patroller.reset"));
        var person = await SignInAsync("patroller.reset", Initial);
        await OkAsync(await person.PostAsJsonAsync("/api/auth/password", new { currentPassword = Initial, newPassword = "Own-pass-77x" }));

        var reset = await OkAsync(await admin.PutAsJsonAsync("/api/admin/users/patroller.reset/password", new { }));

        var temporary = reset.GetProperty("temporaryPassword").GetString()!;
        Assert.Matches("^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$", temporary);
        Assert.True(reset.GetProperty("account").GetProperty("passwordChangeRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/api/auth/me")).StatusCode);
        var again = await SignInAsync("patroller.reset", temporary);
        Assert.True((await GetJsonAsync(again, "/api/auth/me")).GetProperty("passwordChangeRequired").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/categories")).StatusCode);
        var rows = await app.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectKey == "patroller.reset" && e.Action == "account.password-reset").ToListAsync());
        var row = Assert.Single(rows);
        Assert.DoesNotContain(temporary, row.After!, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", row.After!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_edit_from_the_current_version_replaces_the_fields_and_a_stale_one_gets_409_with_the_account_as_it_is()
    {
        var admin = await app.SignInAsync("admin");
        var created = await CreateAsync(admin, NewAccount("dispatcher.edit", ["dispatcher"]));
        var version = created.GetProperty("version").GetString();

        var edited = await OkAsync(await admin.PutAsJsonAsync("/api/admin/users/dispatcher.edit", new
        {
            displayName = "象山街道派遣员", roles = DispatcherAndShiftLeader, gridScope = "450304001", phone = "13800000000", version,
        }));

        Assert.Equal("象山街道派遣员", edited.GetProperty("displayName").GetString());
        Assert.Equal(["dispatcher", "shift-leader"], edited.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal("450304001", edited.GetProperty("gridScope").GetString());
        Assert.NotEqual(version, edited.GetProperty("version").GetString());
        var audit = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.SubjectKey == "dispatcher.edit" && e.Action == "account.edit"));
        Assert.Contains("新账号", audit.Before!, StringComparison.Ordinal);
        Assert.Contains("象山街道派遣员", audit.After!, StringComparison.Ordinal);

        var stale = await ProblemAsync(await admin.PutAsJsonAsync("/api/admin/users/dispatcher.edit", new
        {
            displayName = "别的名字", roles = Dispatcher, version,
        }), 409);

        Assert.Equal(edited.GetProperty("version").GetString(), stale.GetProperty("currentVersion").GetString());
        Assert.Equal("象山街道派遣员", stale.GetProperty("current").GetProperty("displayName").GetString());
        Assert.True(stale.GetProperty("errors").TryGetProperty("version", out _));
        var missing = await ProblemAsync(await admin.PutAsJsonAsync("/api/admin/users/dispatcher.edit", new { displayName = "x", roles = Dispatcher }), 400);
        Assert.True(missing.GetProperty("errors").TryGetProperty("version", out _));
        Assert.Equal("象山街道派遣员", await app.QueryAsync(db => db.Users.Where(u => u.UserName == "dispatcher.edit").Select(u => u.DisplayName).SingleAsync()));
        Assert.Equal(404, (int)(await admin.PutAsJsonAsync("/api/admin/users/nobody.here", new { displayName = "x", roles = Dispatcher, version })).StatusCode);
    }

    [Fact]
    public async Task The_list_searches_names_filters_by_role_department_and_state_and_pages()
    {
        var admin = await app.SignInAsync("admin");

        var byName = await GetJsonAsync(admin, "/api/admin/users?q=NANMEN");
        Assert.Contains("dispatcher.nanmen", byName.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("userName").GetString()));
        var byDisplayName = await GetJsonAsync(admin, $"/api/admin/users?q={Uri.EscapeDataString("象山街道分管")}");
        Assert.Equal("leader.xiangshan", Assert.Single(byDisplayName.GetProperty("items").EnumerateArray()).GetProperty("userName").GetString());
        var handlers = await GetJsonAsync(admin, "/api/admin/users?role=handler&pageSize=200");
        Assert.All(handlers.GetProperty("items").EnumerateArray(), a => Assert.Contains("handler", a.GetProperty("roles").EnumerateArray().Select(r => r.GetString())));
        Assert.True(handlers.GetProperty("total").GetInt32() > 2);
        var department = await GetJsonAsync(admin, "/api/admin/users?department=xs-traffic");
        Assert.Equal("handler.xs-traffic", Assert.Single(department.GetProperty("items").EnumerateArray()).GetProperty("userName").GetString());

        var first = await GetJsonAsync(admin, "/api/admin/users?role=handler&pageSize=2&page=1");
        var second = await GetJsonAsync(admin, "/api/admin/users?role=handler&pageSize=2&page=2");
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(handlers.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
        var pages = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(a => a.GetProperty("userName").GetString()!).ToList();
        Assert.Equal(handlers.GetProperty("items").EnumerateArray().Take(4).Select(a => a.GetProperty("userName").GetString()!).ToList(), pages);

        await CreateAsync(admin, NewAccount("patroller.off"));
        await OkAsync(await admin.PutAsJsonAsync("/api/admin/users/patroller.off/disabled", new { disabled = true }));
        var disabled = await GetJsonAsync(admin, "/api/admin/users?disabled=true");
        Assert.Contains("patroller.off", disabled.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("userName").GetString()));
        Assert.All(disabled.GetProperty("items").EnumerateArray(), a => Assert.True(a.GetProperty("disabled").GetBoolean()));
        var enabled = await GetJsonAsync(admin, "/api/admin/users?disabled=false&pageSize=200");
        Assert.DoesNotContain("patroller.off", enabled.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("userName").GetString()));
    }

    [Theory]
    [InlineData("role=mayor", "role")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task A_bad_list_filter_is_refused_naming_the_parameter(string query, string parameter)
    {
        var response = await (await app.SignInAsync("admin")).GetAsync($"/api/admin/users?{query}");

        Assert.True((await ProblemAsync(response, 400)).GetProperty("errors").TryGetProperty(parameter, out _));
    }

    public static TheoryData<string, string, int, string> BadAccounts => new()
    {
        // what, body, status, the field named
        { "an unknown role", """{"userName":"x.role","displayName":"甲","roles":["mayor"],"password":"Start-pass-4u"}""", 400, "roles" },
        { "no role", """{"userName":"x.norole","displayName":"甲","roles":[],"password":"Start-pass-4u"}""", 400, "roles" },
        { "a space in the user name", """{"userName":"bad name","displayName":"甲","roles":["patroller"],"password":"Start-pass-4u"}""", 400, "userName" },
        { "a Chinese user name", """{"userName":"张三","displayName":"甲","roles":["patroller"],"password":"Start-pass-4u"}""", 400, "userName" },
        { "a user name too long", $$"""{"userName":"{{new string('a', 65)}}","displayName":"甲","roles":["patroller"],"password":"Start-pass-4u"}""", 400, "userName" },
        { "no display name", """{"userName":"x.noname","displayName":"  ","roles":["patroller"],"password":"Start-pass-4u"}""", 400, "displayName" },
        { "a display name too long", $$"""{"userName":"x.long","displayName":"{{new string('长', 65)}}","roles":["patroller"],"password":"Start-pass-4u"}""", 400, "displayName" },
        { "a short password", """{"userName":"x.short","displayName":"甲","roles":["patroller"],"password":"Sh0rt"}""", 400, "password" },
        { "a password without upper case", """{"userName":"x.lower","displayName":"甲","roles":["patroller"],"password":"all-lower-9a"}""", 400, "password" },
        { "a password without a digit", """{"userName":"x.digit","displayName":"甲","roles":["patroller"],"password":"No-Digits-here"}""", 400, "password" },
        { "no password", """{"userName":"x.nopass","displayName":"甲","roles":["patroller"]}""", 400, "password" },
        { "a phone with letters", """{"userName":"x.phone","displayName":"甲","roles":["patroller"],"phone":"call me","password":"Start-pass-4u"}""", 400, "phone" },
        { "a phone too long", $$"""{"userName":"x.phone2","displayName":"甲","roles":["patroller"],"phone":"{{new string('1', 33)}}","password":"Start-pass-4u"}""", 400, "phone" },
        { "a malformed grid scope", """{"userName":"x.grid","displayName":"甲","roles":["dispatcher"],"gridScope":"45030","password":"Start-pass-4u"}""", 400, "gridScope" },
        { "a grid scope no node has", """{"userName":"x.grid2","displayName":"甲","roles":["dispatcher"],"gridScope":"450304999","password":"Start-pass-4u"}""", 422, "gridScope" },
        { "a community scope on a patroller", """{"userName":"x.grid3","displayName":"甲","roles":["patroller"],"gridScope":"450304002001","password":"Start-pass-4u"}""", 422, "gridScope" },
        { "a district scope on a patroller", """{"userName":"x.grid4","displayName":"甲","roles":["patroller"],"gridScope":"450304","password":"Start-pass-4u"}""", 422, "gridScope" },
        { "a grid scope on a handler", """{"userName":"x.grid5","displayName":"甲","roles":["handler"],"departmentKey":"xs-traffic","gridScope":"450304002","password":"Start-pass-4u"}""", 422, "gridScope" },
        { "an unknown department", """{"userName":"x.dept","displayName":"甲","roles":["handler"],"departmentKey":"no-such-dept","password":"Start-pass-4u"}""", 422, "departmentKey" },
        { "a handler without a department", """{"userName":"x.dept2","displayName":"甲","roles":["handler"],"password":"Start-pass-4u"}""", 422, "departmentKey" },
        { "a department on a patroller", """{"userName":"x.dept3","displayName":"甲","roles":["patroller"],"departmentKey":"xs-traffic","password":"Start-pass-4u"}""", 422, "departmentKey" },
        { "a user name taken", """{"userName":"admin","displayName":"甲","roles":["patroller"],"password":"Start-pass-4u"}""", 409, "userName" },
        { "a user name taken in another case", """{"userName":"ADMIN","displayName":"甲","roles":["patroller"],"password":"Start-pass-4u"}""", 409, "userName" },
        { "roles that are not a list", """{"userName":"x.type","displayName":"甲","roles":"patroller","password":"Start-pass-4u"}""", 400, "" },
    };

    [Theory]
    [MemberData(nameof(BadAccounts))]
    public async Task A_bad_new_account_is_refused_naming_the_field_and_nothing_is_written(string what, string body, int status, string field)
    {
        var admin = await app.SignInAsync("admin");
        var users = await app.QueryAsync(db => db.Users.CountAsync());
        var rows = await app.QueryAsync(db => db.AuditEntries.CountAsync());

        var response = await admin.PostAsync("/api/admin/users", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, status);
        if (field.Length > 0)
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{what}: {problem}");
        Assert.Equal(users, await app.QueryAsync(db => db.Users.CountAsync()));
        Assert.Equal(rows, await app.QueryAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task A_bad_edit_is_refused_naming_the_field_and_changes_nothing()
    {
        var admin = await app.SignInAsync("admin");
        var created = await CreateAsync(admin, NewAccount("handler.edit", ["handler"], departmentKey: "xs-traffic"));
        var version = created.GetProperty("version").GetString();

        foreach (var (body, status, field) in new (object, int, string)[]
                 {
                     (new { displayName = "甲", roles = HandlerAndMayor, departmentKey = "xs-traffic", version }, 400, "roles"),
                     (new { displayName = "甲", roles = Handler, departmentKey = "no-such-dept", version }, 422, "departmentKey"),
                     (new { displayName = "甲", roles = Handler, departmentKey = (string?)null, version }, 422, "departmentKey"),
                     (new { displayName = new string('长', 65), roles = Handler, departmentKey = "xs-traffic", version }, 400, "displayName"),
                 })
        {
            var problem = await ProblemAsync(await admin.PutAsJsonAsync("/api/admin/users/handler.edit", body), status);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
        var stored = await app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "handler.edit"));
        Assert.Equal(("新账号", "xs-traffic", version), (stored.DisplayName, stored.DepartmentKey, stored.ConcurrencyStamp));
        Assert.Equal(["account.create"], await AuditRowsAsync("handler.edit"));
    }

    [Fact]
    public async Task A_patroller_takes_a_street_as_its_scope_on_create_and_edit_and_no_other_level()
    {
        var admin = await app.SignInAsync("admin");

        var created = await CreateAsync(admin, NewAccount("patroller.street", gridScope: "450304001"));

        Assert.Equal("450304001", created.GetProperty("gridScope").GetString());
        var version = created.GetProperty("version").GetString();
        var community = await ProblemAsync(await admin.PutAsJsonAsync("/api/admin/users/patroller.street",
            new { displayName = "新账号", roles = Patroller, gridScope = "450304001001", version }), 422);
        var message = community.GetProperty("errors").GetProperty("gridScope")[0].GetString()!;
        Assert.Contains("street", message, StringComparison.Ordinal);
        Assert.Contains("450304001001", message, StringComparison.Ordinal);
        Assert.Equal("450304001", await app.QueryAsync(db => db.Users.Where(u => u.UserName == "patroller.street").Select(u => u.GridScope).SingleAsync()));

        var moved = await OkAsync(await admin.PutAsJsonAsync("/api/admin/users/patroller.street",
            new { displayName = "新账号", roles = Patroller, gridScope = "450304002", version }));

        Assert.Equal("450304002", moved.GetProperty("gridScope").GetString());
        Assert.Equal(["account.create", "account.edit"], await AuditRowsAsync("patroller.street"));
    }

    [Fact]
    public async Task A_retired_department_is_refused_for_a_new_account_and_an_edit()
    {
        var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/departments", new
        {
            key = "xs-retired-team", nameZh = "象山区已撤销班组", nameEn = "Xiangshan Retired Team", kind = "unit",
            jurisdictionCodes = XiangshanStreet, contactPhone = "0773-2825000", dutyPhone = "13800000000",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/admin/departments/xs-retired-team/retire", null)).StatusCode);
        var users = await app.QueryAsync(db => db.Users.CountAsync());

        var refused = await ProblemAsync(await admin.PostAsJsonAsync("/api/admin/users",
            NewAccount("handler.retired", Handler, departmentKey: "xs-retired-team")), 422);

        Assert.Contains("retired", refused.GetProperty("errors").GetProperty("departmentKey")[0].GetString()!, StringComparison.Ordinal);
        Assert.Equal(users, await app.QueryAsync(db => db.Users.CountAsync()));

        var created = await CreateAsync(admin, NewAccount("handler.moving", Handler, departmentKey: "xs-traffic"));
        var edit = await ProblemAsync(await admin.PutAsJsonAsync("/api/admin/users/handler.moving", new
        {
            displayName = "新账号", roles = Handler, departmentKey = "xs-retired-team", version = created.GetProperty("version").GetString(),
        }), 422);

        Assert.True(edit.GetProperty("errors").TryGetProperty("departmentKey", out _), edit.ToString());
        Assert.Equal("xs-traffic", await app.QueryAsync(db => db.Users.Where(u => u.UserName == "handler.moving").Select(u => u.DepartmentKey).SingleAsync()));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_enabling_it_lifts_the_lockout()
    {
        var admin = await app.SignInAsync("admin");
        await CreateAsync(admin, NewAccount("patroller.locked"));
        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
            statuses.Add((int)(await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "patroller.locked", password = "Wrong-pass-1x" })).StatusCode);

        Assert.Equal([401, 401, 401, 401, 423], statuses);
        var locked = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "patroller.locked", password = Initial });
        var problem = await ProblemAsync(locked, 423);
        Assert.Equal("account_locked", problem.GetProperty("code").GetString());
        var listed = Assert.Single((await GetJsonAsync(admin, "/api/admin/users?q=patroller.locked")).GetProperty("items").EnumerateArray());
        Assert.True(listed.GetProperty("lockedOut").GetBoolean());
        Assert.False(listed.GetProperty("disabled").GetBoolean());
        Assert.True(listed.GetProperty("lockedUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(14));

        var unlocked = await OkAsync(await admin.PutAsJsonAsync("/api/admin/users/patroller.locked/disabled", new { disabled = false }));

        Assert.False(unlocked.GetProperty("lockedOut").GetBoolean());
        await SignInAsync("patroller.locked", Initial);
        Assert.Equal(["account.create", "account.disabled"], await AuditRowsAsync("patroller.locked"));
    }

    [Fact]
    public async Task The_demo_password_meets_the_policy_and_signing_in_is_recorded_without_changing_the_version()
    {
        var admin = await app.SignInAsync("admin");
        var before = Assert.Single((await GetJsonAsync(admin, "/api/admin/users?q=patroller2")).GetProperty("items").EnumerateArray());

        await app.SignInAsync("patroller2");

        var after = Assert.Single((await GetJsonAsync(admin, "/api/admin/users?q=patroller2")).GetProperty("items").EnumerateArray());
        Assert.Equal(before.GetProperty("version").GetString(), after.GetProperty("version").GetString());
        Assert.True(after.GetProperty("lastSignInAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.False(after.GetProperty("passwordChangeRequired").GetBoolean());
    }
}
