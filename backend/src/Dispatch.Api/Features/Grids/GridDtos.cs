using System.Globalization;
using Dispatch.Domain.Grids;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Api.Features.Grids;

public sealed record GridRef(string Code, string Name)
{
    public static GridRef From(GridNodeInfo node) => new(node.Code, node.Name);
}

/// <summary><c>bbox</c> is [west, south, east, north] in WGS-84 degrees, as in GeoJSON.</summary>
public sealed record GridNodeDto(
    string Code, string Level, string Name, string? ParentCode, DateOnly ValidFrom, DateOnly? ValidTo,
    string? ResponsiblePerson, double[] Bbox)
{
    public static GridNodeDto From(GridNodeInfo n) => new(
        n.Code, GridLevels.Name(n.Level), n.Name, n.ParentCode, n.ValidFrom, n.ValidTo, n.ResponsiblePerson,
        [n.MinLongitude, n.MinLatitude, n.MaxLongitude, n.MaxLatitude]);
}

public sealed record ResponsibilityGridDto(string Code, string Name, IReadOnlyList<string> Patrollers);

public sealed record GridNodeDetailDto(
    GridNodeDto Node, IReadOnlyList<GridRef> Ancestors, IReadOnlyList<GridRef> Children, ResponsibilityGridDto? ResponsibilityGrid);

public sealed record GridLocationDto(
    GridRef UnitGrid, GridRef Community, GridRef Street, GridRef District, GridRef City, ResponsibilityGridDto? ResponsibilityGrid,
    double Longitude, double Latitude);

/// <summary>Problems of the grid feature, each naming the field that is wrong.</summary>
internal static class GridProblems
{
    public static ProblemHttpResult OutsideManagedArea(double longitude, double latitude)
    {
        var lon = longitude.ToString("0.#######", CultureInfo.InvariantCulture);
        var lat = latitude.ToString("0.#######", CultureInfo.InvariantCulture);
        const string message = "The point is outside the managed area: no unit grid covers it.";
        return TypedResults.Problem(
            title: "Outside the managed area",
            detail: $"({lon}, {lat}) is outside the managed area: no unit grid covers it. Check the point, or ask an administrator to import the grid there.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, string[]> { ["longitude"] = [message], ["latitude"] = [message] },
            });
    }

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotFound(string code) =>
        TypedResults.Problem(title: "Grid node not found", detail: $"No grid node {code}.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>Parses an optional grid code query parameter; a malformed one is a 400 naming the parameter.</summary>
    public static bool TryParseCode(string? text, string field, out GridCode? code, out ValidationProblem? problem)
    {
        code = null;
        problem = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (GridCode.TryParse(text, out var parsed, out var error))
        {
            code = parsed;
            return true;
        }
        problem = Invalid(field, error);
        return false;
    }

    public static bool TryParseLevel(string? text, out GridLevel? level, out ValidationProblem? problem)
    {
        level = null;
        problem = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (GridLevels.TryParse(text, out var parsed))
        {
            level = parsed;
            return true;
        }
        problem = Invalid("level", $"'{text}' is not a grid level: use city, district, street, community or unit.");
        return false;
    }
}
