using Dispatch.Domain.Grids;
using NetTopologySuite.Geometries;
using static Dispatch.Domain.Tests.Grids.Shapes;

namespace Dispatch.Domain.Tests.Grids;

public class GridLayerValidatorTests
{
    private static GridValidationResult Validate(IEnumerable<GridFeature> features,
        IReadOnlyCollection<GridNodeDraft>? stored = null, IReadOnlyList<ResponsibilityGridDefinition>? grids = null,
        IReadOnlyCollection<ResponsibilityGridDefinition>? storedGrids = null) =>
        GridLayerValidator.Validate(new GridImportDocument(features.ToList(), grids ?? [], []), stored ?? Tree(), storedGrids ?? [], Today);

    private static GridProblem Single(GridValidationResult result, GridProblemKind kind)
    {
        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(kind, problem.Kind);
        return problem;
    }

    [Fact]
    public void A_whole_valid_tree_passes()
    {
        var features = Tree().Select((n, i) => Feature(i, n.Code.Value, n.Boundary, n.Name)).ToList();

        var result = Validate(features, stored: []);

        Assert.Empty(result.Problems);
        Assert.Equal(6, result.Nodes.Count);
        Assert.All(result.Nodes, n => Assert.Equal(Today, n.ValidFrom));
    }

    [Fact]
    public void New_unit_grids_beside_stored_ones_pass()
    {
        var result = Validate([Feature(0, "450304001001003", Square(2, 1)), Feature(1, "450304001001004", Square(3, 1))]);

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_redrawn_node_without_a_start_date_keeps_its_own_and_a_new_one_starts_today()
    {
        var result = Validate([Feature(0, "450304001001002", Square(1, 1)), Feature(1, "450304001001003", Square(2, 1))]);

        Assert.Equal(new DateOnly(2026, 1, 1), result.Nodes[0].ValidFrom);
        Assert.Equal(Today, result.Nodes[1].ValidFrom);
    }

    [Fact]
    public void A_self_intersecting_ring_is_refused()
    {
        // A bow tie: the ring crosses itself in the middle of the cell.
        var bowTie = GridGeometry.Factory.CreatePolygon([
            new Coordinate(X(2), Y(1)), new Coordinate(X(3), Y(2)), new Coordinate(X(3), Y(1)),
            new Coordinate(X(2), Y(2)), new Coordinate(X(2), Y(1)),
        ]);

        var problem = Single(Validate([Feature(0, "450304001001003", bowTie)]), GridProblemKind.SelfIntersection);

        Assert.Equal("features[0]", problem.Where);
        Assert.Contains("450304001001003", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hole_outside_its_shell_is_refused()
    {
        var shell = GridGeometry.Factory.CreateLinearRing(Square(2, 1).Coordinates);
        var hole = GridGeometry.Factory.CreateLinearRing(Square(5, 5).Coordinates);

        Single(Validate([Feature(0, "450304001001003", GridGeometry.Factory.CreatePolygon(shell, [hole]))]), GridProblemKind.InvalidGeometry);
    }

    [Theory]
    [InlineData("45030400100100X")]
    [InlineData("4503040010010031")]
    [InlineData("450304001001000")]
    [InlineData("")]
    public void A_malformed_code_is_refused(string code)
    {
        var problem = Single(Validate([Feature(0, code, Square(2, 1))]), GridProblemKind.MalformedCode);

        Assert.Equal("features[0]", problem.Where);
    }

    [Fact]
    public void A_code_twice_in_one_import_is_refused()
    {
        var problem = Single(Validate([Feature(0, "450304001001003", Square(2, 1)), Feature(1, "450304001001003", Square(3, 1))]),
            GridProblemKind.DuplicateCode);

        Assert.Equal("features[1]", problem.Where);
        Assert.Contains("features[0]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_code_that_does_not_extend_the_named_parent_is_refused()
    {
        var problem = Single(Validate([Feature(0, "450304001001003", Square(2, 1), parent: "450304001002")]),
            GridProblemKind.CodeDoesNotExtendParent);

        Assert.Contains("450304001001", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parent_that_agrees_with_the_code_is_accepted()
    {
        Assert.Empty(Validate([Feature(0, "450304001001003", Square(2, 1), parent: "450304001001", level: "unit")]).Problems);
    }

    [Fact]
    public void A_declared_level_that_disagrees_with_the_code_is_refused()
    {
        Single(Validate([Feature(0, "450304001001003", Square(2, 1), level: "community")]), GridProblemKind.LevelMismatch);
    }

    [Fact]
    public void A_node_whose_parent_is_nowhere_is_refused()
    {
        var problem = Single(Validate([Feature(0, "450304001002001", Square(2, 1))]), GridProblemKind.ParentMissing);

        Assert.Contains("450304001002", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_outside_its_parent_is_refused()
    {
        // Half of the cell lies north of the community's block.
        var problem = Single(Validate([Feature(0, "450304001001003", GridGeometry.Rectangle(X(2), Y(1) + 0.0005, X(3), Y(2) + 0.0005))]),
            GridProblemKind.OutsideParent);

        Assert.Contains("outside its parent 450304001001", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_a_hair_outside_its_parent_is_within_tolerance()
    {
        // 1 mm beyond the community's north edge over 100 m: 0.1 m².
        var result = Validate([Feature(0, "450304001001003", GridGeometry.Rectangle(X(2), Y(1), X(3), Y(2) + 0.00000001))]);

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_redrawn_parent_that_leaves_a_stored_child_outside_is_refused()
    {
        var problem = Single(Validate([Feature(0, "450304001001", Square(1, 0, 3, 2))]), GridProblemKind.OutsideParent);

        Assert.Contains("450304001001001", problem.Message, StringComparison.Ordinal);
        Assert.Equal("features[0]", problem.Where);
    }

    [Fact]
    public void Overlapping_siblings_are_refused()
    {
        var problem = Single(Validate([Feature(0, "450304001001003", GridGeometry.Rectangle(X(1) + 0.0005, Y(1), X(2) + 0.0005, Y(2)))]),
            GridProblemKind.SiblingOverlap);

        Assert.Contains("450304001001002", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Siblings_in_force_at_different_times_may_overlap()
    {
        var stored = Tree();
        stored[^1] = stored[^1] with { ValidTo = new DateOnly(2026, 6, 1) };
        var redrawn = Feature(0, "450304001001003", Square(1, 1)) with { ValidFrom = new DateOnly(2026, 6, 1) };

        Assert.Empty(Validate([redrawn], stored).Problems);
    }

    [Fact]
    public void Every_problem_is_listed_not_just_the_first()
    {
        var result = Validate([
            Feature(0, "bad", Square(2, 1)),
            Feature(1, "450304001001003", Square(5, 5)),
            Feature(2, "450304009001001", Square(3, 1)),
        ]);

        Assert.Equal([GridProblemKind.MalformedCode, GridProblemKind.ParentMissing, GridProblemKind.OutsideParent],
            result.Problems.Select(p => p.Kind).Order());
    }

    [Fact]
    public void Responsibility_grids_must_name_existing_unit_grids()
    {
        var result = Validate([], grids: [
            new ResponsibilityGridDefinition("R-1", "一号", ["450304001001001", "450304001001009", "450304001001"], ["patroller1"]),
        ]);

        Assert.Equal(2, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.Equal(GridProblemKind.InvalidResponsibilityGrid, p.Kind));
        Assert.All(result.Problems, p => Assert.Equal("responsibilityGrids[0]", p.Where));
    }

    [Fact]
    public void A_unit_grid_belongs_to_one_responsibility_grid()
    {
        var stored = new[] { new ResponsibilityGridDefinition("R-1", "一号", ["450304001001001"], []) };

        var taken = Validate([], grids: [new ResponsibilityGridDefinition("R-2", "二号", ["450304001001001"], [])], storedGrids: stored);
        var replaced = Validate([], grids: [
            new ResponsibilityGridDefinition("R-1", "一号", ["450304001001002"], []),
            new ResponsibilityGridDefinition("R-2", "二号", ["450304001001001"], ["patroller2"]),
        ], storedGrids: stored);

        Assert.Contains("already belongs to responsibility grid R-1", Single(taken, GridProblemKind.InvalidResponsibilityGrid).Message, StringComparison.Ordinal);
        Assert.Empty(replaced.Problems);
        Assert.Equal(2, replaced.ResponsibilityGrids.Count);
    }

    [Theory]
    [InlineData("", "一号")]
    [InlineData("R 1", "一号")]
    [InlineData("R-1", "")]
    public void A_responsibility_grid_needs_a_code_and_a_name(string code, string name)
    {
        Single(Validate([], grids: [new ResponsibilityGridDefinition(code, name, [], [])]), GridProblemKind.InvalidResponsibilityGrid);
    }
}
