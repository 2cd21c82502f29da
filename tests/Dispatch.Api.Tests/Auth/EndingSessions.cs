using System.Net;
using System.Net.Http.Json;
using Dispatch.Testing;

namespace Dispatch.Api.Tests.Auth;

/// <summary>
/// A session ends on the server: a cookie issued before a sign-out, a password reset or disabling the account is
/// refused afterwards, even when someone kept a copy of it.
/// </summary>
public sealed class EndingSessions(DispatchApp app) : IClassFixture<DispatchApp>
{
    [Fact]
    public async Task After_sign_out_the_same_cookie_is_refused()
    {
        var cookie = await SignInCookieAsync("acceptor1");
        var otherDevice = await SignInCookieAsync("acceptor1");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(cookie));

        var logout = await SendAsync(HttpMethod.Post, "/api/auth/logout", cookie);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(cookie));
        // The stamp is the account's: signing out ends its sessions on every device.
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(otherDevice));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(await SignInCookieAsync("acceptor1")));
    }

    [Fact]
    public async Task A_password_reset_by_an_administrator_ends_the_accounts_sessions()
    {
        var cookie = await SignInCookieAsync("patroller2");
        var admin = await app.SignInAsync("admin");

        var reset = await admin.PutAsJsonAsync("/api/admin/users/patroller2/password", new { password = "New-pass-7b" });

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/auth/login",
            new { userName = "patroller2", password = DispatchApp.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(await SignInCookieAsync("patroller2", "New-pass-7b")));
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_naming_the_field()
    {
        var admin = await app.SignInAsync("admin");

        var reset = await admin.PutAsJsonAsync("/api/admin/users/leader1/password", new { password = "abc" });

        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        Assert.Equal("application/problem+json", reset.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"password\"", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().PostAsJsonAsync("/api/auth/login",
            new { userName = "leader1", password = DispatchApp.Password })).StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_and_refuses_its_sign_in_until_enabled()
    {
        var cookie = await SignInCookieAsync("shiftleader1");
        var admin = await app.SignInAsync("admin");

        var disabled = await admin.PutAsJsonAsync("/api/admin/users/shiftleader1/disabled", new { disabled = true });

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(cookie));
        var refused = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "shiftleader1", password = DispatchApp.Password });
        Assert.Equal((HttpStatusCode)423, refused.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/users/shiftleader1/disabled", new { disabled = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(await SignInCookieAsync("shiftleader1")));
    }

    [Fact]
    public async Task An_administrator_cannot_disable_their_own_account()
    {
        var admin = await app.SignInAsync("admin");

        var response = await admin.PutAsJsonAsync("/api/admin/users/admin/disabled", new { disabled = true });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/auth/me")).StatusCode);
    }

    private async Task<string> SignInCookieAsync(string userName, string password = DispatchApp.Password)
    {
        var client = app.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dispatch.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    private async Task<HttpStatusCode> MeAsync(string cookie) => (await SendAsync(HttpMethod.Get, "/api/auth/me", cookie)).StatusCode;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string cookie)
    {
        var client = app.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
