using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Testing;

/// <summary>
/// The host with a clock the test sets (<see cref="Clock"/>), and the deadline sweeper looking every 100 ms, so
/// that moving the clock is all a test does to make a deadline pass. Sign in again after moving the clock further
/// than the sign-in cookie lives.
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
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
