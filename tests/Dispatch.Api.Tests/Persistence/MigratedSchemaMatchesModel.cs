using Dispatch.Persistence;
using Dispatch.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dispatch.Api.Tests.Persistence;

/// <summary>
/// The migrations are hand-written, so this is what keeps them honest: a database built by the migrations and one
/// built from the EF model's own create script must have the same tables, columns, types, nullability, keys,
/// constraints and indexes, except the hand-written trigram indexes of text search (named <c>*_trgm</c>) and expression
/// indexes (named <c>*_expr</c>), which the model cannot describe.
/// </summary>
public sealed class MigratedSchemaMatchesModel
{
    [Fact]
    public async Task Migrated_schema_equals_the_schema_of_the_model()
    {
        var migrated = await TestPostgres.CreateDatabaseAsync("schema_migrated");
        var generated = await TestPostgres.CreateDatabaseAsync("schema_model");
        try
        {
            await using (var db = Context(migrated))
                await db.Database.MigrateAsync();
            await using (var db = Context(generated))
                await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript());

            var expected = await DescribeAsync(generated);
            var actual = await DescribeAsync(migrated);

            Assert.NotEmpty(expected);
            var missing = expected.Except(actual).ToList();
            var extra = actual.Except(expected).ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0,
                $"Migrations differ from the model.\nIn the model, not migrated:\n  {string.Join("\n  ", missing)}\nMigrated, not in the model:\n  {string.Join("\n  ", extra)}");
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(migrated);
            await TestPostgres.DropDatabaseAsync(generated);
        }
    }

    private static DispatchDbContext Context(string connectionString) =>
        new(PersistenceRegistration.Configure(new DbContextOptionsBuilder<DispatchDbContext>(), connectionString).Options
            as DbContextOptions<DispatchDbContext> ?? throw new InvalidOperationException());

    private static async Task<List<string>> DescribeAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
                || coalesce('(' || character_maximum_length || ')', '')
                || coalesce(' p' || numeric_precision || ',' || numeric_scale, '')
                || CASE WHEN is_nullable = 'YES' THEN ' null' ELSE ' not null' END
                || CASE WHEN is_identity = 'YES' THEN ' identity' ELSE '' END
                || coalesce(' default ' || column_default, '')
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> '__ef_migrations_history'
            UNION ALL
            SELECT 'index ' || tablename || ' ' || indexdef
            FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '__ef_migrations_history'
                -- Trigram indexes (migration Ledger_TextSearch) are PostgreSQL's own and not in the model; nor are
                -- expression indexes (migration Hotline_CallerPhoneIndex).
                AND indexname NOT LIKE '%\_trgm' AND indexname NOT LIKE '%\_expr'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '__ef_migrations_history'
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
