using System.Security.Claims;
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

    /// <summary>A department's handlers see its queue; the command centre sees every department's.</summary>
    public async Task JoinDepartment(string departmentKey)
    {
        var user = Context.User!;
        var ownDepartment = user.FindFirstValue(DispatchClaims.DepartmentKey);
        var allowed = Roles.CommandCentre.Any(user.IsInRole)
            || (user.IsInRole(Roles.Handler) && string.Equals(ownDepartment, departmentKey, StringComparison.Ordinal));
        if (!allowed)
            throw new HubException($"Not allowed to watch department '{departmentKey}'.");
        await Groups.AddToGroupAsync(Context.ConnectionId, BoardGroups.Department(departmentKey));
    }

    public async Task JoinCommandCentre()
    {
        if (!Roles.CommandCentre.Any(Context.User!.IsInRole))
            throw new HubException("Not allowed to watch the command centre.");
        await Groups.AddToGroupAsync(Context.ConnectionId, BoardGroups.CommandCentre);
    }
}
