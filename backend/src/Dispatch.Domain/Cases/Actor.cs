namespace Dispatch.Domain.Cases;

/// <summary>Who takes an action: a signed-in user in one role, or the system itself.</summary>
public sealed record Actor(string UserName, string Role, string? DepartmentKey = null)
{
    public static readonly Actor System = new("system", "system");
}
