using System.Net;
using Dispatch.Api.Audit;
using Dispatch.Persistence.Identity;
using Dispatch.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Dispatch.Persistence.Audit;
using Npgsql;
using static Dispatch.Api.Tests.Grids.GridApi;

namespace Dispatch.Api.Tests.Audit;

/// <summary>
/// Every administrative change leaves one row in the audit log, which nobody can change afterwards. The endpoints
/// are found from the running host's own route table, so a new administrative endpoint without an audit action fails
/// here; <see cref="AuditedCalls"/> then calls each one and counts its rows.
/// </summary>
public sealed class AuditTrail(DispatchApp app) : IClassFixture<DispatchApp>
{
    private static readonly string[] Changing = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Route pattern and method of every endpoint that changes something and only administrators may call.</summary>
    public static IReadOnlyList<(string Method, string Route, AuditedEndpoint? Audit)> AdministrativeEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(Changing.Contains)
                .Select(m => (Method: m, Route: "/" + e.RoutePattern.RawText!.Trim('/'), Endpoint: e)))
            .Where(x => AdminOnly(x.Endpoint))
            .Select(x => (x.Method, x.Route, x.Endpoint.Metadata.GetMetadata<AuditedEndpoint>()))
            .OrderBy(x => x.Route, StringComparer.Ordinal).ThenBy(x => x.Method, StringComparer.Ordinal)
            .ToList();

    private static bool AdminOnly(Endpoint endpoint)
    {
        var roles = endpoint.Metadata.OfType<IAuthorizeData>().SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            .Concat(endpoint.Metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements.OfType<RolesAuthorizationRequirement>())
                .SelectMany(r => r.AllowedRoles))
            .Select(r => r.Trim())
            .ToList();
        return roles.Count > 0 && roles.All(r => r == Roles.Admin);
    }

    [Fact]
    public void Every_administrative_endpoint_names_the_action_it_writes_to_the_audit_log()
    {
        var endpoints = AdministrativeEndpoints(app.Services);

        Assert.NotEmpty(endpoints);
        var unaudited = endpoints.Where(e => e.Audit is null).Select(e => $"{e.Method} {e.Route}").ToList();
        Assert.True(unaudited.Count == 0, "Administrative endpoints without .Audited(\"...\"): " + string.Join(", ", unaudited));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_an_audit_row()
    {
        var admin = await app.SignInAsync("admin");
        await app.QueryAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry(DateTimeOffset.UtcNow, "admin", "test.append", "test", "append-only", null, "{}", null));
            return await db.SaveChangesAsync();
        });

        foreach (var sql in new[]
                 {
                     "UPDATE audit_entries SET actor = 'someone-else' WHERE subject_key = 'append-only'",
                     "DELETE FROM audit_entries WHERE subject_key = 'append-only'",
                     "TRUNCATE audit_entries",
                 })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        var row = await GetJsonAsync(admin, "/api/admin/audit?subjectType=test&subjectKey=append-only");
        Assert.Equal("admin", Assert.Single(row.GetProperty("items").EnumerateArray()).GetProperty("actor").GetString());
    }

    [Fact]
    public async Task The_log_pages_newest_first_and_filters_by_subject_actor_action_and_text()
    {
        var admin = await app.SignInAsync("admin");
        var key = $"paging-{Guid.NewGuid():N}";
        await app.QueryAsync(async db =>
        {
            var at = DateTimeOffset.UtcNow;
            for (var i = 0; i < 5; i++)
                db.AuditEntries.Add(new AuditEntry(at.AddSeconds(i), i % 2 == 0 ? "admin" : "leader1", $"test.step{i}", "test", key,
                    null, $$"""{"name":"象山街道 {{i}}"}""", null));
            return await db.SaveChangesAsync();
        });

        var first = await GetJsonAsync(admin, $"/api/admin/audit?subjectKey={key}&limit=2");
        Assert.Equal(["test.step4", "test.step3"], first.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray());
        var second = await GetJsonAsync(admin, $"/api/admin/audit?subjectKey={key}&limit=2&before={first.GetProperty("next").GetString()}");
        Assert.Equal(["test.step2", "test.step1"], second.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray());

        var byActor = await GetJsonAsync(admin, $"/api/admin/audit?subjectKey={key}&actor=leader1");
        Assert.Equal(2, byActor.GetProperty("items").GetArrayLength());
        var byText = await GetJsonAsync(admin, $"/api/admin/audit?subjectKey={key}&q={Uri.EscapeDataString("街道 3")}");
        Assert.Equal("test.step3", Assert.Single(byText.GetProperty("items").EnumerateArray()).GetProperty("action").GetString());
        var inBeijingTime = await GetJsonAsync(admin,
            $"/api/admin/audit?subjectKey={key}&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToOffset(TimeSpan.FromHours(8)).ToString("O"))}");
        Assert.Equal(5, inBeijingTime.GetProperty("items").GetArrayLength());
        var byPrefix = await GetJsonAsync(admin, $"/api/admin/audit?subjectKey={key}&action=test.");
        Assert.Equal(5, byPrefix.GetProperty("items").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, byPrefix.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("before=abc", "before")]
    [InlineData("before=-3", "before")]
    [InlineData("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "to")]
    public async Task A_bad_filter_is_refused_naming_the_parameter(string query, string parameter)
    {
        var response = await (await app.SignInAsync("admin")).GetAsync($"/api/admin/audit?{query}");

        var errors = (await ProblemAsync(response, 400)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out _), errors.ToString());
    }

    [Fact]
    public async Task Only_an_administrator_reads_the_log()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("leader1")).GetAsync("/api/admin/audit")).StatusCode);
    }
}
