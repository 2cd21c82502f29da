using Dispatch.Domain.Grids;

namespace Dispatch.Domain.Tests.Grids;

public class GridCodeTests
{
    [Theory]
    [InlineData("450300", GridLevel.City)]
    [InlineData("450304", GridLevel.District)]
    [InlineData("450304001", GridLevel.Street)]
    [InlineData("450304200", GridLevel.Street)]
    [InlineData("450304001002", GridLevel.Community)]
    [InlineData("450304001002017", GridLevel.Unit)]
    public void The_level_follows_from_the_length(string text, GridLevel level)
    {
        var code = GridCode.Parse(text);

        Assert.Equal(level, code.Level);
        Assert.Equal(text, code.Value);
    }

    [Theory]
    [InlineData("450304001002017", "450304001002")]
    [InlineData("450304001002", "450304001")]
    [InlineData("450304001", "450304")]
    [InlineData("450304", "450300")]
    public void The_parent_is_the_code_without_its_last_part(string child, string parent)
    {
        Assert.Equal(GridCode.Parse(parent), GridCode.Parse(child).Parent);
    }

    [Fact]
    public void A_city_has_no_parent()
    {
        Assert.Null(GridCode.Parse("450300").Parent);
    }

    [Fact]
    public void Every_ancestor_of_a_unit_grid_follows_from_its_code()
    {
        var unit = GridCode.Parse("450304001002017");

        Assert.Equal("450304001002", unit.At(GridLevel.Community).Value);
        Assert.Equal("450304001", unit.At(GridLevel.Street).Value);
        Assert.Equal("450304", unit.At(GridLevel.District).Value);
        Assert.Equal("450300", unit.At(GridLevel.City).Value);
        Assert.Equal(unit, unit.At(GridLevel.Unit));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridCode.Parse("450304001").At(GridLevel.Unit));
    }

    [Theory]
    [InlineData("450300", "450304001002017", true)]
    [InlineData("450300", "450305", true)]
    [InlineData("450300", "450400", false)]
    [InlineData("450304", "450304001002017", true)]
    [InlineData("450304001", "450304001002017", true)]
    [InlineData("450304001", "450304002001001", false)]
    [InlineData("450304001002017", "450304001002017", true)]
    public void A_node_contains_itself_and_everything_under_it(string node, string other, bool contains)
    {
        Assert.Equal(contains, GridCode.Parse(node).Contains(GridCode.Parse(other)));
    }

    [Fact]
    public void Children_append_a_serial()
    {
        Assert.Equal("450304", GridCode.Parse("450300").Child(4).Value);
        Assert.Equal("450304200", GridCode.Parse("450304").Child(200).Value);
        Assert.Equal("450304001002017", GridCode.Parse("450304001002").Child(17).Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => GridCode.Parse("450304").Child(1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => GridCode.Parse("450304").Child(0));
        Assert.Throws<InvalidOperationException>(() => GridCode.Parse("450304001002017").Child(1));
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("45030400100201A", "only the digits")]
    [InlineData(" 450304", "only the digits")]
    [InlineData("4503040010020", "13 digits")]
    [InlineData("4503040010020170", "16 digits")]
    [InlineData("450000", "province")]
    [InlineData("003040", "province code")]
    [InlineData("450300001", "under the city code")]
    [InlineData("450304000", "serial 000")]
    [InlineData("450304001000", "serial 000")]
    [InlineData("450304001002000", "serial 000")]
    public void Malformed_codes_are_refused_with_the_reason(string? text, string reason)
    {
        Assert.False(GridCode.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => GridCode.Parse(text!));
    }
}
