using System.Diagnostics.CodeAnalysis;

namespace Dispatch.Domain.Grids;

/// <summary>
/// The code of a grid node (网格编码). City and district carry their 6-digit administrative code (GB/T 2260; a city's
/// ends in 00, e.g. 450300 桂林市, a district's does not, e.g. 450304 象山区); every level below appends a 3-digit
/// serial to its parent's code: street = district + 3, community = street + 3, unit grid = community + 3 = 15 digits
/// (e.g. <c>450304001002017</c>). The level therefore follows from the code alone, and so does every ancestor.
/// </summary>
public readonly record struct GridCode
{
    public const int DistrictLength = 6;
    public const int StreetLength = 9;
    public const int CommunityLength = 12;
    public const int UnitLength = 15;

    private readonly string? _value;

    private GridCode(string value, GridLevel level)
    {
        _value = value;
        Level = level;
    }

    public string Value => _value ?? "";
    public GridLevel Level { get; }

    /// <summary>The code of the level above, or null for a city (the root).</summary>
    public GridCode? Parent => Level switch
    {
        GridLevel.City => null,
        GridLevel.District => new GridCode(Value[..4] + "00", GridLevel.City),
        _ => new GridCode(Value[..^3], Level - 1),
    };

    /// <summary>This code's ancestor at <paramref name="level"/> (or itself at its own level).</summary>
    public GridCode At(GridLevel level)
    {
        if (level > Level)
            throw new ArgumentOutOfRangeException(nameof(level), $"{Value} is a {GridLevels.Name(Level)} code; it has no {GridLevels.Name(level)} ancestor.");
        var code = this;
        while (code.Level > level)
            code = code.Parent!.Value;
        return code;
    }

    /// <summary>True when <paramref name="other"/> is this node or lies anywhere under it.</summary>
    public bool Contains(GridCode other) =>
        Level == GridLevel.City
            ? other.Value.StartsWith(Value[..4], StringComparison.Ordinal)
            : other.Value.StartsWith(Value, StringComparison.Ordinal);

    /// <summary>The code of this node's child with the given 3-digit serial (1–999).</summary>
    public GridCode Child(int serial)
    {
        if (Level == GridLevel.Unit)
            throw new InvalidOperationException($"{Value} is a unit grid; unit grids have no children.");
        if (Level == GridLevel.City)
        {
            // Districts are administrative codes, not serials: 01–99 below the city's first four digits.
            if (serial is < 1 or > 99)
                throw new ArgumentOutOfRangeException(nameof(serial), "A district's own part is 01–99.");
            return new GridCode(Value[..4] + serial.ToString("00", System.Globalization.CultureInfo.InvariantCulture), GridLevel.District);
        }
        if (serial is < 1 or > 999)
            throw new ArgumentOutOfRangeException(nameof(serial), "A serial is 001–999.");
        return new GridCode(Value + serial.ToString("000", System.Globalization.CultureInfo.InvariantCulture), Level + 1);
    }

    public static GridCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, out GridCode code) => TryParse(text, out code, out _);

    public static bool TryParse([NotNullWhen(true)] string? text, out GridCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        error = Check(text);
        if (error is not null)
            return false;
        var level = text!.Length switch
        {
            DistrictLength => text.EndsWith("00", StringComparison.Ordinal) ? GridLevel.City : GridLevel.District,
            StreetLength => GridLevel.Street,
            CommunityLength => GridLevel.Community,
            _ => GridLevel.Unit,
        };
        code = new GridCode(text, level);
        return true;
    }

    private static string? Check(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "A grid code is required.";
        if (!text.All(char.IsAsciiDigit))
            return $"'{text}' is not a grid code: only the digits 0–9 are allowed.";
        if (text.Length is not (DistrictLength or StreetLength or CommunityLength or UnitLength))
            return $"'{text}' has {text.Length} digits; a grid code has 6 (city or district), 9 (street), 12 (community) or 15 (unit grid).";
        if (text.StartsWith("00", StringComparison.Ordinal))
            return $"'{text}' does not start with a province code (GB/T 2260: 11–82).";
        if (text.AsSpan(2, 4) is "0000")
            return $"'{text}' names a province; the grid starts at a city (a 6-digit code ending in 00, e.g. 450300).";
        if (text.Length > DistrictLength && text.AsSpan(4, 2) is "00")
            return $"'{text}' puts a street under the city code {text[..6]}; streets belong to a district (a 6-digit code not ending in 00).";
        for (var start = DistrictLength; start < text.Length; start += 3)
            if (text.AsSpan(start, 3) is "000")
                return $"'{text}' has serial 000 at digits {start + 1}–{start + 3}; serials run from 001.";
        return null;
    }

    public override string ToString() => Value;
}
