using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Tests.Lifecycle;

/// <summary>Helpers the lifecycle tests share: reporting, taking actions, and what a case left in the database.</summary>
internal static class LifecycleApi
{
    public static HttpRequestMessage Action(Guid id, string action, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/{action}");
        if (body is not null)
            request.Content = JsonContent.Create(body);
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    public static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, string action, object? body = null, string? ifMatch = null) =>
        client.SendAsync(Action(id, action, body, ifMatch));

    /// <summary>Takes the action and insists on 200; returns the case as the answer shows it.</summary>
    public static async Task<JsonElement> OkAsync(HttpClient client, Guid id, string action, object? body = null)
    {
        var response = await ActAsync(client, id, action, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>An action with photos, as a multipart form.</summary>
    public static async Task<JsonElement> OkWithPhotoAsync(HttpClient client, Guid id, string action, IDictionary<string, string> fields, byte[] photo)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        form.Add(new ByteArrayContent(photo), "photos", "photo.png");
        var response = await client.PostAsync($"/api/cases/{id}/{action}", form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>A hotline call an acceptor enters: it starts at Reported and waits.</summary>
    public static async Task<JsonElement> HotlineReportAsync(HttpClient acceptor, string code = "0505", string description = "来电反映人行道停车")
    {
        var (categoryId, conditionId) = await CaseApi.CategoryAsync(acceptor, "event", code);
        var response = await acceptor.SendAsync(CaseApi.Json(new
        {
            categoryId, conditionId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description,
            source = "hotline", callerName = "张先生", callerPhone = "138 0000 0000",
        }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>A patroller's report of illegal parking: accepted, filed and dispatched to xs-traffic by the system.</summary>
    public static async Task<Guid> DispatchedPatrolCaseAsync(HttpClient patroller, string description = "人行道上停了一辆车")
    {
        var (categoryId, conditionId) = await CaseApi.CategoryAsync(patroller, "event", "0505");
        var response = await patroller.SendAsync(CaseApi.Json(new
        {
            categoryId, conditionId, longitude = CaseApi.Longitude, latitude = CaseApi.Latitude, description,
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await CaseApi.WaitForStateAsync(patroller, id, "Dispatched");
        return id;
    }

    public static string[] Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static DateTimeOffset Instant(this JsonElement e) => DateTimeOffset.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    /// <summary>What a refused request must not have left: version, trace rows, photos and outbox rows of the case.</summary>
    public static Task<(int Version, int Traces, int Photos, int Outbox)> FootprintAsync(DispatchApp app, Guid id) =>
        app.QueryAsync(async db =>
        {
            var text = id.ToString();
            return (
                await db.Cases.Where(c => c.Id == id).Select(c => c.Version).SingleAsync(),
                await db.CaseTraces.CountAsync(t => t.CaseId == id),
                await db.CasePhotos.CountAsync(p => p.CaseId == id),
                await db.Outbox.CountAsync(m => m.Body.Contains(text)));
        });
}
