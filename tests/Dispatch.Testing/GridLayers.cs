using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Dispatch.Testing;

/// <summary>GeoJSON grid layers as an administrator imports them, built from rectangles.</summary>
public static class GridLayers
{
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
}
