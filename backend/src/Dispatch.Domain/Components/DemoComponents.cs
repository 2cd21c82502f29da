using Dispatch.Domain.Grids;

namespace Dispatch.Domain.Components;

/// <summary>One generated census record of the demo city; the owner is a department key of departments-demo.csv.</summary>
public sealed record DemoComponent(ComponentCode Code, string OwnerKey, string? Maintainer, ComponentState State, double Longitude, double Latitude)
{
    public string CategoryCode => Code.CategoryCode;
}

/// <summary>
/// Three hundred components (部件) of the demo city: manhole covers of every owner, poles and street lights, spread
/// over the rectangle 110.275–110.305 E, 25.235–25.270 N that the demo grid covers. Generated from a fixed seed, so
/// every run (and every node) produces the same inventory. Some have no recorded owner (an empty owner key), so that
/// routing falls back from the owner to the department kind or the street office.
/// </summary>
public static class DemoComponents
{
    public const double West = 110.275;
    public const double East = 110.305;
    public const double South = 25.235;
    public const double North = 25.270;

    // Category, how many, and the owners in turn (empty: no owner recorded).
    private static readonly (string Category, int Count, string[] Owners, string Maintainer)[] Plan =
    [
        ("0101", 30, ["gl-water"], "桂林市供水公司管网所"),
        ("0102", 40, ["gl-drainage"], "桂林市排水公司养护队"),
        ("0103", 40, ["gl-drainage"], "桂林市排水公司养护队"),
        ("0105", 20, ["gl-power"], "桂林供电局配电运维班"),
        ("0107", 25, ["gl-telecom"], "通信管线联合维护中心"),
        ("0111", 15, ["gl-gas"], "桂林市燃气公司巡线班"),
        ("0114", 10, [""], ""),
        // Poles: most belong to the power bureau, some to telecom operators (a different owner than the category's
        // kind, which is where 先属主 shows), a few to nobody on record.
        ("0117", 40, ["gl-power", "gl-power", "gl-telecom", "gl-power", ""], "杆线维护队"),
        ("0118", 80, ["gl-lighting", "gl-lighting", "gl-lighting", "gl-lighting", "gl-lighting", "gl-lighting", "gl-lighting", "gl-lighting", "gl-lighting", ""], "桂林市路灯管理所维修班"),
    ];

    public static IReadOnlyList<DemoComponent> All()
    {
        var random = new Random(450304);
        var components = new List<DemoComponent>();
        foreach (var (category, count, owners, maintainer) in Plan)
        {
            for (var serial = 1; serial <= count; serial++)
            {
                var owner = owners[(serial - 1) % owners.Length];
                // Mostly intact, as a census finds them; a few damaged or missing.
                var roll = random.NextDouble();
                var state = roll < 0.85 ? ComponentState.Intact : roll < 0.95 ? ComponentState.Damaged : ComponentState.Missing;
                var longitude = Math.Round(West + 0.0005 + (random.NextDouble() * (East - West - 0.001)), 6);
                var latitude = Math.Round(South + 0.0005 + (random.NextDouble() * (North - South - 0.001)), 6);
                components.Add(new DemoComponent(ComponentCode.Create(DemoCity.District, category, serial), owner,
                    maintainer.Length == 0 ? null : maintainer, state, longitude, latitude));
            }
        }
        return components;
    }
}

/// <summary>Distances on the ground for the small spans a report covers.</summary>
public static class GroundDistance
{
    private const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Haversine distance in metres between two WGS-84 points.</summary>
    public static double Metres(double longitude1, double latitude1, double longitude2, double latitude2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude2 - latitude1);
        var dLon = Radians(longitude2 - longitude1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Half the side of a box (in degrees of latitude and longitude) that holds every point within <paramref name="metres"/>.</summary>
    public static (double Longitude, double Latitude) Box(double latitude, double metres)
    {
        var dLat = metres / 111_195.0;
        var dLon = dLat / Math.Max(0.01, Math.Cos(latitude * Math.PI / 180));
        return (dLon, dLat);
    }
}
