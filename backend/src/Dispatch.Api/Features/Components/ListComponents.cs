using Dispatch.Api.Features.Routing;
using Dispatch.Domain.Components;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Components;

/// <summary>
/// Components near a point, nearest first: what a reporter picks from when a report is about one (a manhole cover,
/// a street light). A box query on the indexed coordinates, then the exact distance.
/// </summary>
public static class ListComponents
{
    public const double DefaultRadiusMetres = 50;
    public const double MaxRadiusMetres = 500;
    private const int MaxResults = 200;

    public static async Task<Results<Ok<List<ComponentDto>>, ValidationProblem>> Near(
        string? lon, string? lat, string? radius, string? categoryId, DispatchDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var longitude = DryRun.Coordinate(lon, "lon", -180, 180, errors);
        var latitude = DryRun.Coordinate(lat, "lat", -90, 90, errors);
        var metres = DefaultRadiusMetres;
        if (!string.IsNullOrEmpty(radius)
            && (!double.TryParse(radius, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out metres)
                || !double.IsFinite(metres) || metres <= 0 || metres > MaxRadiusMetres))
            errors["radius"] = [$"'{radius}' is not a radius in metres between 0 and {MaxRadiusMetres}."];
        Guid? category = null;
        if (!string.IsNullOrEmpty(categoryId))
        {
            if (Guid.TryParse(categoryId, out var parsed))
                category = parsed;
            else
                errors["categoryId"] = [$"'{categoryId}' is not a category id."];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var (dLon, dLat) = GroundDistance.Box(latitude, metres);
        var query = db.Components.AsNoTracking().Where(c => c.RetiredAt == null &&
            c.Latitude >= latitude - dLat && c.Latitude <= latitude + dLat &&
            c.Longitude >= longitude - dLon && c.Longitude <= longitude + dLon);
        if (category is { } id)
            query = query.Where(c => c.CategoryId == id);
        var found = await query.ToListAsync(ct);
        var near = found
            .Select(c => (Component: c, Distance: GroundDistance.Metres(longitude, latitude, c.Longitude, c.Latitude)))
            .Where(x => x.Distance <= metres)
            .OrderBy(x => x.Distance).ThenBy(x => x.Component.Id, StringComparer.Ordinal)
            .Take(MaxResults)
            .ToList();
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, ct);
        return TypedResults.Ok(near.Select(x => ComponentDto.From(x.Component, categories[x.Component.CategoryId],
            x.Component.OwnerDepartmentId is { } o ? departments.GetValueOrDefault(o) : null, x.Distance)).ToList());
    }

    public static async Task<Results<Ok<ComponentDto>, ProblemHttpResult>> Get(string id, DispatchDbContext db, CancellationToken ct)
    {
        if (!await db.Components.AnyAsync(c => c.Id == id, ct))
            return TypedResults.Problem(title: "Component not found", detail: $"No component {id} in the inventory.", statusCode: StatusCodes.Status404NotFound);
        return TypedResults.Ok(await ManageComponents.DtoAsync(db, id, ct));
    }
}
