namespace Dispatch.Domain.Cases;

/// <summary>
/// Role names as the lifecycle table uses them. They equal the names of the signed-in roles (docs/domain.md §3);
/// <see cref="System"/> is the software itself (intake policy, routing, the deadline sweeper).
/// </summary>
public static class CaseRoles
{
    public const string Patroller = "patroller";
    public const string Acceptor = "acceptor";
    public const string ShiftLeader = "shift-leader";
    public const string Dispatcher = "dispatcher";
    public const string Handler = "handler";
    public const string Leader = "leader";
    public const string Admin = "admin";
    public const string System = "system";
    /// <summary>A member of the public without an account: reports and rates on the citizens' page, takes no table action.</summary>
    public const string Public = "public";

    /// <summary>Every role that may appear on an actor, people first.</summary>
    public static readonly IReadOnlyList<string> All = [Patroller, Acceptor, ShiftLeader, Dispatcher, Handler, Leader, Admin, System];
}
