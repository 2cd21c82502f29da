using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Grids.GridApi;

namespace Dispatch.Api.Tests.Accounts;

/// <summary>Administrators list the accounts and scope command-centre accounts to a grid subtree.</summary>
public sealed class AccountApi(DispatchApp app) : IClassFixture<DispatchApp>
{
    private static Task<HttpResponseMessage> PutScopeAsync(HttpClient client, string userName, string? gridScope) =>
        client.PutAsJsonAsync($"/api/admin/users/{userName}/grid-scope", new { gridScope });

    private Task<string?> StoredScopeAsync(string userName) =>
        app.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.GridScope).SingleAsync());

    [Fact]
    public async Task An_administrator_lists_every_account_with_roles_department_and_grid_scope()
    {
        var accounts = await GetJsonAsync(await app.SignInAsync("admin"), "/api/admin/users?pageSize=200");
        Assert.Equal(accounts.GetProperty("total").GetInt32(), accounts.GetProperty("items").GetArrayLength());
        var byName = accounts.GetProperty("items").EnumerateArray().ToDictionary(a => a.GetProperty("userName").GetString()!);

        Assert.Equal("450304002", byName["dispatcher.nanmen"].GetProperty("gridScope").GetString());
        Assert.Equal(["dispatcher"], byName["dispatcher.nanmen"].GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal("xs-traffic", byName["handler.xs-traffic"].GetProperty("departmentKey").GetString());
        Assert.Equal(JsonValueKind.Null, byName["leader1"].GetProperty("gridScope").ValueKind);
        var names = byName.Keys.ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task Only_an_administrator_may_see_or_change_accounts()
    {
        var leader = await app.SignInAsync("leader1");

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutScopeAsync(leader, "leader1", null)).StatusCode);
        Assert.Null(await StoredScopeAsync("leader1"));
    }

    [Fact]
    public async Task A_scope_set_by_the_administrator_bounds_the_account_from_its_next_sign_in_and_can_be_lifted()
    {
        var admin = await app.SignInAsync("admin");

        var set = await OkAsync(await PutScopeAsync(admin, "shiftleader1", "450304003001"));
        Assert.Equal("450304003001", set.GetProperty("gridScope").GetString());
        var scoped = await app.SignInAsync("shiftleader1");
        Assert.Equal("450304003001", (await GetJsonAsync(scoped, "/api/auth/me")).GetProperty("gridScope").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await scoped.GetAsync("/api/boards/command?grid=450304002")).StatusCode);

        var lifted = await OkAsync(await PutScopeAsync(admin, "shiftleader1", null));
        Assert.Equal(JsonValueKind.Null, lifted.GetProperty("gridScope").ValueKind);
        var whole = await app.SignInAsync("shiftleader1");
        Assert.Equal(HttpStatusCode.OK, (await whole.GetAsync("/api/boards/command?grid=450304002")).StatusCode);
        Assert.Null(await StoredScopeAsync("shiftleader1"));
    }

    public static TheoryData<string, string, string, int, string> BadRequests => new()
    {
        // what, account, body, status, what the answer names
        { "a malformed code", "dispatcher1", """{"gridScope":"45030"}""", 400, "gridScope" },
        { "a code no grid node has", "dispatcher1", """{"gridScope":"450304999"}""", 422, "450304999" },
        { "an account without a command-centre role", "handler.xs-traffic", """{"gridScope":"450304002"}""", 422, "command-centre" },
        { "a community on a patroller", "patroller1", """{"gridScope":"450304002001"}""", 422, "street" },
        { "a district on a patroller", "patroller1", """{"gridScope":"450304"}""", 422, "patroller1" },
        { "a body that is not JSON", "dispatcher1", """{"gridScope":""", 400, "" },
        { "no body", "dispatcher1", "", 400, "gridScope" },
        { "an unknown account", "nobody", """{"gridScope":"450304002"}""", 404, "nobody" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_scope_request_is_refused_with_a_problem_naming_it_and_changes_nothing(
        string what, string userName, string body, int status, string named)
    {
        var admin = await app.SignInAsync("admin");
        var before = await app.QueryAsync(db => db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => u.UserName + "=" + u.GridScope).ToListAsync());

        var response = await admin.PutAsync($"/api/admin/users/{userName}/grid-scope",
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True((int)response.StatusCode == status, $"{what}: expected {status}, got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.QueryAsync(db => db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => u.UserName + "=" + u.GridScope).ToListAsync()));
    }
}
