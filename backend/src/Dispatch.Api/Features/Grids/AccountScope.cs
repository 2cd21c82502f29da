using System.Security.Claims;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Grids;
using Dispatch.Persistence.Identity;

namespace Dispatch.Api.Features.Grids;

/// <summary>
/// The grid subtree a command-centre account is scoped to (<see cref="AppUser.GridScope"/>, carried in the cookie):
/// boards, the dispatch queue, case pages and actions show and allow only the cases lying in it. No scope: everywhere.
/// </summary>
public static class AccountScope
{
    /// <summary>
    /// The grid node a command-centre user is scoped to, or null when they see everywhere. A patroller's scope is not
    /// one: it names the street the patroller supervises (<see cref="SupervisedStreet"/>) and limits nothing.
    /// </summary>
    public static GridCode? GridScope(this ClaimsPrincipal user) =>
        Roles.CommandCentre.Any(user.IsInRole) && GridCode.TryParse(user.FindFirstValue(DispatchClaims.GridScope), out var code) ? code : null;

    /// <summary>The street a patroller supervises (街道监督员: a patroller scoped to a street node), or null.</summary>
    public static string? SupervisedStreet(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Patroller) && GridCode.TryParse(user.FindFirstValue(DispatchClaims.GridScope), out var code)
            && code.Level == GridLevel.Street
            ? code.Value
            : null;

    /// <summary>True when the case lies in <paramref name="scope"/> or anywhere under it.</summary>
    public static bool Covers(this GridCode scope, Case c) =>
        GridCode.TryParse(c.UnitGridCode ?? c.DistrictCode, out var where) && scope.Contains(where);

    /// <summary>True when the user has no scope or the case lies in it.</summary>
    public static bool HasInScope(this ClaimsPrincipal user, Case c) => user.GridScope() is not { } scope || scope.Covers(c);

    /// <summary>The user's cases of <paramref name="cases"/>: all of them, or those in the user's subtree.</summary>
    public static IQueryable<Case> InScopeOf(this IQueryable<Case> cases, ClaimsPrincipal user) =>
        user.GridScope() is { } scope ? cases.InGrid(scope) : cases;

    public static string OutsideScope(GridCode scope, string what) =>
        $"{what} lies outside grid {scope.Value}, the part of the city your account is scoped to.";
}
