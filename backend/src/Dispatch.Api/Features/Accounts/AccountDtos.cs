using Dispatch.Api.Hosting;
using Dispatch.Persistence.Identity;

namespace Dispatch.Api.Features.Accounts;

/// <summary>An account as an administrator sees it; never a password or its hash.</summary>
/// <param name="GridScope">
/// The grid node a command-centre account is scoped to (null: everywhere), or the street a patroller supervises (街道监督员).
/// </param>
/// <param name="Phone">A contact number, or null.</param>
/// <param name="Disabled">The account may not sign in, and its sessions have ended.</param>
/// <param name="LockedOut">Too many failed sign-ins: refused until <paramref name="LockedUntil"/> (not disabled).</param>
/// <param name="PasswordChangeRequired">The password was set by an administrator; the person sets their own at the next sign-in.</param>
/// <param name="LastSignInAt">The last successful sign-in, or null.</param>
/// <param name="Version">Identity's concurrency stamp: an edit sends it back, and is refused (409) when the account changed since.</param>
public sealed record AccountDto(
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    string? DepartmentKey,
    string? GridScope,
    string? Phone,
    bool Disabled,
    bool LockedOut,
    DateTimeOffset? LockedUntil,
    bool PasswordChangeRequired,
    DateTimeOffset? LastSignInAt,
    string Version)
{
    public static AccountDto From(AppUser u, IEnumerable<string> roles, DateTimeOffset now)
    {
        var disabled = SessionValidator.Disabled(u.LockoutEnd, now);
        var lockedOut = !disabled && u.LockoutEnd is { } end && end > now;
        return new(u.UserName!, u.DisplayName, roles.Order(StringComparer.Ordinal).ToList(), u.DepartmentKey, u.GridScope, u.PhoneNumber,
            disabled, lockedOut, lockedOut ? u.LockoutEnd : null, u.MustChangePassword, u.LastSignInAt, u.ConcurrencyStamp ?? "");
    }
}

/// <param name="Total">How many accounts match the filters, on every page.</param>
public sealed record AccountPageDto(IReadOnlyList<AccountDto> Items, int Total, int Page, int PageSize);

/// <param name="Password">The initial password; the person replaces it at the first sign-in.</param>
public sealed record CreateAccountRequest(
    string? UserName, string? DisplayName, IReadOnlyList<string>? Roles, string? DepartmentKey, string? GridScope, string? Phone, string? Password);

/// <summary>Replaces the editable fields of an account; <paramref name="Version"/> is the one it was read at.</summary>
public sealed record EditAccountRequest(
    string? DisplayName, IReadOnlyList<string>? Roles, string? DepartmentKey, string? GridScope, string? Phone, string? Version);

public sealed record GridScopeRequest(string? GridScope);

/// <param name="Password">The temporary password to set; left out, the server makes one up.</param>
public sealed record PasswordResetRequest(string? Password);

/// <param name="TemporaryPassword">Shown to the administrator once, to pass on; the person must replace it at the next sign-in.</param>
public sealed record PasswordResetDto(AccountDto Account, string TemporaryPassword);

public sealed record AccountDisabledRequest(bool? Disabled);
