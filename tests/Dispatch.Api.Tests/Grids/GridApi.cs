using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Testing;

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

    public static object WiderCity() => GridLayers.WiderCity();

    public static object Feature(string code, string name, double west, double south, double east, double north) =>
        GridLayers.Feature(code, name, west, south, east, north);

    public static object Polygon(string code, string name, double[][] ring, string? parent = null) => GridLayers.Polygon(code, name, ring, parent);

    public static object Collection(params object[] features) => GridLayers.Collection(features);

    public static HttpRequestMessage Import(object layer) => GridLayers.Import(layer);

    public static HttpRequestMessage Import(string body, string contentType) => GridLayers.Import(body, contentType);

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
