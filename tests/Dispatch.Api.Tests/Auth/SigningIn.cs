using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;

namespace Dispatch.Api.Tests.Auth;

/// <summary>Whether an account exists cannot be learnt from signing in: not from the answers, not from their timing.</summary>
public sealed class SigningIn(DispatchApp app) : IClassFixture<DispatchApp>
{
    [Fact]
    public async Task An_unknown_name_and_a_wrong_password_get_the_same_answer()
    {
        var unknown = await LoginAsync("nobody-here", "Wrong-pass-1x");
        var wrong = await LoginAsync("dispatcher1", "Wrong-pass-1x");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        var a = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        var b = await wrong.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(b.GetProperty("title").GetString(), a.GetProperty("title").GetString());
        Assert.Equal(b.GetProperty("detail").GetString(), a.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_name_is_locked_after_as_many_failures_as_a_real_account()
    {
        var real = new List<HttpStatusCode>();
        var unknown = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            real.Add((await LoginAsync("dispatcher.nanmen", "Wrong-pass-1x")).StatusCode);
            unknown.Add((await LoginAsync("no-such-dispatcher", "Wrong-pass-1x")).StatusCode);
        }

        Assert.Equal(real, unknown);
        Assert.Equal((HttpStatusCode)423, unknown[^1]);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown[0]);
    }

    [Fact]
    public async Task An_unknown_name_takes_about_as_long_as_a_wrong_password()
    {
        // Warm both paths up, then compare medians: the hash of a password dominates both, so an unknown name
        // answering in a fraction of the time would tell that it does not exist.
        // Five failures lock an account (or a name), so the measurements are spread over two of each, four failures apiece.
        string[] knownNames = ["leader.xiangshan", "acceptor1"];
        string[] unknownNames = ["unknown-leader", "unknown-acceptor"];
        foreach (var name in knownNames.Concat(unknownNames))
            await LoginAsync(name, "Wrong-pass-1x");
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            known.Add(await TimeAsync(knownNames[i % 2]));
            unknown.Add(await TimeAsync(unknownNames[i % 2]));
        }

        // Before, an unknown name answered in a fortieth of the time; a loose bound keeps a loaded machine from failing it.
        var ratio = Median(unknown) / Median(known);
        Assert.True(ratio > 0.3, $"unknown names answer in {Median(unknown):0.0} ms, wrong passwords in {Median(known):0.0} ms");
    }

    [Fact]
    public async Task A_user_name_with_a_nul_character_is_refused_naming_the_field()
    {
        var response = await LoginAsync("admin\0", "x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("userName", out _));
    }

    private async Task<double> TimeAsync(string userName)
    {
        var watch = Stopwatch.StartNew();
        var response = await LoginAsync(userName, "Wrong-pass-1x");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private Task<HttpResponseMessage> LoginAsync(string userName, string password) =>
        app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName, password });
}
