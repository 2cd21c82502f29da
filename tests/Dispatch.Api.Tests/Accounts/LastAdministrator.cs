using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Grids.GridApi;

namespace Dispatch.Api.Tests.Accounts;

/// <summary>However the changes come, one enabled administrator always remains.</summary>
public sealed class LastAdministrator(DispatchApp app) : IClassFixture<DispatchApp>
{
    private static readonly string[] Admin = ["admin"];
    private static readonly string[] Leader = ["leader"];

    private static async Task<JsonElement> AccountAsync(HttpClient admin, string userName) =>
        Assert.Single((await GetJsonAsync(admin, $"/api/admin/users?q={userName}")).GetProperty("items").EnumerateArray(),
            a => a.GetProperty("userName").GetString() == userName);

    private async Task<HttpClient> SecondAdministratorAsync(HttpClient admin, string userName)
    {
        var created = await admin.PostAsJsonAsync("/api/admin/users",
            new { userName, displayName = "第二管理员", roles = Admin, password = "Start-pass-4u" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "Start-pass-4u" })).StatusCode);
        await OkAsync(await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = "Start-pass-4u", newPassword = "Own-pass-77x" }));
        return client;
    }

    [Fact]
    public async Task The_only_administrator_cannot_take_the_role_from_themselves_nor_disable_themselves()
    {
        var admin = await app.SignInAsync("admin");
        var me = await AccountAsync(admin, "admin");

        var demote = await admin.PutAsJsonAsync("/api/admin/users/admin",
            new { displayName = "系统管理员", roles = Leader, version = me.GetProperty("version").GetString() });
        var disable = await admin.PutAsJsonAsync("/api/admin/users/admin/disabled", new { disabled = true });

        Assert.True((await ProblemAsync(demote, 422)).GetProperty("errors").TryGetProperty("roles", out _));
        Assert.True((await ProblemAsync(disable, 422)).GetProperty("errors").TryGetProperty("disabled", out _));
        Assert.Contains("admin", (await AccountAsync(admin, "admin")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(0, await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectKey == "admin")));
    }

    [Fact]
    public async Task An_administrator_demoted_a_moment_ago_cannot_disable_the_last_one()
    {
        var admin = await app.SignInAsync("admin");
        var second = await SecondAdministratorAsync(admin, "admin.second");
        var account = await AccountAsync(admin, "admin.second");

        // admin takes the role from admin.second, whose open session still holds it until its claims are next rebuilt.
        await OkAsync(await admin.PutAsJsonAsync("/api/admin/users/admin.second",
            new { displayName = "第二管理员", roles = Leader, version = account.GetProperty("version").GetString() }));
        var refused = await second.PutAsJsonAsync("/api/admin/users/admin/disabled", new { disabled = true });

        var problem = await ProblemAsync(refused, 422);
        Assert.True(problem.GetProperty("errors").TryGetProperty("disabled", out _));
        Assert.Contains("last", problem.GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.False((await AccountAsync(admin, "admin")).GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task With_a_second_administrator_one_may_be_disabled_and_enabled_again()
    {
        var admin = await app.SignInAsync("admin");
        await SecondAdministratorAsync(admin, "admin.third");

        var disabled = await OkAsync(await admin.PutAsJsonAsync("/api/admin/users/admin.third/disabled", new { disabled = true }));
        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        var enabled = await OkAsync(await admin.PutAsJsonAsync("/api/admin/users/admin.third/disabled", new { disabled = false }));
        Assert.False(enabled.GetProperty("disabled").GetBoolean());
        // Left disabled: the other tests of this class count on "admin" being the only enabled administrator.
        await OkAsync(await admin.PutAsJsonAsync("/api/admin/users/admin.third/disabled", new { disabled = true }));
    }
}
