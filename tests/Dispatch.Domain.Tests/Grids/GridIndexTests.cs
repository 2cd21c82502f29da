using Dispatch.Domain.Grids;
using static Dispatch.Domain.Tests.Grids.Shapes;

namespace Dispatch.Domain.Tests.Grids;

public class GridIndexTests
{
    // Four unit grids meeting at lattice point (1, 1); codes chosen so that the lowest is not the first inserted.
    private static readonly GridIndex Index = new([
        (GridCode.Parse("450304001001004"), Square(1, 1)),
        (GridCode.Parse("450304001001003"), Square(0, 1)),
        (GridCode.Parse("450304001001002"), Square(1, 0)),
        (GridCode.Parse("450304001001001"), Square(0, 0)),
    ]);

    [Fact]
    public void An_interior_point_locates_in_its_grid()
    {
        Assert.Equal("450304001001002", Index.Locate(X(1) + 0.0004, Y(0) + 0.0004)?.Value);
        Assert.Equal("450304001001003", Index.Locate(X(0) + 0.0001, Y(1) + 0.0009)?.Value);
    }

    [Fact]
    public void A_point_on_a_shared_edge_goes_to_the_lowest_code()
    {
        // The edge x = X(1) between 001 (west) and 002 (east).
        Assert.Equal("450304001001001", Index.Locate(X(1), Y(0) + 0.0005)?.Value);
        // The edge between 003 (west) and 004 (east): 003 is lower.
        Assert.Equal("450304001001003", Index.Locate(X(1), Y(1) + 0.0005)?.Value);
        // The edge y = Y(1) between 002 (south) and 004 (north).
        Assert.Equal("450304001001002", Index.Locate(X(1) + 0.0005, Y(1))?.Value);
        Assert.Equal(["450304001001002", "450304001001004"], Index.LocateAll(X(1) + 0.0005, Y(1)).Select(c => c.Value));
    }

    [Fact]
    public void A_point_on_a_shared_vertex_goes_to_the_lowest_of_all_four()
    {
        Assert.Equal("450304001001001", Index.Locate(X(1), Y(1))?.Value);
        Assert.Equal(4, Index.LocateAll(X(1), Y(1)).Count);
    }

    [Fact]
    public void The_answer_does_not_depend_on_insertion_order()
    {
        var reversed = new GridIndex([
            (GridCode.Parse("450304001001001"), Square(0, 0)),
            (GridCode.Parse("450304001001002"), Square(1, 0)),
            (GridCode.Parse("450304001001003"), Square(0, 1)),
            (GridCode.Parse("450304001001004"), Square(1, 1)),
        ]);

        Assert.Equal(Index.Locate(X(1), Y(1)), reversed.Locate(X(1), Y(1)));
        Assert.Equal(Index.Locate(X(1) + 0.0005, Y(1)), reversed.Locate(X(1) + 0.0005, Y(1)));
    }

    [Fact]
    public void A_point_on_the_outer_boundary_is_inside_the_managed_area()
    {
        Assert.Equal("450304001001001", Index.Locate(X(0), Y(0) + 0.0002)?.Value);
        Assert.Equal("450304001001004", Index.Locate(X(2), Y(2))?.Value);
    }

    [Theory]
    [InlineData(-0.0001, 0.0005)]
    [InlineData(0.0005, 0.0021)]
    [InlineData(0.0021, 0.0021)]
    [InlineData(10, 10)]
    public void A_point_outside_every_grid_is_outside_the_managed_area(double dx, double dy)
    {
        Assert.Null(Index.Locate(X0 + dx, Y0 + dy));
        Assert.Empty(Index.LocateAll(X0 + dx, Y0 + dy));
    }

    [Fact]
    public void A_point_in_a_hole_is_outside_but_its_rim_is_inside()
    {
        var withHole = (NetTopologySuite.Geometries.Polygon)Square(0, 0, 3, 3).Difference(Square(1, 1));
        var index = new GridIndex([(GridCode.Parse("450304001001001"), withHole)]);

        Assert.Null(index.Locate(X(1) + 0.0005, Y(1) + 0.0005));
        Assert.NotNull(index.Locate(X(1), Y(1) + 0.0005));
        Assert.NotNull(index.Locate(X(0) + 0.0005, Y(0) + 0.0005));
    }

    [Fact]
    public void Multipolygon_grids_cover_each_part()
    {
        var parts = GridGeometry.Factory.CreateMultiPolygon([Square(0, 0), Square(5, 5)]);
        var index = new GridIndex([(GridCode.Parse("450304001001001"), parts)]);

        Assert.NotNull(index.Locate(X(5) + 0.0005, Y(5) + 0.0005));
        Assert.Null(index.Locate(X(3) + 0.0005, Y(3) + 0.0005));
    }

    [Fact]
    public void An_empty_index_locates_nothing()
    {
        Assert.Null(GridIndex.Empty.Locate(110.29, 25.25));
        Assert.Equal(0, GridIndex.Empty.Count);
    }

    [Fact]
    public void Only_unit_grids_are_indexed()
    {
        Assert.Throws<ArgumentException>(() => new GridIndex([(GridCode.Parse("450304001001"), Square(0, 0))]));
    }
}
