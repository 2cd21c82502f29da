namespace Dispatch.Domain.Text;

/// <summary>
/// Text the product stores and shows: no control characters (PostgreSQL refuses NUL; nothing has a use for the
/// others) and no half of a surrogate pair. Tab, line feed and carriage return are allowed: descriptions have lines.
/// Names shown on maps and in lists are plainer still: no markup characters either.
/// </summary>
public static class PlainText
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

    /// <summary>A name: acceptable text on one line, with no characters that could be taken for markup.</summary>
    public static bool IsName(ReadOnlySpan<char> text) =>
        IsAcceptable(text) && text.IndexOfAny("<>\t\r\n") < 0;

    public const string NameRule = "a name has no control characters, line breaks or markup characters (< >)";
}
