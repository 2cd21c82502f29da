namespace Dispatch.Persistence.Identity;

/// <summary>Claims Dispatch adds to the sign-in cookie.</summary>
public static class DispatchClaims
{
    public const string DepartmentKey = "dispatch:department";
    public const string DisplayName = "dispatch:display-name";
    /// <summary>The grid node a command-centre account is scoped to (<see cref="AppUser.GridScope"/>).</summary>
    public const string GridScope = "dispatch:grid-scope";
    /// <summary>Present while the account must replace a password an administrator set (<see cref="AppUser.MustChangePassword"/>).</summary>
    public const string PasswordChangeRequired = "dispatch:password-change-required";
}
