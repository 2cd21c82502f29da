using System.Security.Claims;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Hosting;

/// <summary>
/// Ends sessions on the server. Every request's cookie carries the account's security stamp, and every request
/// compares it with the stored one (one indexed read of one row): signing out, a password reset and disabling
/// the account change the stamp, so a cookie issued before them is refused at once, on every node. Roles,
/// department and grid scope are re-read into the cookie less often (<see cref="SecurityStampValidatorOptions.ValidationInterval"/>),
/// as Identity's own validator does.
/// </summary>
internal sealed class SessionValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<AppUser> signInManager,
    ILoggerFactory logger,
    DispatchDbContext db,
    IOptions<IdentityOptions> identity)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var refreshDue = context.Properties.IssuedUtc is not { } issued
            || TimeProvider.GetUtcNow() - issued > Options.ValidationInterval;
        if (refreshDue)
        {
            // Identity's validator: checks the stamp, then rebuilds the principal and renews the cookie.
            await base.ValidateAsync(context);
            return;
        }
        if (!await StampHoldsAsync(context.Principal))
        {
            context.RejectPrincipal();
            await SignInManager.SignOutAsync();
        }
    }

    private async Task<bool> StampHoldsAsync(ClaimsPrincipal? principal)
    {
        var id = principal?.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal?.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (id is null || stamp is null)
            return false;
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd }).SingleOrDefaultAsync();
        return stored is not null && stored.SecurityStamp == stamp && !Disabled(stored.LockoutEnd, TimeProvider.GetUtcNow());
    }

    /// <summary>A disabled account is locked out until the end of time (Identity's convention); a temporary lockout ends no session.</summary>
    public static bool Disabled(DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnd is { } end && end > now.AddYears(100);
}
