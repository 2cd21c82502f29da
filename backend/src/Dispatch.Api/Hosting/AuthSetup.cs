using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

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
        // Behind HTTPS (the deploy configuration) the cookie is never sent over plain HTTP, even when TLS ends at a proxy.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SecurityOptions>>((o, security) =>
                o.Cookie.SecurePolicy = security.Value.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        // Every request's cookie is checked against its account's security stamp (SessionValidator), so signing out,
        // a password reset and disabling an account end sessions at once; each minute the claims (roles, department,
        // grid scope) are rebuilt, so an administrator's change reaches open sessions without a new sign-in.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = false;
                // The policy people know from ASP.NET Core Identity, minus the symbol: 8 characters or more with a
                // digit, a lower and an upper case letter. The demo password and the generated ones meet it.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                // Five wrong passwords lock the account for 15 minutes; an administrator's "enable" lifts it sooner.
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DispatchDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ClaimsFactory>();
        services.AddScoped<ISecurityStampValidator, SessionValidator>();
        services.AddSingleton<SignInThrottle>();
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
