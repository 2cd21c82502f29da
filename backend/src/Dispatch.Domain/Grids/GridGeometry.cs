using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Dispatch.Domain.Grids;

/// <summary>
/// Geometry conventions of the grid: WGS-84 longitude/latitude degrees (SRID 4326), polygons stored as WKB, and areas
/// reported in square metres by a local equal-area scale, which is accurate to well under 1 % for grid-sized shapes.
/// </summary>
public static class GridGeometry
{
    public const int Srid = 4326;

    /// <summary>Mean earth radius (IUGG); one degree of latitude is about 111.2 km.</summary>
    private const double EarthRadiusMetres = 6_371_008.8;
    private const double MetresPerDegree = EarthRadiusMetres * Math.PI / 180;

    public static GeometryFactory Factory { get; } = new(new PrecisionModel(), Srid);

    public static byte[] ToWkb(Geometry geometry) => new WKBWriter().Write(geometry);

    public static Geometry FromWkb(byte[] wkb)
    {
        var geometry = new WKBReader().Read(wkb);
        geometry.SRID = Srid;
        return geometry;
    }

    /// <summary>Area in m², scaling degrees by the cosine of the shape's mid latitude.</summary>
    public static double AreaSquareMetres(Geometry geometry)
    {
        if (geometry.IsEmpty)
            return 0;
        var envelope = geometry.EnvelopeInternal;
        var midLatitude = (envelope.MinY + envelope.MaxY) / 2 * Math.PI / 180;
        return geometry.Area * MetresPerDegree * MetresPerDegree * Math.Cos(midLatitude);
    }

    /// <summary>A rectangle from its west, south, east and north edges.</summary>
    public static Polygon Rectangle(double west, double south, double east, double north) =>
        Factory.CreatePolygon([
            new Coordinate(west, north), new Coordinate(east, north), new Coordinate(east, south),
            new Coordinate(west, south), new Coordinate(west, north),
        ]);

    /// <summary>Intersection that survives near-degenerate input (snapping fallback) instead of throwing.</summary>
    public static Geometry Intersection(Geometry a, Geometry b) => OverlayNGRobust.Overlay(a, b, SpatialFunction.Intersection);

    public static Geometry Difference(Geometry a, Geometry b) => OverlayNGRobust.Overlay(a, b, SpatialFunction.Difference);
}
