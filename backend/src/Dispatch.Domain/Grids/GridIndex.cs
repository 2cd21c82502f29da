using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index;
using NetTopologySuite.Index.Strtree;

namespace Dispatch.Domain.Grids;

/// <summary>
/// Point-in-polygon over the unit grids (单元网格定位): an STR-tree of their envelopes, then an exact ring test on the
/// few candidates. A point on a shared edge or vertex is covered by every grid that touches it; the lowest code among
/// them wins, so the answer never depends on insertion order. Immutable once built and safe to share between threads.
/// </summary>
public sealed class GridIndex
{
    private readonly STRtree<Entry> _tree = new();

    public GridIndex(IEnumerable<(GridCode Code, Geometry Boundary)> unitGrids)
    {
        ArgumentNullException.ThrowIfNull(unitGrids);
        var extent = new Envelope();
        foreach (var (code, boundary) in unitGrids)
        {
            if (code.Level != GridLevel.Unit)
                throw new ArgumentException($"{code} is a {GridLevels.Name(code.Level)} code; the index holds unit grids only.", nameof(unitGrids));
            var entry = new Entry(code, Polygons(boundary));
            _tree.Insert(boundary.EnvelopeInternal, entry);
            extent.ExpandToInclude(boundary.EnvelopeInternal);
            Count++;
        }
        // STRtree builds lazily on the first query, which is not thread-safe; build now so queries only read.
        _tree.Build();
        Extent = extent;
    }

    public int Count { get; }

    /// <summary>The bounding box of every unit grid (empty when there are none).</summary>
    public Envelope Extent { get; }

    public static GridIndex Empty { get; } = new([]);

    /// <summary>The unit grid that covers the point, or null when the point is outside the managed area.</summary>
    public GridCode? Locate(double longitude, double latitude)
    {
        if (Count == 0)
            return null;
        var visitor = new LowestCovering(new Coordinate(longitude, latitude));
        _tree.Query(new Envelope(visitor.Point), visitor);
        return visitor.Best?.Code;
    }

    /// <summary>Every unit grid that covers the point, lowest code first (more than one only on shared edges).</summary>
    public IReadOnlyList<GridCode> LocateAll(double longitude, double latitude)
    {
        var point = new Coordinate(longitude, latitude);
        return _tree.Query(new Envelope(point))
            .Where(e => e.Covers(point))
            .Select(e => e.Code)
            .OrderBy(c => c.Value, StringComparer.Ordinal)
            .ToList();
    }

    private static Ring[] Polygons(Geometry boundary)
    {
        var polygons = new List<Ring>();
        for (var i = 0; i < boundary.NumGeometries; i++)
        {
            if (boundary.GetGeometryN(i) is not Polygon polygon)
                throw new ArgumentException($"A unit grid must be a polygon or multipolygon, not {boundary.GeometryType}.", nameof(boundary));
            polygons.Add(new Ring(polygon.Shell.Coordinates, polygon.Holes.Select(h => h.Coordinates).ToArray()));
        }
        return polygons.ToArray();
    }

    private sealed record Ring(Coordinate[] Shell, Coordinate[][] Holes);

    private sealed class Entry(GridCode code, Ring[] polygons)
    {
        public GridCode Code { get; } = code;

        /// <summary>Covers = inside or on the boundary; a point on a hole's edge still belongs to the grid.</summary>
        public bool Covers(Coordinate point)
        {
            foreach (var polygon in polygons)
            {
                if (PointLocation.LocateInRing(point, polygon.Shell) == Location.Exterior)
                    continue;
                var inHole = false;
                foreach (var hole in polygon.Holes)
                {
                    if (PointLocation.LocateInRing(point, hole) == Location.Interior)
                    {
                        inHole = true;
                        break;
                    }
                }
                if (!inHole)
                    return true;
            }
            return false;
        }
    }

    private sealed class LowestCovering(Coordinate point) : IItemVisitor<Entry>
    {
        public Coordinate Point { get; } = point;
        public Entry? Best { get; private set; }

        public void VisitItem(Entry item)
        {
            if (Best is not null && string.CompareOrdinal(item.Code.Value, Best.Code.Value) >= 0)
                return;
            if (item.Covers(Point))
                Best = item;
        }
    }
}
