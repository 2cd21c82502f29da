namespace Dispatch.Persistence.Identity;

/// <summary>Claims Dispatch adds to the sign-in cookie.</summary>
public static class DispatchClaims
{
    public const string DepartmentKey = "dispatch:department";
    public const string DisplayName = "dispatch:display-name";
}
