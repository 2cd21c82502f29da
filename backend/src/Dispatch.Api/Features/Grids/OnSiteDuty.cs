using Dispatch.Domain.Cases;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Grids;

/// <summary>
/// Who is on duty for on-site work (核实, 核查) in a responsibility grid, and who takes the task when nobody is.
/// On duty: an enabled account holding the patroller role is assigned to the grid. Nobody on duty: the street's
/// supervisors (街道监督员: enabled patroller accounts whose grid scope is exactly the case's street, set on the account),
/// else the shift leaders (值班长) whose scope covers the case; with no shift leader account at all the task still
/// waits with the shift leaders' role, so no task ever reaches nobody.
/// </summary>
public sealed class OnSiteDuty(DispatchDbContext db, TimeProvider clock)
{
    /// <summary>Null when someone is on duty in the case's grid; otherwise who holds the task instead.</summary>
    public async Task<OnSiteFallback?> FallbackForAsync(Case c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.ResponsibilityGridCode is { } grid)
        {
            var assigned = db.ResponsibilityGrids.Where(g => g.Code == grid).SelectMany(g => g.Patrollers).Select(p => p.UserName);
            if (await EnabledInRole(Roles.Patroller).AnyAsync(u => assigned.Contains(u.UserName!), ct))
                return null;
        }
        if (c.StreetCode is { } street)
        {
            var supervisors = await EnabledInRole(Roles.Patroller).Where(u => u.GridScope == street)
                .Select(u => u.UserName!).OrderBy(n => n).ToListAsync(ct);
            if (supervisors.Count > 0)
                return new OnSiteFallback(OnSiteHolder.StreetSupervisors, supervisors);
        }
        var leaders = await EnabledInRole(Roles.ShiftLeader).Select(u => new { u.UserName, u.GridScope }).ToListAsync(ct);
        var covering = leaders
            .Where(l => l.GridScope is null || (Domain.Grids.GridCode.TryParse(l.GridScope, out var scope) && scope.Covers(c)))
            .Select(l => l.UserName!).Order(StringComparer.Ordinal).ToList();
        return new OnSiteFallback(OnSiteHolder.ShiftLeaders, covering);
    }

    /// <summary>Enabled accounts of a role; a disabled account is locked out until the end of time.</summary>
    public IQueryable<AppUser> EnabledInRole(string role)
    {
        var disabledFrom = clock.GetUtcNow().AddYears(100);
        var roleId = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
        var holders = db.UserRoles.Where(ur => roleId.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return db.Users.AsNoTracking().Where(u => holders.Contains(u.Id) && (u.LockoutEnd == null || u.LockoutEnd <= disabledFrom));
    }
}
