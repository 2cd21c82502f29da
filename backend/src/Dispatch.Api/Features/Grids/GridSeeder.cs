using Dispatch.Api.Hosting;
using Dispatch.Domain.Grids;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Features.Grids;

/// <summary>
/// Seeds the generated demo city (<see cref="DemoCity"/>) when demo mode is on and no grid is stored yet. Grids are
/// reference data a real city imports itself, so outside demo mode nothing is seeded.
/// </summary>
public static class GridSeeder
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
            return;
        var db = services.GetRequiredService<DispatchDbContext>();
        if (await db.GridNodes.AnyAsync(ct))
            return;
        foreach (var draft in DemoCity.Nodes())
            db.GridNodes.Add(new GridNode(draft));
        foreach (var definition in DemoCity.ResponsibilityGrids())
            db.ResponsibilityGrids.Add(new ResponsibilityGrid(definition));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another worker seeded it first; its rows are the same.
            db.ChangeTracker.Clear();
        }
        await services.GetRequiredService<GridDirectory>().ReloadAsync(ct);
    }
}
