using Dispatch.Domain.Grids;

namespace Dispatch.Domain.Tests.Grids;

public class DemoCityTests
{
    private static readonly IReadOnlyList<GridNodeDraft> Nodes = DemoCity.Nodes();
    private static readonly GridIndex Index = new(Nodes.Where(n => n.Code.Level == GridLevel.Unit).Select(n => (n.Code, n.Boundary)));

    [Fact]
    public void The_demo_city_passes_its_own_import_checks_and_has_no_coverage_gaps()
    {
        var features = Nodes.Select((n, i) => new GridFeature(i, n.Code.Value, n.Name, GridLevels.Name(n.Code.Level),
            n.Code.Parent?.Value, n.Boundary, n.ValidFrom)).ToList();

        var result = GridLayerValidator.Validate(new GridImportDocument(features, DemoCity.ResponsibilityGrids(), []), [], [], Shapes.Today);

        Assert.Empty(result.Problems);
        Assert.Empty(GridCoverage.Report(Nodes, Shapes.Today));
    }

    [Fact]
    public void The_tree_is_桂林市_象山区_and_its_four_streets()
    {
        Assert.Equal("桂林市", Nodes.Single(n => n.Code.Value == "450300").Name);
        Assert.Equal("象山区", Nodes.Single(n => n.Code.Value == "450304").Name);
        Assert.Equal(
            [("450304001", "象山街道"), ("450304002", "南门街道"), ("450304003", "平山街道"), ("450304200", "二塘乡")],
            Nodes.Where(n => n.Code.Level == GridLevel.Street).Select(n => (n.Code.Value, n.Name)));
        Assert.Equal(16, Nodes.Count(n => n.Code.Level == GridLevel.Community));
        Assert.Equal(DemoCity.Columns * DemoCity.Rows, Nodes.Count(n => n.Code.Level == GridLevel.Unit));
    }

    [Fact]
    public void Unit_grids_are_about_ten_thousand_square_metres()
    {
        Assert.All(Nodes.Where(n => n.Code.Level == GridLevel.Unit),
            n => Assert.InRange(GridGeometry.AreaSquareMetres(n.Boundary), 9_500, 10_500));
    }

    [Fact]
    public void The_required_rectangle_locates_everywhere()
    {
        // Every 0.0005° across 110.275–110.305 E, 25.235–25.270 N, which also hits every shared edge and vertex.
        for (var lon = 110.275; lon <= 110.305 + 1e-9; lon += 0.0005)
            for (var lat = 25.235; lat <= 25.270 + 1e-9; lat += 0.0005)
                Assert.True(Index.Locate(lon, lat) is not null, $"({lon}, {lat}) did not locate");
    }

    [Fact]
    public void 象鼻山_lies_in_象山街道()
    {
        var unit = Index.Locate(110.296, 25.268);

        Assert.NotNull(unit);
        Assert.Equal("450304001", unit.Value.At(GridLevel.Street).Value);
    }

    [Fact]
    public void Unit_serials_run_west_to_east_then_north_to_south()
    {
        var community = Nodes.Where(n => n.Code.Parent?.Value == "450304001001").ToDictionary(n => n.Code.Value);
        var first = community["450304001001001"].Boundary.EnvelopeInternal;
        var second = community["450304001001002"].Boundary.EnvelopeInternal;
        var eleventh = community["450304001001011"].Boundary.EnvelopeInternal;

        Assert.Equal(first.MaxX, second.MinX);
        Assert.Equal(first.MinY, eleventh.MaxY);
        Assert.Equal(first.MinX, eleventh.MinX);
    }

    [Fact]
    public void Every_community_has_a_responsibility_grid_and_the_demo_patrollers_have_theirs()
    {
        var grids = DemoCity.ResponsibilityGrids();

        Assert.Equal(16, grids.Count);
        Assert.All(grids, g => Assert.Equal(110, g.UnitGridCodes.Count));
        Assert.Equal(["patroller1"], grids.Single(g => g.Code == "450304001001-01").Patrollers);
        Assert.Equal(["patroller2"], grids.Single(g => g.Code == "450304002001-01").Patrollers);
        Assert.Contains(Index.Locate(110.296, 25.268)!.Value.Value, grids.Single(g => g.Code == "450304001001-01").UnitGridCodes);
    }
}
