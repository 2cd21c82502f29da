using Dispatch.Domain.Grids;
using Dispatch.Domain.Routing;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Routing;

/// <summary>
/// Feeds the pure <see cref="RoutingEngine"/> from the database: the rules of one category in force at a moment, the
/// departments with their jurisdictions, and the owner recorded for a component. The consumer, the dry run and the
/// coverage report all route through here, so what an administrator previews is what a filed case gets.
/// </summary>
public sealed class CaseRouter(DispatchDbContext db)
{
    public async Task<IReadOnlyList<RoutingDepartment>> DepartmentsAsync(CancellationToken ct)
    {
        // A retired department takes no new cases.
        var departments = await db.Departments.AsNoTracking().Where(d => d.RetiredAt == null).ToListAsync(ct);
        // A department whose jurisdiction is not a grid code cannot be found by place; named rules still reach it.
        return departments
            .Select(d => new RoutingDepartment(d.Id, d.Key, d.Kind,
                GridCode.TryParse(d.JurisdictionCode, out var code) ? code : default))
            .ToList();
    }

    /// <summary>Rules of <paramref name="categoryIds"/> (all when null) in force at <paramref name="at"/>.</summary>
    public async Task<List<RoutingRule>> RulesInForceAsync(IReadOnlyCollection<Guid>? categoryIds, DateTimeOffset at, CancellationToken ct)
    {
        var query = db.RoutingRules.AsNoTracking().Where(r => r.ValidFrom <= at && (r.ValidTo == null || r.ValidTo > at));
        if (categoryIds is not null)
            query = query.Where(r => categoryIds.Contains(r.CategoryId));
        return await query.ToListAsync(ct);
    }

    public async Task<RoutingDecision> RouteAsync(Guid categoryId, Guid? conditionId, GridCode place, string? componentId,
        DateTimeOffset filedAt, CancellationToken ct)
    {
        var rules = await RulesInForceAsync([categoryId], filedAt, ct);
        var departments = await DepartmentsAsync(ct);
        Guid? owner = null;
        if (componentId is not null)
            owner = await db.Components.AsNoTracking().Where(c => c.Id == componentId).Select(c => c.OwnerDepartmentId).SingleOrDefaultAsync(ct);
        return RoutingEngine.Route(new RoutingCase(categoryId, conditionId, place, owner, filedAt), rules, departments);
    }
}
