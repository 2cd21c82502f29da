using System.Net.Http.Json;
using Dispatch.Persistence;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Dispatch.Testing;

/// <summary>
/// The whole host in process, on a fresh database of the real PostgreSQL, with demo data seeded. The transport is
/// in-memory unless <see cref="RabbitMqUri"/> is set. Use one per test class (<c>IClassFixture</c>) or create one
/// per test when a test needs a host of its own.
/// </summary>
public class DispatchApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-pass-9a";

    public string ConnectionString { get; protected set; } = "";
    public string PhotoPath { get; } = Path.Combine(Path.GetTempPath(), "dispatch-test-photos", Guid.NewGuid().ToString("N"));

    /// <summary>amqp://user:pass@host:port/ of a real RabbitMQ, or null for the in-memory transport.</summary>
    protected virtual Uri? RabbitMqUri => null;

    /// <summary>
    /// Prefix of this host's queues and exchanges on a real broker: test classes share one RabbitMQ and must not
    /// consume each other's messages. Hosts meant to form one cluster share it.
    /// </summary>
    public virtual string EntityPrefix { get; } = $"t{Guid.NewGuid():N}"[..13];

    /// <summary>What the host does (<c>Dispatch:Roles</c>): web, worker, or both.</summary>
    protected virtual string Roles => "web,worker";

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync(GetType().Name);
        // Starting the server runs migrations and seeding, as a real start does.
        _ = Server;
        // Then wait for what a load balancer waits for: the bus's endpoints are up. On a real broker each fixture has
        // fresh queues, and a message published before their bindings exist would go nowhere.
        var bus = await Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromMinutes(1));
        if (bus != BusHealthStatus.Healthy)
            throw new InvalidOperationException($"The bus did not become healthy within a minute: {bus}.");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
        if (Directory.Exists(PhotoPath))
            Directory.Delete(PhotoPath, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Dispatch", ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Dispatch:PhotoPath", PhotoPath);
        builder.UseSetting("Frontend:Path", "");
        builder.UseSetting("Dispatch:Roles", Roles);
        if (RabbitMqUri is { } uri)
        {
            var user = uri.UserInfo.Split(':');
            builder.UseSetting("Messaging:Transport", "RabbitMq");
            builder.UseSetting("Messaging:RabbitMq:Host", uri.Host);
            builder.UseSetting("Messaging:RabbitMq:Port", uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Messaging:RabbitMq:Username", Uri.UnescapeDataString(user[0]));
            builder.UseSetting("Messaging:RabbitMq:Password", Uri.UnescapeDataString(user[1]));
            builder.UseSetting("Messaging:EntityPrefix", EntityPrefix);
        }
        else
        {
            builder.UseSetting("Messaging:Transport", "InMemory");
        }
    }

    /// <summary>A client with its own cookie jar, signed in as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> SignInAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    /// <summary>Runs <paramref name="query"/> against a fresh context of this host's database.</summary>
    public async Task<T> QueryAsync<T>(Func<DispatchDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDbContext>();
        return await query(db);
    }

    /// <summary>
    /// Polls <paramref name="probe"/> until <paramref name="done"/> holds for its value, or fails after
    /// <paramref name="timeout"/>. Asynchronous work is awaited by observing its effect, never by sleeping a guess.
    /// </summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await probe();
            if (done(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what}; last seen: {value}");
            await Task.Delay(50);
        }
    }
}
