using Dispatch.Domain.Grids;
using NetTopologySuite.Geometries;

namespace Dispatch.Domain.Tests.Grids;

/// <summary>Small hand-made layers: squares on a 0.001° lattice near the demo city.</summary>
internal static class Shapes
{
    public static readonly DateOnly Today = new(2026, 11, 21);
    public const double X0 = 110.28;
    public const double Y0 = 25.25;
    public const double Step = 0.001;

    /// <summary>The square whose south-west corner is lattice point (i, j), spanning w × h cells.</summary>
    public static Polygon Square(int i, int j, int w = 1, int h = 1) =>
        GridGeometry.Rectangle(X(i), Y(j), X(i + w), Y(j + h));

    public static double X(int i) => Math.Round(X0 + (i * Step), 6);
    public static double Y(int j) => Math.Round(Y0 + (j * Step), 6);

    public static GridNodeDraft Node(string code, Geometry boundary, string? name = null) =>
        new(GridCode.Parse(code), name ?? code, boundary, new DateOnly(2026, 1, 1));

    /// <summary>City, district, street and community all on the 4 × 2 block at the origin, with two unit grids.</summary>
    public static List<GridNodeDraft> Tree() =>
    [
        Node("450300", Square(0, 0, 4, 2)),
        Node("450304", Square(0, 0, 4, 2)),
        Node("450304001", Square(0, 0, 4, 2)),
        Node("450304001001", Square(0, 0, 4, 2)),
        Node("450304001001001", Square(0, 1)),
        Node("450304001001002", Square(1, 1)),
    ];

    public static GridFeature Feature(int index, string code, Geometry? boundary, string? name = null, string? parent = null, string? level = null) =>
        new(index, code, name ?? $"grid {code}", level, parent, boundary);
}
