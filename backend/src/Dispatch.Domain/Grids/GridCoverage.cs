using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;

namespace Dispatch.Domain.Grids;

/// <summary>Area of a community (社区) that no unit grid covers: a point there could not be located.</summary>
public sealed record CommunityCoverageGap(GridCode Community, string Name, double AreaSquareMetres, double UncoveredSquareMetres, Geometry Uncovered);

/// <summary>
/// The coverage report: for every community in force, its area minus the union of its unit grids. Communities
/// covered completely (up to the tolerance, which swallows digitising slivers) are left out.
/// </summary>
public static class GridCoverage
{
    public const double DefaultToleranceSquareMetres = 1;

    public static IReadOnlyList<CommunityCoverageGap> Report(IEnumerable<GridNodeDraft> nodes, DateOnly today,
        double toleranceSquareMetres = DefaultToleranceSquareMetres)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var inForce = nodes.Where(n => n.IsInForceOn(today)).ToList();
        var units = inForce.Where(n => n.Code.Level == GridLevel.Unit)
            .ToLookup(n => n.Code.Parent!.Value.Value, StringComparer.Ordinal);
        var gaps = new List<CommunityCoverageGap>();
        foreach (var community in inForce.Where(n => n.Code.Level == GridLevel.Community).OrderBy(n => n.Code.Value, StringComparer.Ordinal))
        {
            var children = units[community.Code.Value].Select(u => u.Boundary).ToList();
            var uncovered = children.Count == 0
                ? community.Boundary
                : GridGeometry.Difference(community.Boundary, OverlayNGRobust.Union(children));
            // Slivers left by floating-point noise along shared edges are not gaps.
            var parts = Enumerable.Range(0, uncovered.NumGeometries).Select(uncovered.GetGeometryN)
                .OfType<Polygon>().Where(p => GridGeometry.AreaSquareMetres(p) > toleranceSquareMetres).ToArray();
            if (parts.Length == 0)
                continue;
            Geometry gap = parts.Length == 1 ? parts[0] : GridGeometry.Factory.CreateMultiPolygon(parts);
            gaps.Add(new CommunityCoverageGap(community.Code, community.Name, GridGeometry.AreaSquareMetres(community.Boundary),
                parts.Sum(GridGeometry.AreaSquareMetres), gap));
        }
        return gaps;
    }
}
