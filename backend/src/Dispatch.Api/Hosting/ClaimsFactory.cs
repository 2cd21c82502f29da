using System.Security.Claims;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Hosting;

/// <summary>Puts the handler's department and the account's grid scope into the cookie, so scoping a request needs no database read.</summary>
internal sealed class ClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DispatchClaims.DisplayName, user.DisplayName));
        if (user.DepartmentKey is not null)
            identity.AddClaim(new Claim(DispatchClaims.DepartmentKey, user.DepartmentKey));
        if (user.GridScope is not null)
            identity.AddClaim(new Claim(DispatchClaims.GridScope, user.GridScope));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(DispatchClaims.PasswordChangeRequired, "true"));
        return identity;
    }
}
