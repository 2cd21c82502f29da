using System.Globalization;
using System.Text.Json;
using Dispatch.Domain.Text;

namespace Dispatch.Api.Hosting;

/// <summary>
/// What text the product accepts at its edge. PostgreSQL refuses NUL in text, and no field has a use for other control
/// characters or for half of a surrogate pair, so they are refused where a request arrives (JSON strings, query
/// strings, form fields, paths), each with a 400 naming the field, instead of failing deep inside a handler.
/// Tab, line feed and carriage return stay allowed: descriptions and opinions have lines.
/// </summary>
public static class TextRules
{
    /// <summary>The index of the first character refused in <paramref name="text"/>, or -1 when all are fine.</summary>
    public static int FirstRefused(ReadOnlySpan<char> text) => PlainText.FirstRefused(text);

    public static bool IsAcceptable(ReadOnlySpan<char> text) => FirstRefused(text) < 0;

    /// <summary>The message for a refused character at <paramref name="index"/>.</summary>
    public static string Refusal(ReadOnlySpan<char> text, int index) =>
        $"Control characters and broken surrogates are not accepted (U+{(int)text[index]:X4} at position {index.ToString(CultureInfo.InvariantCulture)}).";

    /// <summary>The first string in <paramref name="element"/> (a parsed document) holding a refused character: its path and the refusal.</summary>
    public static (string Path, string Message)? FirstRefusedIn(JsonElement element, string path = "body")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                string text;
                try
                {
                    text = element.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    return (path, "Broken surrogates are not accepted.");
                }
                return FirstRefused(text) is var i and >= 0 ? (path, Refusal(text, i)) : null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = path == "body" ? property.Name : $"{path}.{property.Name}";
                    string propertyName;
                    try
                    {
                        propertyName = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return (path, "Broken surrogates are not accepted.");
                    }
                    if (FirstRefused(propertyName) is var k and >= 0)
                        return (path, Refusal(propertyName, k));
                    if (FirstRefusedIn(property.Value, name) is { } found)
                        return found;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstRefusedIn(item, $"{(path == "body" ? "" : path)}[{index++}]") is { } found)
                        return found;
                }
                return null;
            default:
                return null;
        }
    }
}

/// <summary>Enums read by hand (query strings, form fields, configuration) are accepted by their name only.</summary>
public static class EnumNames
{
    /// <summary>
    /// <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> also takes numbers ("4") and flag lists
    /// ("Public,Video"); a name of the enum is what the API documents, so only that is taken (any case).
    /// </summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || !text.All(c => char.IsAsciiLetter(c) || c == '_'))
            return false;
        return Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
