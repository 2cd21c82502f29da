using Dispatch.Domain.Routing;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Routing;

/// <summary>
/// Gives every category that never had a routing rule the default rules of docs/domain.md §4 (<see cref="DefaultRoutingRules"/>).
/// A category whose rules an administrator retired keeps none: that is a decision, and the coverage report shows it.
/// Default rules have ids derived from the category, so workers seeding at once cannot double them.
/// </summary>
public static class RoutingSeeder
{
    public static async Task SeedAsync(DispatchDbContext db, CancellationToken ct)
    {
        var withRules = await db.RoutingRules.Select(r => r.CategoryId).Distinct().ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().Where(c => !withRules.Contains(c.Id)).ToListAsync(ct);
        if (categories.Count == 0)
            return;
        // In force from the beginning, so that cases filed before the rules existed are routed by them too.
        var since = DateTimeOffset.UnixEpoch;
        foreach (var category in categories)
            foreach (var (id, draft) in DefaultRoutingRules.For(category))
                db.RoutingRules.Add(RoutingRule.Create(id, draft, "system", since));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another worker seeded the same rows first.
            db.ChangeTracker.Clear();
        }
    }
}
