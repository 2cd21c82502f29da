using Dispatch.Domain.Grids;

namespace Dispatch.Domain.Cases;

/// <summary>
/// Where a case is: the point, its district, and (once located) the unit grid with the community and street above it
/// and the responsibility grid; a value over the case's location columns.
/// </summary>
/// <param name="OutsideResponsibilityGrid">A patroller reported outside the grids they patrol: accepted, but shown to the command centre.</param>
public sealed record CaseLocation(
    double Longitude,
    double Latitude,
    string DistrictCode,
    string? UnitGridCode,
    string? CommunityCode,
    string? StreetCode,
    string? ResponsibilityGridCode,
    bool OutsideResponsibilityGrid)
{
    /// <summary>The location of a report at a point in <paramref name="districtCode"/>, located in the grid when <paramref name="location"/> is known.</summary>
    /// <exception cref="ArgumentException">The district does not contain the unit grid.</exception>
    public static CaseLocation At(double longitude, double latitude, string districtCode, GridLocation? location)
    {
        if (location is not null && location.District.Value != districtCode)
            throw new ArgumentException($"District {districtCode} does not contain unit grid {location.UnitGrid}.", nameof(districtCode));
        return new CaseLocation(longitude, latitude, districtCode, location?.UnitGrid.Value, location?.Community.Value,
            location?.Street.Value, location?.ResponsibilityGridCode, location?.OutsideResponsibilityGrid ?? false);
    }
}
