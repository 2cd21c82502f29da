using System.Diagnostics;
using Npgsql;

namespace Dispatch.Testing;

/// <summary>
/// The real PostgreSQL the integration tests run against: the server named by <c>DISPATCH_TEST_PG</c>
/// (<c>./dispatch test</c> starts one), or else a private cluster this process starts with the project's own
/// script. Every test class gets a database of its own.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<string> Server = new(FindOrStartServer, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Server connection string without a database.</summary>
    public static string ServerConnectionString => Server.Value;

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, IncludeErrorDetail = true }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string FindOrStartServer()
    {
        var configured = Environment.GetEnvironmentVariable("DISPATCH_TEST_PG");
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        var root = RepositoryRoot.Find();
        const int port = 55460;
        var start = Process.Start(new ProcessStartInfo(Path.Combine(root, "deploy", "scripts", "postgres.sh"),
            ["start", "--dir", Path.Combine(root, ".data", "test-pg"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        start.WaitForExit();
        if (start.ExitCode != 0)
            throw new InvalidOperationException(
                $"Could not start a private PostgreSQL (set DISPATCH_TEST_PG or run ./dispatch test): {start.StandardError.ReadToEnd()}");
        return $"Host=127.0.0.1;Port={port};Username=postgres";
    }
}

public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dispatch.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Dispatch.sln not found above the test binaries.");
    }
}
