namespace Dispatch.Domain.Cases;

/// <summary>An action was asked of a case in a state that does not allow it.</summary>
public sealed class CaseTransitionException : InvalidOperationException
{
    public CaseTransitionException(string action, CaseState current)
        : this(action, current, $"Action '{action}' is not allowed in state {current}.")
    {
    }

    public CaseTransitionException(string action, CaseState current, string message)
        : base(message)
    {
        Action = action;
        Current = current;
    }

    public string Action { get; }
    public CaseState Current { get; }
}
