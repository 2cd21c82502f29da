using Dispatch.Domain.Cases;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Persistence.Identity;

/// <summary>
/// A signed-in person. Handlers belong to one department; their boards and cases are scoped to it. Command-centre
/// accounts (acceptors, shift leaders, dispatchers, leaders) may be scoped to a grid node: they then see and act on
/// the cases in that node's subtree only.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string? DepartmentKey { get; set; }
    /// <summary>Code of the grid node (city, district, street, community or unit grid) the account is scoped to; null: everywhere.</summary>
    public string? GridScope { get; set; }
    /// <summary>
    /// The password was set by an administrator (a new account, a reset): until the person sets their own, the
    /// account may only read who it is, sign out and change its password.
    /// </summary>
    public bool MustChangePassword { get; set; }
    /// <summary>The last successful sign-in, or null when the account never signed in.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }
}

/// <summary>
/// The role names of docs/domain.md §3, as stored in Identity and carried in the auth cookie. They are the lifecycle
/// table's own names (<see cref="CaseRoles"/>), so a signed-in role and a table role can never drift apart.
/// </summary>
public static class Roles
{
    /// <summary>监督员 / 网格员</summary>
    public const string Patroller = CaseRoles.Patroller;
    /// <summary>受理员</summary>
    public const string Acceptor = CaseRoles.Acceptor;
    /// <summary>值班长</summary>
    public const string ShiftLeader = CaseRoles.ShiftLeader;
    /// <summary>派遣员</summary>
    public const string Dispatcher = CaseRoles.Dispatcher;
    /// <summary>专业部门处置人员</summary>
    public const string Handler = CaseRoles.Handler;
    /// <summary>领导 / 指挥中心</summary>
    public const string Leader = CaseRoles.Leader;
    /// <summary>系统管理员</summary>
    public const string Admin = CaseRoles.Admin;

    public static readonly IReadOnlyList<string> All = [Patroller, Acceptor, ShiftLeader, Dispatcher, Handler, Leader, Admin];

    /// <summary>Those who watch the command-centre board.</summary>
    public static readonly IReadOnlyList<string> CommandCentre = [Acceptor, ShiftLeader, Dispatcher, Leader, Admin];
}
