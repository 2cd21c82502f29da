using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Testing;

/// <summary>
/// The shared parts of a scaled-out deployment in a test: one fresh database and one RabbitMQ prefix that every
/// node (in-process <see cref="ClusterNode"/> or child <see cref="WorkerProcess"/>) joins. Dropped on disposal.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    private Cluster(string connectionString, string entityPrefix)
    {
        ConnectionString = connectionString;
        EntityPrefix = entityPrefix;
    }

    public string ConnectionString { get; }
    public string EntityPrefix { get; }
    public string PhotoPath { get; } = Path.Combine(Path.GetTempPath(), "dispatch-test-photos", Guid.NewGuid().ToString("N"));

    public static async Task<Cluster> CreateAsync(string name) =>
        new(await TestPostgres.CreateDatabaseAsync(name), $"c{Guid.NewGuid():N}"[..13]);

    /// <summary>An in-process node of this cluster, started.</summary>
    public ClusterNode Node(string roles)
    {
        var node = new ClusterNode(ConnectionString, EntityPrefix, roles);
        node.InitializeAsync().GetAwaiter().GetResult();
        return node;
    }

    /// <summary>A worker node of this cluster as a child process.</summary>
    public WorkerProcess StartWorkerProcess() => WorkerProcess.Start(ConnectionString, EntityPrefix, PhotoPath);

    /// <summary>Runs <paramref name="query"/> against the cluster's database, without any node.</summary>
    public async Task<T> QueryAsync<T>(Func<DispatchDbContext, Task<T>> query)
    {
        var options = (DbContextOptions<DispatchDbContext>)PersistenceRegistration.Configure(new DbContextOptionsBuilder<DispatchDbContext>(), ConnectionString).Options;
        await using var db = new DispatchDbContext(options);
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await TestPostgres.DropDatabaseAsync(ConnectionString);
        if (Directory.Exists(PhotoPath))
            Directory.Delete(PhotoPath, recursive: true);
    }
}
