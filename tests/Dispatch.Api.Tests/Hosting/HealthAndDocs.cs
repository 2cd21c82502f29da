using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;

namespace Dispatch.Api.Tests.Hosting;

public sealed class HealthAndDocs(DispatchApp app) : IClassFixture<DispatchApp>
{
    [Fact]
    public async Task Liveness_and_readiness_answer_healthy_when_database_and_bus_are_up()
    {
        var client = app.Anonymous();

        var live = await client.GetAsync("/health/live");
        var ready = await DispatchApp.EventuallyAsync(() => client.GetAsync("/health/ready"),
            r => r.StatusCode == HttpStatusCode.OK, "readiness");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_case_endpoints_and_their_answers()
    {
        var doc = await app.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = doc.GetProperty("paths");
        var report = paths.GetProperty("/api/cases").GetProperty("post");
        Assert.True(report.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(report.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(paths.TryGetProperty("/api/cases/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/boards/command", out _));
    }

    [Fact]
    public async Task Me_returns_the_roles_and_the_department_of_the_signed_in_user()
    {
        var handler = await app.SignInAsync("handler.xs-traffic");

        var me = await handler.GetFromJsonAsync<JsonElement>("/api/auth/me");

        Assert.Equal("handler.xs-traffic", me.GetProperty("userName").GetString());
        Assert.Equal(["handler"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("xs-traffic", me.GetProperty("departmentKey").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await handler.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await handler.GetAsync("/api/auth/me")).StatusCode);
    }
}
