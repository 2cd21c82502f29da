namespace Dispatch.Domain.Cases;

/// <summary>Who takes an action: a signed-in user in one role, or the system itself.</summary>
public sealed record Actor(string UserName, string Role, string? DepartmentKey = null)
{
    public static readonly Actor System = new("system", "system");

    /// <summary>A member of the public on the citizens' page, who has no account (公众).</summary>
    public static readonly Actor Public = new("public", CaseRoles.Public);

    /// <summary>The software itself (intake policy, routing, sweeper), whatever department it acts for.</summary>
    public bool IsSystem => Role == CaseRoles.System;
}
