using Dispatch.Domain.Components;
using Dispatch.Domain.Grids;

namespace Dispatch.Domain.Tests.Components;

public class ComponentTests
{
    [Fact]
    public void A_component_code_splits_into_district_category_and_serial()
    {
        var code = ComponentCode.Parse("4503040102000123");

        Assert.Equal("450304", code.DistrictCode);
        Assert.Equal("0102", code.CategoryCode);
        Assert.Equal("000123", code.Serial);
        Assert.Equal(code, ComponentCode.Create(GridCode.Parse("450304"), "0102", 123));
    }

    [Theory]
    [InlineData("")]
    [InlineData("450304010200012")]
    [InlineData("45030401020001234")]
    [InlineData("450304010200012x")]
    [InlineData("4503000102000123")]
    [InlineData("4503040002000123")]
    [InlineData("4503040100000123")]
    [InlineData("4503040102000000")]
    public void Malformed_component_codes_are_refused_with_a_reason(string text)
    {
        Assert.False(ComponentCode.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void A_component_must_lie_in_the_district_its_id_names()
    {
        var draft = new ComponentDraft(ComponentCode.Parse("4503050102000001"), Guid.NewGuid(), GridCode.Parse("450304001001001"),
            null, null, ComponentState.Intact, 110.29, 25.26);

        Assert.Throws<ArgumentException>(() => new Component(draft, DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData("破损", ComponentState.Damaged)]
    [InlineData("missing", ComponentState.Missing)]
    [InlineData(" Intact ", ComponentState.Intact)]
    public void States_read_in_english_or_chinese(string text, ComponentState expected)
    {
        Assert.True(ComponentStates.TryParse(text, out var state));
        Assert.Equal(expected, state);
    }

    [Fact]
    public void The_demo_inventory_is_three_hundred_distinct_components_inside_the_demo_area()
    {
        var all = DemoComponents.All();

        Assert.Equal(300, all.Count);
        Assert.Equal(all.Count, all.Select(c => c.Code).Distinct().Count());
        Assert.All(all, c =>
        {
            Assert.InRange(c.Longitude, DemoComponents.West, DemoComponents.East);
            Assert.InRange(c.Latitude, DemoComponents.South, DemoComponents.North);
            Assert.Equal("450304", c.Code.DistrictCode);
        });
        Assert.Contains(all, c => c.CategoryCode == "0117" && c.OwnerKey == "gl-telecom");
        Assert.Contains(all, c => c.OwnerKey.Length == 0);
        Assert.Equal(all.Select(c => c.Code), DemoComponents.All().Select(c => c.Code));
    }

    [Fact]
    public void Ground_distance_is_about_111_km_per_degree_of_latitude()
    {
        Assert.InRange(GroundDistance.Metres(110.29, 25.25, 110.29, 26.25), 111_000, 111_400);
        Assert.InRange(GroundDistance.Metres(110.29, 25.25, 110.291, 25.25), 100, 101.5);
    }
}
