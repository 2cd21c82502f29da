using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Api.Hosting;

internal static class AuthSetup
{
    public const string CommandCentrePolicy = "command-centre";
    public const string ReporterPolicy = "reporter";

    public static IServiceCollection AddDispatchAuth(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "dispatch.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // An API answers 401/403; it never redirects to a login page.
            o.Events.OnRedirectToLogin = ctx => Deny(ctx.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Deny(ctx.Response, StatusCodes.Status403Forbidden);
        });
        // Each minute a session's cookie is checked against its account and its claims (roles, department, grid
        // scope) rebuilt, so an administrator's change reaches open sessions without a new sign-in.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DispatchDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ClaimsFactory>();
        services.AddAuthorizationBuilder()
            .AddPolicy(CommandCentrePolicy, p => p.RequireRole(Roles.CommandCentre))
            .AddPolicy(ReporterPolicy, p => p.RequireRole(Roles.Patroller, Roles.Acceptor));
        return services;
    }

    private static Task Deny(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
