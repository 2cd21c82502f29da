using System.Text.Json;
using Dispatch.Domain.Grids;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Grids;

/// <summary>A community with area no unit grid covers; <c>uncovered</c> is a GeoJSON geometry to show on the map.</summary>
public sealed record CoverageGapDto(GridRef Community, double AreaSquareMetres, double UncoveredSquareMetres, JsonElement Uncovered)
{
    public static CoverageGapDto From(CommunityCoverageGap gap)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            GridGeoJson.WriteGeometry(writer, gap.Uncovered);
        using var document = JsonDocument.Parse(buffer.ToArray());
        return new CoverageGapDto(new GridRef(gap.Community.Value, gap.Name), Math.Round(gap.AreaSquareMetres, 1),
            Math.Round(gap.UncoveredSquareMetres, 1), document.RootElement.Clone());
    }
}

/// <summary>The coverage report (覆盖检查): area inside communities that no unit grid covers, where no point can be located.</summary>
public static class GetCoverage
{
    public static async Task<Ok<List<CoverageGapDto>>> Handle(DispatchDbContext db, GridDirectory directory, CancellationToken ct)
    {
        var nodes = await db.GridNodes.AsNoTracking()
            .Where(n => n.Level == GridLevel.Community || n.Level == GridLevel.Unit)
            .ToListAsync(ct);
        var gaps = GridCoverage.Report(nodes.Select(n => n.ToDraft()), directory.Today);
        return TypedResults.Ok(gaps.Select(CoverageGapDto.From).ToList());
    }
}
