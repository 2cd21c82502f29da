using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Api.Features.Grids;

/// <summary>
/// 定位: the unit grid a point falls in and every level above it, from the in-memory index. The patrol page calls
/// this before submitting, so the patroller sees the cell the report will carry.
/// </summary>
public static class LocatePoint
{
    public static async Task<Results<Ok<GridLocationDto>, ValidationProblem, ProblemHttpResult>> Handle(
        string? lon, string? lat, GridDirectory directory, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var longitude = Coordinate(lon, "lon", -180, 180, errors);
        var latitude = Coordinate(lat, "lat", -90, 90, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var grid = await directory.GetAsync(ct);
        if (grid.Locate(longitude, latitude) is not { } place)
            return GridProblems.OutsideManagedArea(longitude, latitude);
        ResponsibilityGridDto? responsibility = null;
        if (place.ResponsibilityGridCode is { } code && grid.ResponsibilityGrid(code) is { } r)
            responsibility = new ResponsibilityGridDto(code, r.Name, r.Patrollers);
        return TypedResults.Ok(new GridLocationDto(
            GridRef.From(place.Unit), GridRef.From(place.Community), GridRef.From(place.Street), GridRef.From(place.District),
            GridRef.From(place.City), responsibility, longitude, latitude));
    }

    private static double Coordinate(string? text, string field, double min, double max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            errors[field] = [$"'{field}' is required (WGS-84 degrees)."];
            return 0;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < min || value > max)
        {
            errors[field] = [$"'{text}' is not a {(field == "lon" ? "longitude" : "latitude")} between {min} and {max} (WGS-84 degrees)."];
            return 0;
        }
        return value;
    }
}
