using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;

namespace Dispatch.Api.Tests.Cases;

/// <summary>Small helpers the case tests share: the catalogue, and posting reports.</summary>
internal static class CaseApi
{
    public const double Longitude = 110.290;
    public const double Latitude = 25.255;

    public static async Task<(Guid CategoryId, Guid ConditionId)> CategoryAsync(HttpClient client, string kind, string code)
    {
        var categories = await client.GetFromJsonAsync<JsonElement>("/api/categories");
        var category = categories.EnumerateArray().Single(c => c.GetProperty("kind").GetString() == kind && c.GetProperty("code").GetString() == code);
        return (category.GetProperty("id").GetGuid(), category.GetProperty("conditions")[0].GetProperty("id").GetGuid());
    }

    public static HttpRequestMessage Json(object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return request;
    }

    public static HttpRequestMessage Multipart(Guid categoryId, string description, params (string Name, byte[] Bytes)[] photos)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(categoryId.ToString()), "categoryId" },
            { new StringContent(Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture)), "longitude" },
            { new StringContent(Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture)), "latitude" },
            { new StringContent(description), "description" },
        };
        foreach (var (name, bytes) in photos)
            form.Add(new ByteArrayContent(bytes), "photos", name);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = form };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    /// <summary>A real 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static async Task<JsonElement> WaitForStateAsync(HttpClient client, Guid id, string state) =>
        await DispatchApp.EventuallyAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}"),
            c => c.GetProperty("state").GetString() == state,
            $"case {id} to reach {state}");
}
