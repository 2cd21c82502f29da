namespace Dispatch.Api.Realtime;

/// <summary>The only place SignalR group names are built.</summary>
public static class BoardGroups
{
    public const string CommandCentre = "command-centre";

    public static string Department(string departmentKey) => $"department:{departmentKey}";
}
