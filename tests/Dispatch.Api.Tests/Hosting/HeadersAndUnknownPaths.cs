using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;

namespace Dispatch.Api.Tests.Hosting;

/// <summary>Every answer carries the security headers; paths nothing serves answer 404 problem+json (401 signed out), never a page.</summary>
public sealed class HeadersAndUnknownPaths(DispatchApp app) : IClassFixture<DispatchApp>
{
    [Theory]
    [InlineData("/api/nonexistent")]
    [InlineData("/api/cases/abc")]
    [InlineData("/api/cases/00000000-0000-0000-0000-000000000001/photos/abc")]
    [InlineData("/api")]
    public async Task An_unknown_api_path_is_404_problem_signed_in_and_401_signed_out(string path)
    {
        var signedIn = await app.SignInAsync("leader1");

        var found = await signedIn.GetAsync(path);
        var stranger = await app.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, found.StatusCode);
        Assert.Equal("application/problem+json", found.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Equal("application/problem+json", stranger.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_answers_are_never_stored_framed_sniffed_or_run()
    {
        var signedIn = await app.SignInAsync("leader1");

        var response = await signedIn.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "no-store on API answers");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Pages_get_the_frontends_policy_and_errors_keep_the_headers()
    {
        var page = await app.Anonymous().GetAsync("/some/client/route");
        var refused = await app.Anonymous().GetAsync("/api/boards/command");

        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("nosniff", refused.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(refused.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Text_with_control_characters_in_a_query_or_path_is_refused_naming_it()
    {
        var signedIn = await app.SignInAsync("leader1");

        var query = await signedIn.GetAsync("/api/boards/command?grid=4503%00");
        var path = await signedIn.GetAsync("/api/grids/4503%01");

        await AssertFieldAsync(query, "grid");
        await AssertFieldAsync(path, "path");
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
