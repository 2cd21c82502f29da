using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dispatch.Api.Tests.Hosting;

/// <summary>The OpenAPI document and the interactive reference page over it, both open without signing in.</summary>
public sealed class ApiReference(DispatchApp app) : IClassFixture<DispatchApp>
{
    [Fact]
    public async Task The_scalar_page_is_html_that_loads_the_openapi_document_with_scripts_served_by_the_host()
    {
        // As a browser does: /scalar sends it on to /scalar/, whose page loads its assets relative to itself.
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true });

        var page = await browser.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<title>Dispatch API</title>", html, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"scalar.js\">", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
        var script = await browser.GetAsync(new Uri(page.RequestMessage!.RequestUri!, "scalar.js"));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.NotEmpty(await script.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_case_endpoints()
    {
        var doc = await app.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/cases", out _));
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/cases/{id}", out _));
    }
}
