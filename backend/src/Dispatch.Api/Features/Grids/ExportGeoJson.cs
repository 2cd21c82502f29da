using System.Globalization;
using System.Text.Json;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Grids;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace Dispatch.Api.Features.Grids;

/// <summary>
/// Map layers and export: grid nodes in force today as a GeoJSON FeatureCollection, filtered by level, by a node
/// they lie under (<c>parent</c>) and by a viewport (<c>bbox=west,south,east,north</c>). Coarse levels (city,
/// district, street) are simplified for the map unless <c>simplify=false</c>; without <c>level</c> the whole tree is
/// written unsimplified with its responsibility grids, in the form the import reads back.
/// </summary>
public static class ExportGeoJson
{
    /// <summary>Simplification tolerance in degrees (≈ metres × 10⁻⁵): a few pixels at the zoom each level is seen at.</summary>
    private static double Tolerance(GridLevel level) => level switch
    {
        GridLevel.City => 0.0005,
        GridLevel.District => 0.0003,
        GridLevel.Street => 0.0001,
        _ => 0,
    };

    public static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> Handle(
        string? level, string? parent, string? bbox, bool? simplify, DispatchDbContext db, GridDirectory directory, CancellationToken ct)
    {
        if (!GridProblems.TryParseLevel(level, out var wanted, out var levelProblem))
            return levelProblem!;
        if (!GridProblems.TryParseCode(parent, "parent", out var under, out var parentProblem))
            return parentProblem!;
        Envelope? viewport = null;
        if (!string.IsNullOrEmpty(bbox))
        {
            var parts = bbox.Split(',');
            if (parts.Length != 4 || !parts.All(p => JsonBody.TryParseFinite(p, out _)))
                return GridProblems.Invalid("bbox", $"'{bbox}' is not west,south,east,north in WGS-84 degrees (four finite numbers).");
            var v = parts.Select(p => double.Parse(p, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
            if (v[0] > v[2] || v[1] > v[3])
                return GridProblems.Invalid("bbox", $"'{bbox}' has west > east or south > north.");
            viewport = new Envelope(v[0], v[2], v[1], v[3]);
        }
        if (under is { } p0 && (await directory.GetAsync(ct)).Find(p0.Value) is null)
            return GridProblems.NotFound(p0.Value);

        var today = directory.Today;
        var query = db.GridNodes.AsNoTracking()
            .Where(n => n.ValidFrom <= today && (n.ValidTo == null || n.ValidTo > today));
        if (wanted is { } l)
            query = query.Where(n => n.Level == l);
        if (under is { } u)
        {
            // Codes extend their parent's, so "under" is a prefix; a city's districts share its first four digits.
            var prefix = u.Level == GridLevel.City ? u.Value[..4] : u.Value;
            query = query.Where(n => n.Code.StartsWith(prefix) && n.Code != u.Value);
        }
        if (viewport is { } e)
            query = query.Where(n => n.MaxLongitude >= e.MinX && n.MinLongitude <= e.MaxX && n.MaxLatitude >= e.MinY && n.MinLatitude <= e.MaxY);
        var nodes = await query.OrderBy(n => n.Code).ToListAsync(ct);
        var responsibility = wanted is null && under is null && viewport is null
            ? (await db.ResponsibilityGrids.AsNoTracking().Include(g => g.Units).Include(g => g.Patrollers).AsSplitQuery()
                .OrderBy(g => g.Code).ToListAsync(ct)).Select(g => g.ToDefinition()).ToList()
            : null;
        var simplified = simplify ?? wanted is not null;

        return TypedResults.Stream(async stream =>
        {
            await using var writer = new Utf8JsonWriter(stream);
            GridGeoJson.WriteStart(writer);
            foreach (var node in nodes)
            {
                var draft = node.ToDraft();
                var tolerance = simplified ? Tolerance(node.Level) : 0;
                GridGeoJson.WriteFeature(writer, draft,
                    tolerance > 0 ? TopologyPreservingSimplifier.Simplify(draft.Boundary, tolerance) : null);
                // Stream in pieces: a city's unit grids run to tens of megabytes.
                if (writer.BytesPending > 64 * 1024)
                    await writer.FlushAsync(ct);
            }
            GridGeoJson.WriteEnd(writer, responsibility);
            await writer.FlushAsync(ct);
        }, GridGeoJson.MediaType);
    }
}
