using BenchmarkDotNet.Attributes;
using Dispatch.Domain.Grids;
using NetTopologySuite.Geometries;

namespace Dispatch.Benchmarks;

/// <summary>
/// Locating a point among 102,400 unit grids (a 320 × 320 tiling, about the size of a megacity's grid, docs/domain.md §8).
/// The cells are irregular quadrilaterals — every lattice vertex is jittered, shared by its four cells — so the
/// ring test does real work, as it would on surveyed boundaries. Each operation locates one of 4,096 random points.
/// </summary>
[MemoryDiagnoser]
public class LocateBenchmarks
{
    private const int Side = 320;
    private const int PointCount = 4096;
    private const double Step = 0.001;
    private const double West = 110.0;
    private const double South = 25.0;

    private GridIndex _index = GridIndex.Empty;
    private (double Lon, double Lat)[] _inside = [];
    private (double Lon, double Lat)[] _outside = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261121);
        var vertices = new Coordinate[Side + 1, Side + 1];
        for (var i = 0; i <= Side; i++)
            for (var j = 0; j <= Side; j++)
            {
                // The outer ring stays straight so the managed area is a clean rectangle.
                var jitter = i == 0 || j == 0 || i == Side || j == Side ? 0 : 0.3 * Step;
                vertices[i, j] = new Coordinate(
                    West + (i * Step) + ((random.NextDouble() - 0.5) * jitter),
                    South + (j * Step) + ((random.NextDouble() - 0.5) * jitter));
            }
        var district = GridCode.Parse("450304");
        var units = new List<(GridCode, Geometry)>(Side * Side);
        for (var i = 0; i < Side; i++)
            for (var j = 0; j < Side; j++)
            {
                // Communities of 10 × 10 unit grids, 100 communities per street.
                var community = ((i / 10) * (Side / 10)) + (j / 10);
                var code = district.Child(1 + (community / 100)).Child(1 + (community % 100)).Child(1 + ((i % 10) * 10) + (j % 10));
                units.Add((code, GridGeometry.Factory.CreatePolygon([
                    vertices[i, j], vertices[i + 1, j], vertices[i + 1, j + 1], vertices[i, j + 1], vertices[i, j],
                ])));
            }
        _index = new GridIndex(units);
        _inside = Enumerable.Range(0, PointCount)
            .Select(_ => (West + (random.NextDouble() * Side * Step), South + (random.NextDouble() * Side * Step)))
            .ToArray();
        _outside = Enumerable.Range(0, PointCount)
            .Select(_ => (West - 0.01 - random.NextDouble(), South + (random.NextDouble() * Side * Step)))
            .ToArray();
        if (_index.Count != Side * Side || _inside.Any(p => _index.Locate(p.Lon, p.Lat) is null))
            throw new InvalidOperationException("The synthetic grid does not tile its extent.");
    }

    [Benchmark(OperationsPerInvoke = PointCount)]
    public int Locate_inside()
    {
        var found = 0;
        foreach (var (lon, lat) in _inside)
            if (_index.Locate(lon, lat) is not null)
                found++;
        return found;
    }

    [Benchmark(OperationsPerInvoke = PointCount)]
    public int Locate_outside()
    {
        var found = 0;
        foreach (var (lon, lat) in _outside)
            if (_index.Locate(lon, lat) is not null)
                found++;
        return found;
    }
}
