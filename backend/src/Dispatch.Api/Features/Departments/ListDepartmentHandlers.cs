using System.Security.Claims;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Departments;

/// <summary>
/// The handlers a case held by a department can be given to (内部派遣): the accounts with the handler role in the
/// department or in any of its sub-units still in service, except disabled ones. Its own handlers and the command
/// centre may ask.
/// </summary>
public static class ListDepartmentHandlers
{
    public static async Task<Results<Ok<List<DepartmentHandlerDto>>, ForbidHttpResult, ProblemHttpResult>> Handle(
        string key, ClaimsPrincipal user, DispatchDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var own = user.FindFirstValue(DispatchClaims.DepartmentKey);
        if (!Roles.CommandCentre.Any(user.IsInRole) && !(user.IsInRole(Roles.Handler) && own == key))
            return TypedResults.Forbid();
        var departments = await db.Departments.AsNoTracking().ToListAsync(ct);
        var root = departments.SingleOrDefault(d => d.Key == key);
        if (root is null)
            return TypedResults.Problem(title: "Department not found", detail: $"No department '{key}'.", statusCode: StatusCodes.Status404NotFound);
        var units = Units(departments, root).ToDictionary(d => d.Key, StringComparer.Ordinal);
        var keys = units.Keys.ToList();
        var disabledFrom = clock.GetUtcNow().AddYears(100);
        var handlers = await (from u in db.Users.AsNoTracking()
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where r.Name == Roles.Handler && keys.Contains(u.DepartmentKey!)
                                  && (u.LockoutEnd == null || u.LockoutEnd < disabledFrom)
                              orderby u.DepartmentKey, u.UserName
                              select new { u.UserName, u.DisplayName, u.DepartmentKey }).ToListAsync(ct);
        return TypedResults.Ok(handlers
            .Select(h => new DepartmentHandlerDto(h.UserName!, h.DisplayName, h.DepartmentKey!, units[h.DepartmentKey!].NameZh, units[h.DepartmentKey!].NameEn))
            // The department's own people first, then its sub-units'.
            .OrderBy(h => h.DepartmentKey != key).ThenBy(h => h.DepartmentKey, StringComparer.Ordinal).ThenBy(h => h.UserName, StringComparer.Ordinal)
            .ToList());
    }

    /// <summary>The department and its sub-units in service, at any depth.</summary>
    public static IEnumerable<Domain.Catalogue.Department> Units(IReadOnlyList<Domain.Catalogue.Department> all, Domain.Catalogue.Department root)
    {
        var result = new List<Domain.Catalogue.Department> { root };
        for (var i = 0; i < result.Count; i++)
            result.AddRange(all.Where(d => d.ParentId == result[i].Id && !d.Retired && result.All(r => r.Id != d.Id)));
        return result;
    }
}
