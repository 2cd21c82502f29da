using System.Security.Claims;
using Dispatch.Persistence.Identity;

namespace Dispatch.Api.Features.Cases.Queries;

/// <summary>How much of a caller an account may see.</summary>
public enum CallerView
{
    /// <summary>Nothing: departments and patrollers never see who called.</summary>
    None,
    /// <summary>The name and a masked phone (<c>138****5678</c>): the command centre's other roles.</summary>
    Masked,
    /// <summary>The name and the whole phone: the roles that call back (回访).</summary>
    Full,
}

/// <summary>
/// Who sees a caller's phone number. Acceptors (受理员) call back, so they see it whole; the rest of the command centre
/// (shift leaders included: they supervise the desk but do not make the calls) sees it masked; departments and patrollers
/// see no caller at all. Every answer that carries a caller asks here.
/// </summary>
public static class CallerPrivacy
{
    public static CallerView ViewOf(ClaimsPrincipal? user) =>
        user is null ? CallerView.None
        : user.IsInRole(Roles.Acceptor) ? CallerView.Full
        : Roles.CommandCentre.Any(user.IsInRole) ? CallerView.Masked
        : CallerView.None;

    public static string? Name(CallerView view, string? name) => view == CallerView.None ? null : name;

    public static string? Phone(CallerView view, string? phone) => view switch
    {
        CallerView.Full => phone,
        CallerView.Masked => Mask(phone),
        _ => null,
    };

    /// <summary>
    /// Keeps the first three and the last four digits and stars the rest (<c>13812345678</c> → <c>138****5678</c>); a
    /// short number keeps only its last two digits. Spaces and dashes go, so the digits left cannot be counted back.
    /// </summary>
    public static string? Mask(string? phone)
    {
        if (phone is null)
            return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        var plus = phone.TrimStart().StartsWith('+') ? "+" : "";
        if (digits.Length >= 8)
            return plus + digits[..3] + new string('*', digits.Length - 7) + digits[^4..];
        return plus + new string('*', Math.Max(0, digits.Length - 2)) + digits[Math.Max(0, digits.Length - 2)..];
    }
}
