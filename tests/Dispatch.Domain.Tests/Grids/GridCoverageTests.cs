using Dispatch.Domain.Grids;
using static Dispatch.Domain.Tests.Grids.Shapes;

namespace Dispatch.Domain.Tests.Grids;

public class GridCoverageTests
{
    [Fact]
    public void Area_of_a_community_no_unit_grid_covers_is_reported()
    {
        // The community is 4 × 2 cells; Tree() has two unit grids in its north-west corner.
        var gap = Assert.Single(GridCoverage.Report(Tree(), Today));

        Assert.Equal("450304001001", gap.Community.Value);
        Assert.Equal(gap.AreaSquareMetres * 6 / 8, gap.UncoveredSquareMetres, 1e-6 * gap.AreaSquareMetres);
        // Six cells of 0.001° × 0.001°, about 100.7 m × 111.2 m each.
        Assert.InRange(gap.UncoveredSquareMetres, 66_000, 68_000);
        Assert.True(gap.Uncovered.Covers(Square(0, 0, 4, 1)));
        Assert.False(gap.Uncovered.Intersection(Square(0, 1)).Area > 0);
    }

    [Fact]
    public void A_fully_covered_community_is_not_listed()
    {
        var nodes = Tree();
        nodes.AddRange(new[] { (0, 0), (1, 0), (2, 0), (3, 0), (2, 1), (3, 1) }
            .Select((p, i) => Node($"450304001001{i + 3:000}", Square(p.Item1, p.Item2))));

        Assert.Empty(GridCoverage.Report(nodes, Today));
    }

    [Fact]
    public void A_community_without_unit_grids_is_wholly_uncovered()
    {
        var nodes = Tree();
        nodes.Add(Node("450304001002", Square(4, 0, 2, 2)));

        var gap = Assert.Single(GridCoverage.Report(nodes, Today), g => g.Community.Value == "450304001002");
        Assert.Equal(gap.AreaSquareMetres, gap.UncoveredSquareMetres, 1e-6);
    }

    [Fact]
    public void Slivers_below_the_tolerance_are_not_gaps()
    {
        var nodes = Tree();
        nodes.RemoveAll(n => n.Code.Level == GridLevel.Unit);
        // One unit grid covering all but a 1 mm strip along the south edge.
        nodes.Add(Node("450304001001001", GridGeometry.Rectangle(X(0), Y(0) + 0.00000001, X(4), Y(2))));

        Assert.Empty(GridCoverage.Report(nodes, Today));
    }

    [Fact]
    public void Retired_unit_grids_do_not_count_as_coverage()
    {
        var nodes = Tree();
        nodes.AddRange(new[] { (0, 0), (1, 0), (2, 0), (3, 0), (2, 1), (3, 1) }
            .Select((p, i) => Node($"450304001001{i + 3:000}", Square(p.Item1, p.Item2)) with { ValidTo = new DateOnly(2026, 6, 1) }));

        Assert.Single(GridCoverage.Report(nodes, Today));
    }
}
