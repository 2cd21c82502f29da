using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Messaging.Tests;

/// <summary>Filing cases the way a patroller does, and checking what became of them.</summary>
internal static class Filing
{
    public const double Longitude = 110.29;
    public const double Latitude = 25.255;

    public static async Task<Guid> CategoryAsync(HttpClient client, string kind = "event", string code = "0505")
    {
        var categories = await client.GetFromJsonAsync<JsonElement>("/api/categories");
        return categories.EnumerateArray()
            .Single(c => c.GetProperty("kind").GetString() == kind && c.GetProperty("code").GetString() == code)
            .GetProperty("id").GetGuid();
    }

    /// <summary>Files one report; returns its id once the server acknowledged it (201).</summary>
    public static async Task<Guid> FileAsync(HttpClient client, Guid categoryId, string description)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = JsonContent.Create(new { categoryId, longitude = Longitude, latitude = Latitude, description }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>How many of <paramref name="ids"/> are dispatched, and the most dispatch trace rows any of them has.</summary>
    public static async Task<(int Dispatched, int MostDispatchRows)> DispatchedAsync(DispatchDbContext db, IReadOnlyCollection<Guid> ids)
    {
        var dispatched = await db.Cases.CountAsync(c => ids.Contains(c.Id) && c.State == Domain.Cases.CaseState.Dispatched);
        var rows = await db.CaseTraces.Where(t => ids.Contains(t.CaseId) && t.Action == "dispatch")
            .GroupBy(t => t.CaseId).Select(g => g.Count()).ToListAsync();
        return (dispatched, rows.Count == 0 ? 0 : rows.Max());
    }
}
