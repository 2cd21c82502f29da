using System.Globalization;

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
    public static int FirstRefused(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' ? c is not ('\t' or '\n' or '\r') : c is '\u007f' or (>= '\u0080' and <= '\u009f'))
                return i;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                return i;
            }
            if (char.IsLowSurrogate(c))
                return i;
        }
        return -1;
    }

    public static bool IsAcceptable(ReadOnlySpan<char> text) => FirstRefused(text) < 0;

    /// <summary>The message for a refused character at <paramref name="index"/>.</summary>
    public static string Refusal(ReadOnlySpan<char> text, int index) =>
        $"Control characters and broken surrogates are not accepted (U+{(int)text[index]:X4} at position {index.ToString(CultureInfo.InvariantCulture)}).";

    /// <summary>Whether <paramref name="text"/> could be taken for markup when shown: names shown on maps and lists may not.</summary>
    public static bool LooksLikeMarkup(ReadOnlySpan<char> text) => text.IndexOfAny('<', '>') >= 0;
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
