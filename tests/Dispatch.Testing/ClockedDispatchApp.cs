using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Testing;

/// <summary>
/// The host with a clock the test sets (<see cref="Clock"/>), and the deadline sweeper looking every 100 ms, so
/// that moving the clock is all a test does to make a deadline pass. Sign-in cookies keep the real clock: a cookie
/// issued at a test date would otherwise look expired to the client and expire when the clock moves on.
/// </summary>
public class ClockedDispatchApp : DispatchApp
{
    /// <summary>Monday 2 March 2026, 09:00 in Guilin: a working day, inside the morning working period.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public SettableTimeProvider Clock { get; } = new(Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sla:SweepInterval", "00:00:00.100");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.PostConfigureAll<CookieAuthenticationOptions>(o => o.TimeProvider = TimeProvider.System);
            services.PostConfigure<SecurityStampValidatorOptions>(o => o.TimeProvider = TimeProvider.System);
        });
    }
}
