using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Tests.Hosting;

/// <summary>
/// State-changing requests and the hub accept only the product's own pages: a signed-in browser tricked by a hostile
/// page into sending a request gets 403 problem+json, and nothing is stored or joined.
/// </summary>
public sealed class CrossSiteRequests(DispatchApp app) : IClassFixture<DispatchApp>
{
    private const string Hostile = "https://evil.example";

    [Fact]
    public async Task A_report_from_a_hostile_origin_is_refused_and_nothing_is_stored()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var before = await app.QueryAsync(db => db.Cases.CountAsync());
        var request = CaseApi.Multipart(categoryId, "cross-site", ("a.png", CaseApi.Png));
        request.Headers.Add("Origin", Hostile);

        var response = await patroller.SendAsync(request);

        await AssertRefusedAsync(response);
        Assert.Equal(before, await app.QueryAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task A_cross_site_fetch_without_an_origin_is_refused_too()
    {
        var patroller = await app.SignInAsync("patroller1");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        await AssertRefusedAsync(await patroller.SendAsync(request));
        Assert.Equal(HttpStatusCode.OK, (await patroller.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task The_products_own_origin_is_accepted_and_reading_is_never_refused()
    {
        var patroller = await app.SignInAsync("patroller1");
        var (categoryId, _) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var own = CaseApi.Multipart(categoryId, "same origin", ("a.png", CaseApi.Png));
        own.Headers.Add("Origin", "http://localhost");
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        var read = new HttpRequestMessage(HttpMethod.Get, "/api/cases/mine");
        read.Headers.Add("Origin", Hostile);

        Assert.Equal(HttpStatusCode.Created, (await patroller.SendAsync(own)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await patroller.SendAsync(read)).StatusCode);
    }

    [Fact]
    public async Task The_hub_refuses_a_negotiation_and_a_websocket_from_a_hostile_origin()
    {
        var cookie = await SignInCookieAsync("dispatcher1");
        var client = app.CreateClient(new() { HandleCookies = false });
        var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/board/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Cookie", cookie);
        negotiate.Headers.Add("Origin", Hostile);

        await AssertRefusedAsync(await client.SendAsync(negotiate));

        var hostile = app.Server.CreateWebSocketClient();
        hostile.ConfigureRequest = r => { r.Headers["Cookie"] = cookie; r.Headers.Origin = Hostile; };
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => hostile.ConnectAsync(new Uri(app.Server.BaseAddress, "hubs/board"), CancellationToken.None));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);

        // The same socket from the product's own page opens: the origin, not the socket, was refused.
        var own = app.Server.CreateWebSocketClient();
        own.ConfigureRequest = r => { r.Headers["Cookie"] = cookie; r.Headers.Origin = "http://localhost"; };
        using var socket = await own.ConnectAsync(new Uri(app.Server.BaseAddress, "hubs/board"), CancellationToken.None);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, socket.State);
    }

    private async Task<string> SignInCookieAsync(string userName)
    {
        var client = app.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = DispatchApp.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dispatch.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("Origin", out _), problem.ToString());
    }
}
