using Dispatch.Domain.Grids;

namespace Dispatch.Api.Realtime;

/// <summary>
/// The only place SignalR group names are built. An account scoped to a grid node (see
/// <see cref="Features.Grids.AccountScope"/>) joins the grid-qualified groups, so it never hears of cases outside
/// its subtree.
/// </summary>
public static class BoardGroups
{
    public const string CommandCentre = "command-centre";

    public static string Department(string departmentKey) => $"department:{departmentKey}";

    /// <summary>The command centre of one grid subtree.</summary>
    public static string Grid(GridCode node) => $"grid:{node.Value}";

    /// <summary>One department's board, seen from one grid subtree.</summary>
    public static string Department(string departmentKey, GridCode node) => $"department:{departmentKey}@grid:{node.Value}";

    /// <summary>
    /// The groups a push about a case at <paramref name="gridCode"/> goes to, for the departments watching it: the
    /// whole command centre and whole departments, plus the same per grid node the case lies in, from the city down.
    /// </summary>
    public static IReadOnlyList<string> For(string? gridCode, IReadOnlyCollection<string> departmentKeys)
    {
        var groups = new List<string> { CommandCentre };
        groups.AddRange(departmentKeys.Select(k => Department(k)));
        if (GridCode.TryParse(gridCode, out var where))
        {
            for (GridCode? node = where; node is { } n; node = n.Parent)
            {
                groups.Add(Grid(n));
                groups.AddRange(departmentKeys.Select(k => Department(k, n)));
            }
        }
        return groups;
    }
}
