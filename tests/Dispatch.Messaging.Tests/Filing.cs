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

    /// <summary>Where each case of <paramref name="ids"/> that is not dispatched got stuck: for the message of a failed test.</summary>
    public static async Task<string> DescribeUndispatchedAsync(DispatchDbContext db, IReadOnlyCollection<Guid> ids)
    {
        var stuck = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id) && c.State != Domain.Cases.CaseState.Dispatched).ToListAsync();
        var lines = new List<string>();
        foreach (var c in stuck)
        {
            var key = c.Id.ToString();
            var trace = await db.CaseTraces.Where(t => t.CaseId == c.Id).OrderBy(t => t.Sequence).Select(t => t.Action).ToListAsync();
            var outbox = await db.Outbox.AsNoTracking().Where(m => m.Body.Contains(key)).OrderBy(m => m.CreatedAt)
                .Select(m => new { m.Id, m.MessageType, m.SentAt, m.Attempts, m.LastError }).ToListAsync();
            var handled = await db.Inbox.AsNoTracking().Where(i => outbox.Select(o => o.Id).Contains(i.MessageId)).Select(i => new { i.MessageId, i.Consumer }).ToListAsync();
            lines.Add($"case {c.Number} {c.State} v{c.Version} trace [{string.Join(", ", trace)}]");
            foreach (var m in outbox)
                lines.Add($"  outbox {m.MessageType.Split('.').Last()} {m.Id} sent={m.SentAt:O} attempts={m.Attempts} error={m.LastError} " +
                    $"handled by [{string.Join(", ", handled.Where(h => h.MessageId == m.Id).Select(h => h.Consumer))}]");
        }
        var dead = await db.DeadLetters.AsNoTracking().Select(d => $"dead letter {d.MessageType} {d.MessageId}: {d.ExceptionMessage}").ToListAsync();
        return string.Join('\n', lines.Concat(dead));
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
