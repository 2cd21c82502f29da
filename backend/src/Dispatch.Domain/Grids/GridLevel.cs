namespace Dispatch.Domain.Grids;

/// <summary>
/// The levels of the four-level grid (四级网格: 市 → 区 → 街道/乡镇 → 社区/村) and the unit grid (单元网格) below them.
/// The order matters: a parent's level is always the one before its child's.
/// </summary>
public enum GridLevel
{
    /// <summary>市: a 6-digit administrative code ending in 00, e.g. 450300 桂林市.</summary>
    City,
    /// <summary>区/县: a 6-digit administrative code (GB/T 2260), e.g. 450304 象山区.</summary>
    District,
    /// <summary>街道/乡镇: district code + 3 digits.</summary>
    Street,
    /// <summary>社区/村: street code + 3 digits.</summary>
    Community,
    /// <summary>万米单元网格: community code + 3-digit serial, 15 digits in all.</summary>
    Unit,
}

public static class GridLevels
{
    /// <summary>The lower-case names the API and GeoJSON properties use.</summary>
    public static string Name(GridLevel level) => level switch
    {
        GridLevel.City => "city",
        GridLevel.District => "district",
        GridLevel.Street => "street",
        GridLevel.Community => "community",
        GridLevel.Unit => "unit",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static bool TryParse(string? text, out GridLevel level)
    {
        switch (text?.Trim())
        {
            case "city": level = GridLevel.City; return true;
            case "district": level = GridLevel.District; return true;
            case "street": level = GridLevel.Street; return true;
            case "community": level = GridLevel.Community; return true;
            case "unit": level = GridLevel.Unit; return true;
            default: level = default; return false;
        }
    }
}
