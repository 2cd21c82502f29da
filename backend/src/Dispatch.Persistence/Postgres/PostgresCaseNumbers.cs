using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dispatch.Persistence.Postgres;

/// <summary>
/// One database sequence per district and year. A sequence never blocks concurrent reporters (a counter row would
/// serialise every report of a district behind one row lock until commit) and the gaps it leaves after a rollback
/// are acceptable for case numbers.
/// </summary>
internal sealed class PostgresCaseNumbers : ICaseNumbers
{
    private readonly ConcurrentDictionary<string, bool> _created = new();

    public async Task<string> NextAsync(DispatchDbContext db, string districtCode, int year, CancellationToken ct)
    {
        if (districtCode.Length != 6 || !districtCode.All(char.IsAsciiDigit))
            throw new ArgumentException("District code must be six digits.", nameof(districtCode));
        var sequence = $"case_number_{districtCode}_{year.ToString(CultureInfo.InvariantCulture)}";
        if (!_created.ContainsKey(sequence))
        {
            await EnsureSequenceAsync(db, sequence, ct);
            _created[sequence] = true;
        }
        // The name is built from validated digits only, and nextval takes it as a bound text parameter.
        var next = await db.Database
            .SqlQuery<long>($"SELECT nextval({sequence}::regclass) AS \"Value\"")
            .SingleAsync(ct);
        return $"{districtCode}-{year:D4}-{next:D6}";
    }

    private static async Task EnsureSequenceAsync(DispatchDbContext db, string sequence, CancellationToken ct)
    {
        // Created on its own connection so that the DDL never joins (or aborts) the caller's transaction.
        // Two nodes creating the same sequence at once can collide in the catalog; the loser finds it made.
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var command = new NpgsqlCommand($"CREATE SEQUENCE IF NOT EXISTS {sequence}", connection);
                await command.ExecuteNonQueryAsync(ct);
                return;
            }
            catch (PostgresException e) when (DbErrors.IsUniqueViolation(e) && attempt < 3)
            {
            }
        }
    }
}
