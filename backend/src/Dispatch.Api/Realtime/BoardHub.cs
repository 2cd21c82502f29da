using System.Security.Claims;
using Dispatch.Api.Features.Grids;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Dispatch.Api.Realtime;

/// <summary>
/// Live boards. A client loads a snapshot over HTTP, then joins the groups it may see; the server checks role and
/// department before adding it. Pushes carry the case version so that clients drop stale ones.
/// </summary>
[Authorize]
public sealed class BoardHub : Hub<IBoardClient>
{
    public const string Path = "/hubs/board";

    /// <summary>
    /// A department's handlers see its queue; the command centre sees every department's, an account scoped to a grid
    /// node only the part of it in that subtree.
    /// </summary>
    public async Task JoinDepartment(string departmentKey)
    {
        var user = Context.User!;
        var ownDepartment = user.FindFirstValue(DispatchClaims.DepartmentKey);
        if (user.IsInRole(Roles.Handler) && string.Equals(ownDepartment, departmentKey, StringComparison.Ordinal))
            await Groups.AddToGroupAsync(Context.ConnectionId, BoardGroups.Department(departmentKey));
        else if (Roles.CommandCentre.Any(user.IsInRole))
            await Groups.AddToGroupAsync(Context.ConnectionId, user.GridScope() is { } scope
                ? BoardGroups.Department(departmentKey, scope)
                : BoardGroups.Department(departmentKey));
        else
            throw new HubException($"Not allowed to watch department '{departmentKey}'.");
    }

    /// <summary>Every case, or those in the account's grid scope.</summary>
    public async Task JoinCommandCentre()
    {
        var user = Context.User!;
        if (!Roles.CommandCentre.Any(user.IsInRole))
            throw new HubException("Not allowed to watch the command centre.");
        await Groups.AddToGroupAsync(Context.ConnectionId, user.GridScope() is { } scope ? BoardGroups.Grid(scope) : BoardGroups.CommandCentre);
    }
}
