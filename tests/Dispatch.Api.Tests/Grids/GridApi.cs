using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Dispatch.Api.Tests.Grids;

/// <summary>Grid layers for import tests, and the demo city's well-known points.</summary>
internal static class GridApi
{
    /// <summary>象鼻山, in 象山街道's first community: patroller1's responsibility grid.</summary>
    public static readonly (double Lon, double Lat) ElephantTrunkHill = (110.296, 25.268);
    /// <summary>In 南门街道's first community: patroller2's responsibility grid.</summary>
    public static readonly (double Lon, double Lat) Nanmen = (110.275, 25.265);
    /// <summary>In 平山街道, nobody's patrol.</summary>
    public static readonly (double Lon, double Lat) Pingshan = (110.300, 25.240);
    /// <summary>West of the demo city: no unit grid.</summary>
    public static readonly (double Lon, double Lat) Outside = (110.200, 25.200);

    /// <summary>The demo city's extent, widened 0.01° north and south so that new districts fit inside 桂林市.</summary>
    public static object WiderCity() => Feature("450300", "桂林市", 110.270, 25.2224, 110.310, 25.2820);

    public static object Feature(string code, string name, double west, double south, double east, double north) =>
        Polygon(code, name, [[west, south], [east, south], [east, north], [west, north], [west, south]]);

    public static object Polygon(string code, string name, double[][] ring, string? parent = null) => new
    {
        type = "Feature",
        geometry = new { type = "Polygon", coordinates = new[] { ring } },
        properties = new { code, name, parent },
    };

    public static object Collection(params object[] features) => new { type = "FeatureCollection", features };

    public static HttpRequestMessage Import(object layer) => Import(JsonSerializer.Serialize(layer), "application/geo+json");

    public static HttpRequestMessage Import(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new HttpRequestMessage(HttpMethod.Post, "/api/admin/grids/import") { Content = content };
    }

    public static Task<HttpResponseMessage> LocateAsync(HttpClient client, double lon, double lat) =>
        client.GetAsync(FormattableString.Invariant($"/api/grids/locate?lon={lon}&lat={lat}"));

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"expected success, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url) => await OkAsync(await client.GetAsync(url));

    public static string Code(JsonElement e, string level) => e.GetProperty(level).GetProperty("code").GetString()!;

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);
}
