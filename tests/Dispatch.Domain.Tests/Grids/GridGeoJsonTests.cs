using System.Text;
using System.Text.Json;
using Dispatch.Domain.Grids;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using static Dispatch.Domain.Tests.Grids.Shapes;

namespace Dispatch.Domain.Tests.Grids;

public class GridGeoJsonTests
{
    private const string Square = "[[110.28,25.25],[110.281,25.25],[110.281,25.251],[110.28,25.251],[110.28,25.25]]";

    private static string Collection(params string[] features) =>
        $$"""{"type":"FeatureCollection","features":[{{string.Join(',', features)}}]}""";

    private static string Feature(string code, string geometry, string extra = "") =>
        $$$"""{"type":"Feature","geometry":{{{geometry}}},"properties":{"code":"{{{code}}}","name":"n{{{code}}}"{{{extra}}}}}""";

    [Fact]
    public void A_polygon_feature_is_read_with_its_properties()
    {
        var json = Collection(Feature("450304001001001", $$"""{"type":"Polygon","coordinates":[{{Square}}]}""",
            ""","level":"unit","parent":"450304001001","validFrom":"2026-01-01","validTo":"2027-01-01","responsiblePerson":"张三" """));

        var document = GridGeoJson.Read(json);

        Assert.Empty(document.Problems);
        var feature = Assert.Single(document.Features);
        Assert.Equal("450304001001001", feature.Code);
        Assert.Equal("n450304001001001", feature.Name);
        Assert.Equal("unit", feature.Level);
        Assert.Equal("450304001001", feature.Parent);
        Assert.Equal(new DateOnly(2026, 1, 1), feature.ValidFrom);
        Assert.Equal(new DateOnly(2027, 1, 1), feature.ValidTo);
        Assert.Equal("张三", feature.ResponsiblePerson);
        var polygon = Assert.IsType<Polygon>(feature.Boundary);
        Assert.Equal(5, polygon.NumPoints);
        Assert.Equal(GridGeometry.Srid, polygon.SRID);
    }

    [Fact]
    public void Multipolygons_and_holes_are_read()
    {
        var json = Collection(Feature("450304001001001",
            """{"type":"MultiPolygon","coordinates":[[[[0,0],[3,0],[3,3],[0,3],[0,0]],[[1,1],[1,2],[2,2],[2,1],[1,1]]],[[[5,5],[6,5],[6,6],[5,5]]]]}"""));

        var document = GridGeoJson.Read(json);

        Assert.Empty(document.Problems);
        var multi = Assert.IsType<MultiPolygon>(document.Features[0].Boundary);
        Assert.Equal(2, multi.NumGeometries);
        Assert.Equal(1, ((Polygon)multi.GetGeometryN(0)).NumInteriorRings);
    }

    [Fact]
    public void A_numeric_code_is_taken_by_its_digits()
    {
        var json = Collection($$$"""{"type":"Feature","geometry":{"type":"Polygon","coordinates":[{{{Square}}}]},"properties":{"code":450304001001001,"name":"x"}}""");

        Assert.Equal("450304001001001", GridGeoJson.Read(json).Features[0].Code);
    }

    [Fact]
    public void An_unclosed_ring_is_reported_with_its_ends()
    {
        var json = Collection(Feature("450304001001001",
            """{"type":"Polygon","coordinates":[[[110.28,25.25],[110.281,25.25],[110.281,25.251],[110.28,25.251]]]}"""));

        var problem = Assert.Single(GridGeoJson.Read(json).Problems);

        Assert.Equal(GridProblemKind.UnclosedRing, problem.Kind);
        Assert.Equal("features[0]", problem.Where);
        Assert.Contains("not closed", problem.Message, StringComparison.Ordinal);
        Assert.Contains("450304001001001", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ring_of_three_positions_is_reported()
    {
        var json = Collection(Feature("450304001001001", """{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"""));

        Assert.Equal(GridProblemKind.UnclosedRing, Assert.Single(GridGeoJson.Read(json).Problems).Kind);
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[110.28,25.25]}""", "not a Point")]
    [InlineData("""{"type":"Polygon","coordinates":[[[110.28,25.25],["a",1],[110.28,25.25],[110.28,25.25]]]}""", "not [longitude, latitude]")]
    [InlineData("""{"type":"Polygon","coordinates":[[[200,25.25],[201,25.25],[201,26],[200,25.25]]]}""", "WGS-84")]
    [InlineData("""{"type":"Polygon"}""", "coordinates")]
    [InlineData("null", "needs a Polygon")]
    public void Unreadable_geometries_are_reported(string geometry, string reason)
    {
        var problem = Assert.Single(GridGeoJson.Read(Collection(Feature("450304001001001", geometry))).Problems);

        Assert.Equal(GridProblemKind.InvalidGeometry, problem.Kind);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("[]", "body")]
    [InlineData("""{"type":"Feature"}""", "type")]
    [InlineData("""{"type":"FeatureCollection"}""", "features")]
    public void A_document_that_is_no_feature_collection_is_refused(string json, string where)
    {
        var document = GridGeoJson.Read(json);

        var problem = Assert.Single(document.Problems);
        Assert.Equal(GridProblemKind.MalformedDocument, problem.Kind);
        Assert.Equal(where, problem.Where);
        Assert.Empty(document.Features);
    }

    [Fact]
    public void Bad_members_of_a_feature_are_reported_where_they_are()
    {
        var json = Collection(
            """{"type":"Feature","geometry":null}""",
            Feature("450304001001001", $$"""{"type":"Polygon","coordinates":[{{Square}}]}""", ""","validFrom":"1 May" """));

        var problems = GridGeoJson.Read(json).Problems;

        Assert.Contains(problems, p => p.Where == "features[0]" && p.Message.Contains("properties", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Where == "features[1]" && p.Message.Contains("validFrom", StringComparison.Ordinal));
    }

    [Fact]
    public void Responsibility_grids_are_read_from_the_foreign_member()
    {
        var json = """
            {"type":"FeatureCollection","features":[],
             "responsibilityGrids":[{"code":"R-1","name":"一号","units":["450304001001001"],"patrollers":["patroller1"]}]}
            """;

        var grid = Assert.Single(GridGeoJson.Read(json).ResponsibilityGrids);

        Assert.Equal("R-1", grid.Code);
        Assert.Equal("一号", grid.Name);
        Assert.Equal(["450304001001001"], grid.UnitGridCodes);
        Assert.Equal(["patroller1"], grid.Patrollers);
    }

    [Fact]
    public void Written_layers_read_back_unchanged()
    {
        var nodes = Tree();
        nodes[^1] = nodes[^1] with { ValidTo = new DateOnly(2027, 1, 1), ResponsiblePerson = "李四" };
        var grids = new[] { new ResponsibilityGridDefinition("R-1", "一号", ["450304001001001"], ["patroller1"]) };

        var json = Write(nodes, grids);
        var document = GridGeoJson.Read(json);

        Assert.Empty(document.Problems);
        Assert.Equal(nodes.Count, document.Features.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            var feature = document.Features[i];
            Assert.Equal(nodes[i].Code.Value, feature.Code);
            Assert.Equal(nodes[i].Name, feature.Name);
            Assert.Equal(GridLevels.Name(nodes[i].Code.Level), feature.Level);
            Assert.Equal(nodes[i].Code.Parent?.Value, feature.Parent);
            Assert.Equal(nodes[i].ValidFrom, feature.ValidFrom);
            Assert.Equal(nodes[i].ValidTo, feature.ValidTo);
            Assert.Equal(nodes[i].ResponsiblePerson, feature.ResponsiblePerson);
            Assert.True(nodes[i].Boundary.EqualsTopologically(feature.Boundary!));
        }
        var grid = Assert.Single(document.ResponsibilityGrids);
        Assert.Equal(("R-1", "一号"), (grid.Code, grid.Name));
        Assert.Equal(grids[0].UnitGridCodes, grid.UnitGridCodes);
        Assert.Equal(grids[0].Patrollers, grid.Patrollers);
    }

    [Fact]
    public void Shells_are_written_counter_clockwise_and_holes_clockwise()
    {
        // NTS normalises shells clockwise; RFC 7946 asks for the opposite.
        var withHole = (Polygon)Shapes.Square(0, 0, 3, 3).Difference(Shapes.Square(1, 1)).Normalized();
        var json = Write([Node("450304001001001", withHole)], null);

        using var document = JsonDocument.Parse(json);
        var rings = document.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates");
        Coordinate[] Ring(int i) => rings[i].EnumerateArray().Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble())).ToArray();
        Assert.True(Orientation.IsCCW(Ring(0)));
        Assert.False(Orientation.IsCCW(Ring(1)));
    }

    private static string Write(IEnumerable<GridNodeDraft> nodes, IEnumerable<ResponsibilityGridDefinition>? grids)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            GridGeoJson.Write(writer, nodes, grids);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
