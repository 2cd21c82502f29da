using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
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
    private sealed record Context(DispatchApp App, HttpClient Admin)
    {
        /// <summary>What earlier calls created (ids, versions), for the calls after them.</summary>
        public Dictionary<string, string> Saved { get; } = [];

        public async Task<HttpResponseMessage> KeepAsync(HttpResponseMessage response, string name, string property = "id")
        {
            if (response.IsSuccessStatusCode)
                Saved[name] = (await ReadAsync(response)).GetProperty(property).ToString();
            return response;
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        await response.Content.LoadIntoBufferAsync();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<uint> VersionAsync(HttpClient admin, string url, Func<JsonElement, JsonElement>? pick = null)
    {
        var read = await GetJsonAsync(admin, url);
        return (pick?.Invoke(read) ?? read).GetProperty("version").GetUInt32();
    }

    private static StringContent Text(string body, string mediaType) => new(body, Encoding.UTF8, mediaType);

    /// <summary>"METHOD route pattern" → a call that succeeds. Calls run in this order, one after the other.</summary>
    private static readonly (string Endpoint, Func<Context, Task<HttpResponseMessage>> Call)[] Calls =
    [
        // Accounts
        ("POST /api/admin/users", c => c.Admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = "audit.person", displayName = "审计测试", roles = new[] { "patroller" }, phone = "13800000001", password = "Audit-pass-1a",
        })),
        ("PUT /api/admin/users/{userName}", async c =>
        {
            var page = await GetJsonAsync(c.Admin, "/api/admin/users?q=audit.person");
            var version = page.GetProperty("items")[0].GetProperty("version").GetString();
            return await c.Admin.PutAsJsonAsync("/api/admin/users/audit.person",
                new { displayName = "审计测试员", roles = new[] { "patroller" }, phone = "13800000002", version });
        }),
        ("PUT /api/admin/users/{userName}/grid-scope", c =>
            c.Admin.PutAsJsonAsync("/api/admin/users/shiftleader1/grid-scope", new { gridScope = "450304002" })),
        ("PUT /api/admin/users/{userName}/password", c => c.Admin.PutAsJsonAsync("/api/admin/users/audit.person/password", new { })),
        ("PUT /api/admin/users/{userName}/disabled", c => c.Admin.PutAsJsonAsync("/api/admin/users/audit.person/disabled", new { disabled = true })),
        // Departments
        ("POST /api/admin/departments", c => c.Admin.PostAsJsonAsync("/api/admin/departments", new
        {
            key = "audit-unit", nameZh = "审计测试班组", nameEn = "Audit test team", kind = "unit", jurisdictionCodes = new[] { "450304001" },
            contactPhone = "0773-2825000", dutyPhone = "13800000000",
        })),
        ("PUT /api/admin/departments/{key}", async c =>
        {
            var version = await VersionAsync(c.Admin, "/api/admin/departments",
                list => list.EnumerateArray().Single(d => d.GetProperty("key").GetString() == "audit-unit"));
            return await c.Admin.PutAsJsonAsync("/api/admin/departments/audit-unit", new
            {
                nameZh = "审计测试班组（改）", nameEn = "Audit test team", kind = "unit", jurisdictionCodes = new[] { "450304001" }, version,
            });
        }),
        ("POST /api/admin/departments/{key}/retire", c => c.Admin.PostAsJsonAsync("/api/admin/departments/audit-unit/retire", new { })),
        ("POST /api/admin/departments/{key}/restore", c => c.Admin.PostAsJsonAsync("/api/admin/departments/audit-unit/restore", new { })),
        // Patrol grids and the grid layer
        ("PUT /api/admin/grids/responsibility/{code}", async c =>
        {
            var grids = await GetJsonAsync(c.Admin, "/api/admin/grids/responsibility");
            var grid = grids.EnumerateArray().First(g => !g.GetProperty("onDuty").GetBoolean());
            return await c.Admin.PutAsJsonAsync($"/api/admin/grids/responsibility/{grid.GetProperty("code").GetString()}", new
            {
                patrollers = new[] { "patroller2" }, responsiblePerson = new { name = "王网格长", phone = "0773-2800000" },
                version = grid.GetProperty("version").GetUInt32(),
            });
        }),
        ("POST /api/admin/grids/import", c => c.Admin.SendAsync(Dispatch.Testing.GridLayers.Import(Dispatch.Testing.GridLayers.Collection(
            Dispatch.Testing.GridLayers.WiderCity(),
            Dispatch.Testing.GridLayers.Feature("450305", "叠彩区", 110.270, 25.2720, 110.280, 25.2810),
            Dispatch.Testing.GridLayers.Feature("450305001", "叠彩街道", 110.270, 25.2720, 110.280, 25.2810),
            Dispatch.Testing.GridLayers.Feature("450305001001", "叠彩社区", 110.270, 25.2720, 110.280, 25.2810),
            Dispatch.Testing.GridLayers.Feature("450305001001001", "叠彩社区001号单元网格", 110.270, 25.2801, 110.271, 25.2810))))),
        // Catalogue and limits
        ("POST /api/categories", async c => await c.KeepAsync(await c.Admin.PostAsJsonAsync("/api/categories", new
        {
            kind = "event", code = "0999", majorNameZh = "测试大类", majorNameEn = "Test major", nameZh = "审计测试小类", nameEn = "Audit test",
            departmentKind = "municipal",
        }), "category")),
        ("PUT /api/categories/{categoryId:guid}", async c =>
        {
            var category = (await GetJsonAsync(c.Admin, "/api/categories?includeRetired=true")).EnumerateArray()
                .Single(x => x.GetProperty("id").GetString() == c.Saved["category"]);
            return await c.Admin.PutAsJsonAsync($"/api/categories/{c.Saved["category"]}", new
            {
                majorNameZh = "测试大类", majorNameEn = "Test major", nameZh = "审计测试小类（改）", nameEn = "Audit test", departmentKind = "municipal",
                version = category.GetProperty("version").GetUInt32(),
            });
        }),
        ("POST /api/categories/{categoryId:guid}/conditions", async c => await c.KeepAsync(await c.Admin.PostAsJsonAsync(
            $"/api/categories/{c.Saved["category"]}/conditions", new
            {
                nameZh = "破损", nameEn = "broken", closingStandardZh = "修复完好", closingStandardEn = "repaired", limit = 2, unit = "working_days",
            }), "condition")),
        ("PUT /api/categories/{categoryId:guid}/conditions/{conditionId:guid}", async c =>
        {
            var condition = (await GetJsonAsync(c.Admin, "/api/categories?includeRetired=true")).EnumerateArray()
                .Single(x => x.GetProperty("id").GetString() == c.Saved["category"]).GetProperty("conditions").EnumerateArray()
                .Single(x => x.GetProperty("id").GetString() == c.Saved["condition"]);
            return await c.Admin.PutAsJsonAsync($"/api/categories/{c.Saved["category"]}/conditions/{c.Saved["condition"]}", new
            {
                nameZh = "破损严重", nameEn = "badly broken", closingStandardZh = "修复完好", closingStandardEn = "repaired",
                version = condition.GetProperty("version").GetUInt32(),
            });
        }),
        ("PUT /api/categories/{categoryId:guid}/conditions/{conditionId:guid}/limit", c => c.Admin.PutAsJsonAsync(
            $"/api/categories/{c.Saved["category"]}/conditions/{c.Saved["condition"]}/limit", new { limit = 4, unit = "working_hours" })),
        ("PUT /api/categories/{categoryId:guid}/conditions/{conditionId:guid}/limits/{areaClass}", c => c.Admin.PutAsJsonAsync(
            $"/api/categories/{c.Saved["category"]}/conditions/{c.Saved["condition"]}/limits/A", new { limit = 2, unit = "working_hours" })),
        ("DELETE /api/categories/{categoryId:guid}/conditions/{conditionId:guid}/limits/{areaClass}", c => c.Admin.DeleteAsync(
            $"/api/categories/{c.Saved["category"]}/conditions/{c.Saved["condition"]}/limits/A")),
        ("POST /api/categories/{categoryId:guid}/conditions/{conditionId:guid}/retire", c => c.Admin.PostAsJsonAsync(
            $"/api/categories/{c.Saved["category"]}/conditions/{c.Saved["condition"]}/retire", new { })),
        ("POST /api/categories/{categoryId:guid}/conditions/{conditionId:guid}/restore", c => c.Admin.PostAsJsonAsync(
            $"/api/categories/{c.Saved["category"]}/conditions/{c.Saved["condition"]}/restore", new { })),
        ("POST /api/categories/{categoryId:guid}/retire", c => c.Admin.PostAsJsonAsync($"/api/categories/{c.Saved["category"]}/retire", new { })),
        ("POST /api/categories/{categoryId:guid}/restore", c => c.Admin.PostAsJsonAsync($"/api/categories/{c.Saved["category"]}/restore", new { })),
        // Working calendar
        ("PUT /api/calendar/years/{year:int}", c => c.Admin.PutAsync("/api/calendar/years/2027", Text("""
            { "timeZone": "Asia/Shanghai", "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ], "extraWorkdays": [] }
            """, "application/json"))),
        // Component census
        ("POST /api/admin/components/import", c => c.Admin.PostAsync("/api/admin/components/import", Text("""
            id,category,owner,maintainer,state,longitude,latitude
            4503040118800091,0118,gl-lighting,路灯所,intact,110.2901,25.2551
            """, "text/csv"))),
        ("PUT /api/admin/components/{id}", async c =>
        {
            var version = await VersionAsync(c.Admin, "/api/components/4503040118800091");
            return await c.Admin.PutAsJsonAsync("/api/admin/components/4503040118800091", new
            {
                owner = "gl-lighting", maintainer = "路灯所", state = "damaged", longitude = 110.2901, latitude = 25.2551, version,
            });
        }),
        ("POST /api/admin/components/{id}/retire", c => c.Admin.PostAsJsonAsync("/api/admin/components/4503040118800091/retire", new { })),
        ("POST /api/admin/components/{id}/restore", c => c.Admin.PostAsJsonAsync("/api/admin/components/4503040118800091/restore", new { })),
        // Ledger templates
        ("POST /api/admin/ledger-templates", async c => await c.KeepAsync(await c.Admin.PostAsJsonAsync("/api/admin/ledger-templates", new
        {
            name = "窨井盖隐患整改台账", query = "category=component:0101-0110", columns = new[] { "number", "categoryCode", "componentId", "state" },
        }), "template")),
        ("PUT /api/admin/ledger-templates/{id:guid}", c => c.Admin.PutAsJsonAsync($"/api/admin/ledger-templates/{c.Saved["template"]}", new
        {
            name = "窨井盖隐患整改台账（全部）", query = "category=component:0101-0110", columns = new[] { "number", "componentId", "state" },
        })),
        ("DELETE /api/admin/ledger-templates/{id:guid}", c => c.Admin.DeleteAsync($"/api/admin/ledger-templates/{c.Saved["template"]}")),
        // Evaluation
        ("PUT /api/admin/evaluation/scoring", async c =>
        {
            var scoring = await GetJsonAsync(c.Admin, "/api/evaluation/scoring");
            return await c.Admin.PutAsync("/api/admin/evaluation/scoring", Text(scoring.GetRawText(), "application/json"));
        }),
        // Routing rules and dead letters
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
            HttpResponseMessage response;
            try
            {
                response = await call(context);
            }
            catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException
                                          or Xunit.Sdk.XunitException or JsonException)
            {
                failures.Add($"{endpoint}: the call could not be made: {e.Message}");
                continue;
            }
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
