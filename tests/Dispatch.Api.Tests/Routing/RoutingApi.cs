using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Grids;
using Dispatch.Testing;

namespace Dispatch.Api.Tests.Routing;

/// <summary>Helpers of the dispatcher's tests: reporting at a point, rules, and cases put in place through the domain.</summary>
internal static class RoutingApi
{
    /// <summary>象鼻山, in 象山街道 (450304001).</summary>
    public static readonly (double Lon, double Lat) Xiangshan = (110.296, 25.268);
    /// <summary>In 南门街道 (450304002).</summary>
    public static readonly (double Lon, double Lat) Nanmen = (110.275, 25.265);
    /// <summary>In 平山街道 (450304003).</summary>
    public static readonly (double Lon, double Lat) Pingshan = (110.300, 25.240);

    public static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    public static async Task<Guid> ReportAsync(HttpClient client, Guid categoryId, (double Lon, double Lat) at, string description, string? componentId = null)
    {
        var response = await client.SendAsync(CaseApi.Json(new { categoryId, longitude = at.Lon, latitude = at.Lat, description, componentId }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Waits until the case left 待派遣: dispatched (returns the department key) or flagged for manual dispatch (returns null).</summary>
    public static async Task<string?> RoutedToAsync(HttpClient client, Guid id)
    {
        var c = await DispatchApp.EventuallyAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}"),
            c => c.GetProperty("state").GetString() == "Dispatched" || c.GetProperty("needsManualDispatch").GetBoolean(),
            $"case {id} to be routed");
        return c.GetProperty("state").GetString() == "Dispatched" ? c.GetProperty("department").GetProperty("key").GetString() : null;
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"expected success, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();

    /// <summary>
    /// A case stored through the domain alone, already filed (待派遣), as if its report came in long ago: for tests
    /// that need a case the bus has not seen.
    /// </summary>
    public static async Task<Case> FiledCaseAsync(DispatchApp app, Guid id, Guid categoryId, string unitGrid)
    {
        var now = DateTimeOffset.UtcNow;
        var number = Invariant($"450304-2026-{9_000_000 + Random.Shared.Next(0, 999_999)}");
        var c = Case.Report(id, number, CaseSource.Hotline, categoryId, null, 110.296, 25.268, "置入的案卷", "450304",
            new Actor("acceptor1", CaseRoles.Acceptor), now, new GridLocation(GridCode.Parse(unitGrid)));
        c.Accept(Actor.System, now);
        c.File(Actor.System, now);
        await app.QueryAsync(async db =>
        {
            db.Cases.Add(c);
            return await db.SaveChangesAsync();
        });
        return c;
    }
}
