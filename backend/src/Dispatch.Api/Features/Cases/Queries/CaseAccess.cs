using System.Security.Claims;
using Dispatch.Api.Features.Grids;
using Dispatch.Domain.Cases;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Cases.Queries;

/// <summary>
/// Who may see a case: the command centre (within the account's grid scope), the reporter, the department it was dispatched to and those assisting it
/// (协办), the handler it was given to inside the department (内部派遣), and patrollers while it waits for them on site
/// (核实, 核查).
/// </summary>
public static class CaseAccess
{
    public static async Task<bool> CanSeeAsync(this ClaimsPrincipal user, DispatchDbContext db, Case c, CancellationToken ct)
    {
        if (Roles.CommandCentre.Any(user.IsInRole) && user.HasInScope(c))
            return true;
        if (string.Equals(c.ReportedBy, user.Identity?.Name, StringComparison.Ordinal))
            return true;
        if (user.IsInRole(Roles.Patroller) && c.State is CaseState.Verifying or CaseState.Checking)
            return true;
        if (c.AssigneeUserName is not null && user.IsInRole(Roles.Handler)
            && string.Equals(c.AssigneeUserName, user.Identity?.Name, StringComparison.Ordinal))
            return true;
        var department = user.FindFirstValue(DispatchClaims.DepartmentKey);
        if (department is null || c.DepartmentId is null || !user.IsInRole(Roles.Handler))
            return false;
        return await db.Departments.AnyAsync(d => d.Id == c.DepartmentId && d.Key == department, ct)
            || await db.CaseAssists.AnyAsync(a => a.CaseId == c.Id && a.DepartmentKey == department, ct);
    }
}
