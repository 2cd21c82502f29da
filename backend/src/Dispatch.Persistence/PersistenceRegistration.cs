using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Persistence;

public static class PersistenceRegistration
{
    /// <summary>The one place the database provider is chosen.</summary>
    public static IServiceCollection AddDispatchPersistence(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextPool<DispatchDbContext>(o => Configure(o, connectionString));
        services.AddSingleton<ICaseNumbers, Postgres.PostgresCaseNumbers>();
        services.AddSingleton<ICaseSweepClaims, Postgres.PostgresCaseSweepClaims>();
        services.AddSingleton<Postgres.OutboxStore>(_ => new Postgres.OutboxStore(connectionString));
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            // Migrations are hand-written and have no model snapshot to diff against; the schema test
            // (migrated database == GenerateCreateScript database) is the guard instead.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
}
