using System.Net.Http.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Persistence.Messaging;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using static Dispatch.Api.Tests.Grids.GridApi;

namespace Dispatch.Api.Tests.Audit;

/// <summary>
/// Calls every administrative endpoint the host maps, with a request that succeeds, and checks that each call wrote
/// exactly one audit row with the endpoint's action, the administrator as actor and a before or after snapshot. An
/// endpoint missing from <see cref="Calls"/> fails the test by name: adding an administrative endpoint means adding
/// its call here.
/// </summary>
public sealed class AuditedCalls(DispatchApp app) : IClassFixture<DispatchApp>
{
    private sealed record Context(DispatchApp App, HttpClient Admin);

    /// <summary>"METHOD route pattern" → a call that succeeds. Calls run in this order, one after the other.</summary>
    private static readonly (string Endpoint, Func<Context, Task<HttpResponseMessage>> Call)[] Calls =
    [
        ("POST /api/admin/routing/rules", async c =>
        {
            var (categoryId, _) = await CaseApi.CategoryAsync(c.Admin, "event", "0506");
            return await c.Admin.PostAsJsonAsync("/api/admin/routing/rules",
                new { categoryId, gridCode = "450304002", target = "department", departmentKey = "xs-st-nanmen", note = "audit" });
        }),
        ("PUT /api/admin/routing/rules/{id:guid}", async c =>
        {
            var id = await c.App.QueryAsync(db => db.RoutingRules.Where(r => r.Note == "audit" && r.ValidTo == null).Select(r => r.Id).SingleAsync());
            var categoryId = await c.App.QueryAsync(db => db.RoutingRules.Where(r => r.Id == id).Select(r => r.CategoryId).SingleAsync());
            return await c.Admin.PutAsJsonAsync($"/api/admin/routing/rules/{id}",
                new { categoryId, gridCode = "450304002", target = "department", departmentKey = "xs-st-nanmen", note = "audit", priority = 3 });
        }),
        ("DELETE /api/admin/routing/rules/{id:guid}", async c =>
        {
            var id = await c.App.QueryAsync(db => db.RoutingRules.Where(r => r.Note == "audit" && r.ValidTo == null).Select(r => r.Id).SingleAsync());
            return await c.Admin.DeleteAsync($"/api/admin/routing/rules/{id}");
        }),
        ("POST /api/admin/dead-letters/{id:guid}/replay", async c =>
            await c.Admin.PostAsync($"/api/admin/dead-letters/{await DeadLetterAsync(c.App)}/replay", null)),
        ("POST /api/admin/dead-letters/{id:guid}/discard", async c =>
            await c.Admin.PostAsync($"/api/admin/dead-letters/{await DeadLetterAsync(c.App)}/discard", null)),
    ];

    private static async Task<Guid> DeadLetterAsync(DispatchApp app)
    {
        var id = Guid.NewGuid();
        await app.QueryAsync(async db =>
        {
            db.DeadLetters.Add(new DeadLetter(id, Guid.NewGuid(), "Dispatch.Messaging.Contracts.CaseReported", "{}", "queue:intake",
                "System.InvalidOperationException", "audit test", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        return id;
    }

    [Fact]
    public async Task Every_administrative_endpoint_writes_one_audit_row_per_change()
    {
        var endpoints = AuditTrail.AdministrativeEndpoints(app.Services)
            .ToDictionary(e => $"{e.Method} {e.Route}", e => e.Audit?.Action);
        var failures = endpoints.Keys.Except(Calls.Select(c => c.Endpoint)).Order(StringComparer.Ordinal)
            .Select(e => $"{e}: no call in {nameof(AuditedCalls)}.{nameof(Calls)}")
            .Concat(Calls.Select(c => c.Endpoint).Except(endpoints.Keys).Select(e => $"{e}: not an administrative endpoint of the host"))
            .ToList();

        var context = new Context(app, await app.SignInAsync("admin"));
        foreach (var (endpoint, call) in Calls.Where(c => endpoints.ContainsKey(c.Endpoint)))
        {
            var last = await app.QueryAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id)) ?? 0;
            var response = await call(context);
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                continue;
            }
            var rows = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Id > last).ToListAsync());
            if (rows.Count != 1)
                failures.Add($"{endpoint}: wrote {rows.Count} audit rows");
            else if (rows[0].Action != endpoints[endpoint] || rows[0].Actor != "admin" || (rows[0].Before is null && rows[0].After is null))
                failures.Add($"{endpoint}: row {rows[0].Action} by {rows[0].Actor}, before {rows[0].Before ?? "null"}, after {rows[0].After ?? "null"}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
