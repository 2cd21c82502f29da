using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Dispatch.Api.Tests.Cases;
using Dispatch.Testing;

namespace Dispatch.Api.Tests.Open311;

/// <summary>Helpers the Open311 tests share: a key, form posts as clients send them, and reading both formats.</summary>
internal static class Open311Api
{
    public const string Base = "/open311/v2";
    public const string Jurisdiction = "dispatch.local";
    public static readonly string Lat = CaseApi.Latitude.ToString(CultureInfo.InvariantCulture);
    public static readonly string Long = CaseApi.Longitude.ToString(CultureInfo.InvariantCulture);

    /// <summary>An administrator issues a key for <paramref name="name"/>; returns the key, shown this once.</summary>
    public static async Task<string> IssueKeyAsync(DispatchApp app, string name)
    {
        var admin = await app.SignInAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/admin/open311/keys", new { name });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("key").GetString()!;
    }

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>A valid report of illegal parking (event-0505) with this key, plus or minus fields.</summary>
    public static FormUrlEncodedContent Report(string? apiKey, params (string Name, string? Value)[] changes)
    {
        var fields = new Dictionary<string, string?>
        {
            ["jurisdiction_id"] = Jurisdiction,
            ["api_key"] = apiKey,
            ["service_code"] = "event-0505",
            ["lat"] = Lat,
            ["long"] = Long,
            ["description"] = "人行道上停了一辆车",
            ["first_name"] = "小明",
            ["last_name"] = "李",
            ["phone"] = "13900000000",
            ["email"] = "resident@example.com",
        };
        foreach (var (name, value) in changes)
            fields[name] = value;
        return new FormUrlEncodedContent(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)));
    }

    public static async Task<XDocument> XmlAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {text}");
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        return XDocument.Parse(text);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The spec's error answer in XML: &lt;errors&gt;&lt;error&gt;&lt;code/&gt;&lt;description/&gt;; returns the descriptions.</summary>
    public static async Task<string[]> XmlErrorsAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var xml = await XmlAsync(response, expected);
        Assert.Equal("errors", xml.Root!.Name.LocalName);
        var errors = xml.Root.Elements().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("error", e.Name.LocalName));
        Assert.All(errors, e => Assert.Equal(((int)expected).ToString(CultureInfo.InvariantCulture), e.Element("code")!.Value));
        return errors.Select(e => e.Element("description")!.Value).ToArray();
    }

    public static async Task<string[]> JsonErrorsAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var json = await JsonAsync(response, expected);
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        Assert.NotEqual(0, json.GetArrayLength());
        Assert.All(json.EnumerateArray(), e => Assert.Equal((int)expected, e.GetProperty("code").GetInt32()));
        return json.EnumerateArray().Select(e => e.GetProperty("description").GetString()!).ToArray();
    }

    public static string W3c(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
