namespace Dispatch.Domain.Cases;

/// <summary>The actor's role may not take the action, or the actor stands on the wrong side of 监管分离.</summary>
public sealed class CaseForbiddenException(string action, string role, string reason)
    : InvalidOperationException(reason)
{
    public string Action { get; } = action;
    public string Role { get; } = role;
}
