namespace Dispatch.Domain.Cases;

/// <summary>Names of the actions a trace row records; they double as the API's action names.</summary>
public static class CaseAction
{
    public const string Report = "report";
    public const string Accept = "accept";
    public const string File = "file";
    public const string Dispatch = "dispatch";
    public const string MarkUnroutable = "mark-unroutable";
}
