namespace Dispatch.Domain.Cases;

/// <summary>An action was asked of a case in a state that does not allow it.</summary>
public sealed class CaseTransitionException(string action, CaseState current)
    : InvalidOperationException($"Action '{action}' is not allowed in state {current}.")
{
    public string Action { get; } = action;
    public CaseState Current { get; } = current;
}
