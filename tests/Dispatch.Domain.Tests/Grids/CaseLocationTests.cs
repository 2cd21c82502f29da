using Dispatch.Domain.Cases;
using Dispatch.Domain.Grids;

namespace Dispatch.Domain.Tests.Grids;

public class CaseLocationTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(8));

    private static Case Report(GridLocation? location, string district = "450304") =>
        Case.Report(Guid.CreateVersion7(), "450304-2026-000001", CaseSource.Patrol, Guid.NewGuid(), null,
            110.296, 25.268, "", district, new Actor("patroller1", "patroller"), At, location);

    [Fact]
    public void A_located_case_records_its_unit_grid_and_every_level_above()
    {
        var c = Report(new GridLocation(GridCode.Parse("450304001001027"), "450304001001-01"));

        Assert.Equal("450304001001027", c.UnitGridCode);
        Assert.Equal("450304001001", c.CommunityCode);
        Assert.Equal("450304001", c.StreetCode);
        Assert.Equal("450304", c.DistrictCode);
        Assert.Equal("450304001001-01", c.ResponsibilityGridCode);
        Assert.False(c.OutsideResponsibilityGrid);
    }

    [Fact]
    public void A_report_outside_the_patrollers_grid_is_kept_and_flagged()
    {
        var c = Report(new GridLocation(GridCode.Parse("450304002001001"), "450304002001-01", outsideResponsibilityGrid: true));

        Assert.True(c.OutsideResponsibilityGrid);
        Assert.Equal(CaseState.Reported, c.State);
    }

    [Fact]
    public void The_district_must_be_the_unit_grids_district()
    {
        Assert.Throws<ArgumentException>(() => Report(new GridLocation(GridCode.Parse("450304001001027")), district: "450305"));
    }

    [Fact]
    public void Only_a_unit_grid_locates_a_case()
    {
        Assert.Throws<ArgumentException>(() => new GridLocation(GridCode.Parse("450304001001")));
    }
}
