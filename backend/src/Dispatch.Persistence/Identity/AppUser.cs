using Microsoft.AspNetCore.Identity;

namespace Dispatch.Persistence.Identity;

/// <summary>A signed-in person. Handlers belong to one department; their boards and cases are scoped to it.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string? DepartmentKey { get; set; }
}

/// <summary>The role names of DOMAIN §3, as stored in Identity and carried in the auth cookie.</summary>
public static class Roles
{
    /// <summary>监督员 / 网格员</summary>
    public const string Patroller = "patroller";
    /// <summary>受理员</summary>
    public const string Acceptor = "acceptor";
    /// <summary>值班长</summary>
    public const string ShiftLeader = "shift-leader";
    /// <summary>派遣员</summary>
    public const string Dispatcher = "dispatcher";
    /// <summary>专业部门处置人员</summary>
    public const string Handler = "handler";
    /// <summary>领导 / 指挥中心</summary>
    public const string Leader = "leader";
    /// <summary>系统管理员</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Patroller, Acceptor, ShiftLeader, Dispatcher, Handler, Leader, Admin];

    /// <summary>Those who watch the command-centre board.</summary>
    public static readonly IReadOnlyList<string> CommandCentre = [Acceptor, ShiftLeader, Dispatcher, Leader, Admin];
}
