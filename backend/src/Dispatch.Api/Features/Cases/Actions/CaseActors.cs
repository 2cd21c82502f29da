using System.Security.Claims;
using Dispatch.Domain.Cases;
using Dispatch.Persistence.Identity;

namespace Dispatch.Api.Features.Cases.Actions;

/// <summary>A signed-in user as the lifecycle table sees them: one actor per role they hold, with their department.</summary>
public static class LifecycleActors
{
    public static IReadOnlyList<Actor> Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.Name ?? "";
        var department = user.FindFirstValue(DispatchClaims.DepartmentKey);
        return Roles.All.Where(user.IsInRole).Select(role => new Actor(name, role, department)).ToList();
    }

    /// <summary>The actor to take <paramref name="action"/> as: the first of the user's roles the table allows it, else the first role.</summary>
    public static Actor? For(ClaimsPrincipal user, Case c, string action)
    {
        var actors = Of(user);
        return actors.FirstOrDefault(a => CaseLifecycle.Decide(c, action, a) == CaseDecision.Allowed)
            ?? actors.FirstOrDefault(a => CaseLifecycle.Decide(c, action, a) == CaseDecision.IllegalState)
            ?? (actors.Count > 0 ? actors[0] : null);
    }
}
