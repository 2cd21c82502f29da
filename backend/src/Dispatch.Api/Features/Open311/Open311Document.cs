using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Dispatch.Api.Features.Open311;

/// <summary>The two formats of GeoReport v2, chosen by the resource's extension (<c>services.xml</c>, <c>services.json</c>).</summary>
public enum Open311Format
{
    Xml,
    Json,
}

/// <summary>An element with children, in order: a JSON object, or an XML element whose children are the fields.</summary>
public sealed class Open311Object : List<KeyValuePair<string, object?>>
{
    /// <summary>Adds a field; a null value is left out of both formats (the specification's "may not be returned").</summary>
    public Open311Object With(string name, object? value)
    {
        if (value is not null)
            Add(new(name, value));
        return this;
    }
}

/// <summary>A repeated element: a JSON array, or an XML element holding one <see cref="ItemName"/> element per item.</summary>
public sealed record Open311List(string ItemName, IReadOnlyList<object> Items);

/// <summary>
/// Writes GeoReport v2 answers. A document is a root (the XML root element: <c>services</c>, <c>service_requests</c>,
/// <c>service_definition</c>, <c>errors</c> ...) holding a list or an object; in JSON the root's name does not appear, a
/// list is the top-level array and an object the top-level object, as the specification's examples show. Values are
/// strings, booleans, numbers, instants (W3C date-times with the offset of China time), objects and lists.
/// </summary>
public static class Open311Document
{
    public const string XmlContentType = "text/xml; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";
    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Splits <c>services.json</c> into its name and format; no extension means XML, the required format.</summary>
    public static bool TryParseResource(string resource, out string name, out Open311Format format)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var dot = resource.LastIndexOf('.');
        name = dot < 0 ? resource : resource[..dot];
        var extension = dot < 0 ? "xml" : resource[(dot + 1)..];
        format = Open311Format.Xml;
        if (extension.Equals("xml", StringComparison.OrdinalIgnoreCase))
            return name.Length > 0;
        if (!extension.Equals("json", StringComparison.OrdinalIgnoreCase))
            return false;
        format = Open311Format.Json;
        return name.Length > 0;
    }

    /// <summary>An instant as the specification writes it: <c>2026-12-06T09:30:00+08:00</c>.</summary>
    public static string W3c(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, ChinaTime).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Reads a W3C date-time; an offset (or Z) is required, as the specification says.</summary>
    public static bool TryParseW3c(string text, out DateTimeOffset at)
    {
        at = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        text = text.Trim();
        // A date-time without an offset names no instant.
        var time = text.IndexOf('T', StringComparison.Ordinal);
        if (time < 0 || !(text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > time))
            return false;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }

    public static IResult Ok(Open311Format format, string root, object content, int status = StatusCodes.Status200OK) =>
        new Open311Result(format, root, content, status);

    /// <summary>The specification's error answer: the HTTP status, and an <c>errors</c> list with one code and description each.</summary>
    public static IResult Error(Open311Format format, int status, params string[] descriptions) =>
        new Open311Result(format, "errors",
            new Open311List("error", descriptions.Select(d => (object)new Open311Object().With("code", status).With("description", d)).ToList()),
            status);

    public static byte[] Render(Open311Format format, string root, object content) =>
        format == Open311Format.Json ? RenderJson(content) : RenderXml(root, content);

    private static byte[] RenderJson(object content)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteJson(json, content);
        return buffer.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case DateTimeOffset at:
                json.WriteStringValue(W3c(at));
                break;
            case Open311Object o:
                json.WriteStartObject();
                foreach (var (name, field) in o)
                {
                    json.WritePropertyName(name);
                    WriteJson(json, field);
                }
                json.WriteEndObject();
                break;
            case Open311List list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                    WriteJson(json, item);
                json.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"No Open311 form for {value.GetType().Name}.");
        }
    }

    private static byte[] RenderXml(string root, object content)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(root);
            WriteXmlChildren(xml, content);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void WriteXmlChildren(XmlWriter xml, object content)
    {
        switch (content)
        {
            case Open311Object o:
                foreach (var (name, field) in o)
                {
                    xml.WriteStartElement(name);
                    WriteXmlValue(xml, field!);
                    xml.WriteEndElement();
                }
                break;
            case Open311List list:
                foreach (var item in list.Items)
                {
                    xml.WriteStartElement(list.ItemName);
                    WriteXmlValue(xml, item);
                    xml.WriteEndElement();
                }
                break;
            default:
                throw new InvalidOperationException($"An XML root holds an object or a list, not {content.GetType().Name}.");
        }
    }

    private static void WriteXmlValue(XmlWriter xml, object value)
    {
        switch (value)
        {
            case Open311Object or Open311List:
                WriteXmlChildren(xml, value);
                break;
            case bool b:
                xml.WriteString(b ? "true" : "false");
                break;
            case int i:
                xml.WriteString(i.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                xml.WriteString(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset at:
                xml.WriteString(W3c(at));
                break;
            case string s:
                xml.WriteString(s);
                break;
            default:
                throw new InvalidOperationException($"No Open311 form for {value.GetType().Name}.");
        }
    }

    private sealed class Open311Result(Open311Format format, string root, object content, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var body = Render(format, root, content);
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = format == Open311Format.Json ? JsonContentType : XmlContentType;
            httpContext.Response.ContentLength = body.Length;
            await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
