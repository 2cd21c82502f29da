using Dispatch.Api.Features.Grids;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Components;
using Dispatch.Domain.Grids;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Features.Components;

/// <summary>
/// Demo mode only: the three hundred generated components of <see cref="DemoComponents"/>, once the demo grid and
/// departments exist and the inventory is empty. A real city imports its census.
/// </summary>
public static class ComponentSeeder
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
            return;
        var db = services.GetRequiredService<DispatchDbContext>();
        if (await db.Components.AnyAsync(ct))
            return;
        var grid = await services.GetRequiredService<GridDirectory>().GetAsync(ct);
        var categories = await db.Categories.AsNoTracking().Where(c => c.Kind == CategoryKind.Component).ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Key, d => d.Id, StringComparer.Ordinal, ct);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var c in DemoComponents.All())
        {
            // A catalogue or grid without the demo's categories or area simply gets fewer components.
            if (!categories.TryGetValue(c.CategoryCode, out var category) || grid.Locate(c.Longitude, c.Latitude) is not { } place)
                continue;
            Guid? owner = c.OwnerKey.Length > 0 && departments.TryGetValue(c.OwnerKey, out var id) ? id : null;
            db.Components.Add(new Component(new ComponentDraft(c.Code, category.Id, GridCode.Parse(place.Unit.Code), owner,
                c.Maintainer, c.State, c.Longitude, c.Latitude), now));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another worker seeded them first; its rows are the same.
            db.ChangeTracker.Clear();
        }
    }
}
