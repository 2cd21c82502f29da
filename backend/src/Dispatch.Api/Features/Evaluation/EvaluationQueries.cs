using System.Data.Common;
using System.Text.Json;
using Dispatch.Domain.Evaluation;
using Dispatch.Domain.Grids;
using Dispatch.Persistence;
using Dispatch.Persistence.Evaluation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Dispatch.Api.Features.Evaluation;

/// <summary>
/// League tables and trends over the evaluation facts (docs/domain.md §6): a period's facts grouped by one object
/// column and counted, never a case's current columns. Scoped: periodic reports call it with the same queries the
/// API answers, so a report and the page can never disagree. Bad queries throw <see cref="BadEvaluationQueryException"/>
/// naming the parameter (the endpoints check first and answer 400).
/// </summary>
public sealed class EvaluationQueries(DispatchDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The fact column an object kind groups by, and the role filter for people.</summary>
    internal static (string Column, string? Role) ColumnOf(string objectKind) => objectKind switch
    {
        ObjectKinds.Department => ("department_key", null),
        ObjectKinds.District => ("district_code", null),
        ObjectKinds.Street => ("street_code", null),
        ObjectKinds.Community => ("community_code", null),
        ObjectKinds.Unit => ("unit_grid_code", null),
        ObjectKinds.Category => ("category_id::text", null),
        ObjectKinds.Patroller or ObjectKinds.Acceptor or ObjectKinds.Dispatcher or ObjectKinds.ShiftLeader => ("person", objectKind),
        _ => throw new BadEvaluationQueryException("object", $"Unknown object kind '{objectKind}'."),
    };

    /// <summary>The column naming a region's parent (street rows of a district ...), for <c>parent=</c>.</summary>
    internal static string? ParentColumnOf(string objectKind) => objectKind switch
    {
        ObjectKinds.Street => "district_code",
        ObjectKinds.Community => "street_code",
        ObjectKinds.Unit => "community_code",
        _ => null,
    };

    /// <summary>Ranks kinds without a composite score by one rate.</summary>
    private static string RankingRate(string objectKind) => objectKind switch
    {
        ObjectKinds.Category => "onTimeCloseRate",
        ObjectKinds.Acceptor => "validRate",
        ObjectKinds.Dispatcher => "accurateDispatchRate",
        ObjectKinds.ShiftLeader => "accurateFilingRate",
        _ => "closeRate",
    };

    /// <summary>The indicators a table for the kind shows.</summary>
    public static IReadOnlyList<string> IndicatorsFor(string objectKind) =>
        Indicators.All.Where(i => i.ObjectKinds.Contains(objectKind)).Select(i => i.Code).ToList();

    public async Task<LeagueTable> League(LeagueQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (column, role) = ColumnOf(query.ObjectKind);
        var parentColumn = ParentColumnOf(query.ObjectKind);
        if (query.Parent is not null && parentColumn is null)
            throw new BadEvaluationQueryException("parent", $"Only street, community and unit tables take a parent, not {query.ObjectKind}.");
        var period = EvaluationPeriodDtos.Resolve(query.Period, query.Date, query.From, query.To);
        var previous = period.Previous();

        // One pass over both periods: the flag says which one a group belongs to.
        var sql = $"""
            SELECT at >= @from AS current, {column} AS key, code, count(*), count(*) FILTER (WHERE on_time), count(*) FILTER (WHERE NOT on_time)
            FROM evaluation_facts
            WHERE at >= @prev AND at < @to AND {column} IS NOT NULL
            {(role is null ? "" : "AND person_role = @role")}
            {(query.Parent is null ? "" : $"AND {parentColumn} = @parent")}
            GROUP BY 1, 2, 3
            """;
        var tallies = new Dictionary<(bool Current, string Key), Dictionary<string, Indicators.FactTally>>();
        await using (var reader = await ReadAsync(sql, ct, ("from", period.Start), ("prev", previous.Start), ("to", period.End),
            ("role", role), ("parent", query.Parent)))
        {
            while (await reader.ReadAsync(ct))
            {
                var k = (reader.GetBoolean(0), reader.GetString(1));
                if (!tallies.TryGetValue(k, out var byFact))
                    tallies[k] = byFact = new(StringComparer.Ordinal);
                byFact[reader.GetString(2)] = new(reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
            }
        }

        var names = await NamesAsync(query.ObjectKind, query.Parent, period, ct);
        var keys = names.Keys.Union(tallies.Keys.Where(k => k.Current).Select(k => k.Key)).ToList();
        var scheme = await SchemeAsync(query.ObjectKind, ct);
        var current = Rank(query.ObjectKind, scheme, keys, key => tallies.GetValueOrDefault((true, key)));
        var previousKeys = tallies.Keys.Where(k => !k.Current).Select(k => k.Key).ToList();
        var before = Rank(query.ObjectKind, scheme, previousKeys, key => tallies.GetValueOrDefault((false, key)))
            .ToDictionary(r => r.Key, r => r.Rank, StringComparer.Ordinal);

        var hasChildren = query.ObjectKind is ObjectKinds.District or ObjectKinds.Street or ObjectKinds.Community;
        var rows = current.Select(r =>
        {
            (string Zh, string En) name = names.TryGetValue(r.Key, out var n) ? n : (r.Key, r.Key);
            int? previousRank = before.TryGetValue(r.Key, out var p) ? p : null;
            var grade = scheme is null ? null : Scoring.Grade(scheme, r.Score);
            return new LeagueRow(r.Key, name.Zh, name.En, r.Counts, r.Rates, r.Score, grade,
                grade is null ? null : Scoring.GradeZh(grade), grade is null ? null : Scoring.GradeEn(grade),
                r.Rank, previousRank, previousRank - r.Rank, hasChildren);
        }).ToList();

        var total = Sum(tallies.Where(t => t.Key.Current).Select(t => t.Value));
        var totalCounts = Indicators.CountsOf(total);
        return new LeagueTable(query.ObjectKind, query.Parent, EvaluationPeriodDtos.ToDto(period), EvaluationPeriodDtos.ToDto(previous),
            IndicatorsFor(query.ObjectKind), rows, new FigureSet(totalCounts, Indicators.RatesOf(totalCounts)));
    }

    public async Task<Trend> Trend(TrendQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (column, role) = ColumnOf(query.ObjectKind);
        if (query.Count is < 1 or > 60)
            throw new BadEvaluationQueryException("count", "A trend has 1 to 60 points.");
        var kind = EvaluationPeriod.ParseKind(query.Period);
        if (kind is null or PeriodKind.Custom)
            throw new BadEvaluationQueryException("period", "A trend's period is day, week, month, quarter or year.");
        var periods = new List<EvaluationPeriod> { EvaluationPeriod.Containing(kind.Value, query.Date) };
        while (periods.Count < query.Count)
            periods.Insert(0, periods[0].Previous());

        var sql = $"""
            SELECT b.i, f.code, count(*), count(*) FILTER (WHERE f.on_time), count(*) FILTER (WHERE NOT f.on_time)
            FROM unnest(@starts, @ends) WITH ORDINALITY AS b(s, e, i)
            JOIN evaluation_facts f ON f.at >= b.s AND f.at < b.e
            WHERE TRUE
            {(query.Key is null ? "" : $"AND {column} = @key")}
            {(role is null ? "" : "AND f.person_role = @role")}
            GROUP BY 1, 2
            """;
        var byPeriod = periods.Select(_ => new Dictionary<string, Indicators.FactTally>(StringComparer.Ordinal)).ToList();
        await using (var reader = await ReadAsync(sql, ct, ("starts", periods.Select(p => p.Start.UtcDateTime).ToArray()),
            ("ends", periods.Select(p => p.End.UtcDateTime).ToArray()), ("key", query.Key), ("role", role)))
        {
            while (await reader.ReadAsync(ct))
                byPeriod[(int)reader.GetInt64(0) - 1][reader.GetString(1)] = new(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }
        var scheme = query.Key is null ? null : await SchemeAsync(query.ObjectKind, ct);
        var points = periods.Select((p, i) =>
        {
            var counts = Indicators.CountsOf(byPeriod[i]);
            var rates = Indicators.RatesOf(counts);
            // Alone, an object has no share of anyone's volume: the term is left out of a trend's score.
            return new TrendPoint(EvaluationPeriodDtos.ToDto(p), counts, rates, scheme is null ? null : Scoring.Score(scheme, rates, null));
        }).ToList();

        var (zh, en) = ("全市", "Whole city");
        if (query.Key is not null)
        {
            var names = await NamesAsync(query.ObjectKind, null, periods[^1], ct);
            (zh, en) = names.TryGetValue(query.Key, out var n) ? n : (query.Key, query.Key);
        }
        return new Trend(query.ObjectKind, query.Key, zh, en, points);
    }

    /// <summary>The cases behind one count of one object (or the whole city without a key), latest step first.</summary>
    public async Task<CasesBehind> Cases(string objectKind, string? key, IndicatorDefinition count, EvaluationPeriod period,
        (DateTimeOffset At, Guid Id)? after, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(period);
        var (column, role) = ColumnOf(objectKind);
        var part = count.Part switch
        {
            FactPart.OnTime => "AND f.on_time",
            FactPart.Late => "AND NOT f.on_time",
            _ => "",
        };
        var filter = $"""
            f.code = @code AND f.at >= @from AND f.at < @to {part}
            {(key is null ? "" : $"AND f.{column} = @key")}
            {(role is null ? "" : "AND f.person_role = @role")}
            """;
        long total;
        await using (var reader = await ReadAsync($"SELECT count(*) FROM evaluation_facts f WHERE {filter}", ct,
            ("code", count.Fact), ("from", period.Start), ("to", period.End), ("key", key), ("role", role)))
        {
            await reader.ReadAsync(ct);
            total = reader.GetInt64(0);
        }
        var items = new List<CaseBehind>();
        var factIds = new List<Guid>();
        await using (var reader = await ReadAsync($"""
            SELECT f.case_id, c.number, c.description, c.state, f.at, f.on_time, f.id
            FROM evaluation_facts f JOIN cases c ON c.id = f.case_id
            WHERE {filter} {(after is null ? "" : "AND (f.at, f.id) < (@afterAt, @afterId)")}
            ORDER BY f.at DESC, f.id DESC
            LIMIT @limit
            """, ct, ("code", count.Fact), ("from", period.Start), ("to", period.End), ("key", key), ("role", role),
            ("afterAt", after?.At), ("afterId", after?.Id), ("limit", limit + 1)))
        {
            while (await reader.ReadAsync(ct))
            {
                items.Add(new CaseBehind(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetBoolean(5)));
                factIds.Add(reader.GetGuid(6));
            }
        }
        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            return new CasesBehind(total, items, CasesCursor.Encode(items[^1].At, factIds[limit - 1]));
        }
        return new CasesBehind(total, items, null);
    }

    /// <summary>The stored scoring configuration, or the defaults (version 0) before the first edit.</summary>
    public async Task<(int Version, IReadOnlyList<ScoringScheme> Schemes)> ScoringAsync(CancellationToken ct)
    {
        var stored = await db.EvaluationScorings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == EvaluationScoring.SingletonId, ct);
        if (stored is null)
            return (0, Scoring.Defaults);
        var schemes = JsonSerializer.Deserialize<List<ScoringScheme>>(stored.Json, Json) ?? [];
        return (stored.Version, schemes);
    }

    private async Task<ScoringScheme?> SchemeAsync(string objectKind, CancellationToken ct)
    {
        if (Scoring.SchemeFor(objectKind) is not { } schemeKind)
            return null;
        var (_, schemes) = await ScoringAsync(ct);
        return schemes.FirstOrDefault(s => s.ObjectKind == schemeKind) ?? Scoring.Defaults.FirstOrDefault(s => s.ObjectKind == schemeKind);
    }

    private sealed record Ranked(string Key, Dictionary<string, long> Counts, Dictionary<string, double?> Rates, double? Score, int Rank);

    /// <summary>Figures, scores and ranks: best score first (or best ranking rate for kinds without a score), ties by key.</summary>
    private static List<Ranked> Rank(string objectKind, ScoringScheme? scheme, IReadOnlyList<string> keys,
        Func<string, Dictionary<string, Indicators.FactTally>?> tallies)
    {
        var figures = keys.Select(k =>
        {
            var counts = Indicators.CountsOf(tallies(k) ?? new Dictionary<string, Indicators.FactTally>());
            return (Key: k, Counts: counts, Rates: Indicators.RatesOf(counts));
        }).ToList();
        var volume = Scoring.VolumeCount(objectKind);
        var largest = figures.Count == 0 ? 0 : figures.Max(f => f.Counts[volume]);
        var rankingRate = RankingRate(objectKind);
        var scored = figures.Select(f => (f.Key, f.Counts, f.Rates,
                Score: scheme is null ? null : Scoring.Score(scheme, f.Rates, largest == 0 ? null : (double)f.Counts[volume] / largest)))
            .OrderByDescending(f => f.Score ?? (scheme is null ? f.Rates[rankingRate] * 100 : null) ?? double.NegativeInfinity)
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .ToList();
        return scored.Select((f, i) => new Ranked(f.Key, f.Counts, f.Rates, f.Score, i + 1)).ToList();
    }

    private static Dictionary<string, Indicators.FactTally> Sum(IEnumerable<Dictionary<string, Indicators.FactTally>> groups)
    {
        var total = new Dictionary<string, Indicators.FactTally>(StringComparer.Ordinal);
        foreach (var g in groups)
            foreach (var (code, tally) in g)
                total[code] = total.GetValueOrDefault(code) + tally;
        return total;
    }

    /// <summary>Every object of the kind that exists in the period (regions under a parent), by key, with names.</summary>
    private async Task<Dictionary<string, (string Zh, string En)>> NamesAsync(string objectKind, string? parent, EvaluationPeriod period,
        CancellationToken ct)
    {
        switch (objectKind)
        {
            case ObjectKinds.Department:
                return await db.Departments.AsNoTracking().Where(d => d.RetiredAt == null)
                    .ToDictionaryAsync(d => d.Key, d => (d.NameZh, d.NameEn), StringComparer.Ordinal, ct);
            case ObjectKinds.Category:
                return await db.Categories.AsNoTracking()
                    .ToDictionaryAsync(c => c.Id.ToString(), c => (c.Code + " " + c.NameZh, c.Code + " " + c.NameEn), StringComparer.Ordinal, ct);
            case ObjectKinds.District or ObjectKinds.Street or ObjectKinds.Community or ObjectKinds.Unit:
                var level = objectKind switch
                {
                    ObjectKinds.District => GridLevel.District,
                    ObjectKinds.Street => GridLevel.Street,
                    ObjectKinds.Community => GridLevel.Community,
                    _ => GridLevel.Unit,
                };
                var nodes = await db.GridNodes.AsNoTracking()
                    .Where(n => n.Level == level && (parent == null || n.ParentCode == parent)
                        && n.ValidFrom <= period.To && (n.ValidTo == null || n.ValidTo > period.From))
                    .Select(n => new { n.Code, n.Name }).ToListAsync(ct);
                return nodes.GroupBy(n => n.Code).ToDictionary(g => g.Key, g => (g.First().Name, g.First().Name), StringComparer.Ordinal);
            default:
                var users = await db.Users.AsNoTracking()
                    .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == objectKind)))
                    .Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct);
                return users.Where(u => u.UserName is not null)
                    .ToDictionary(u => u.UserName!, u => (u.DisplayName, u.DisplayName), StringComparer.Ordinal);
        }
    }

    private async Task<DbDataReader> ReadAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            if (!sql.Contains("@" + name, StringComparison.Ordinal))
                continue;
            command.Parameters.Add(value switch
            {
                DateTimeOffset at => new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = at.UtcDateTime },
                DateTime[] instants => new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = instants },
                null => new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value },
                _ => new NpgsqlParameter(name, value),
            });
        }
        return await command.ExecuteReaderAsync(System.Data.CommandBehavior.Default, ct);
    }
}

internal static class EvaluationPeriodDtos
{
    public static EvaluationPeriod Resolve(string kind, DateOnly date, DateOnly? from, DateOnly? to)
    {
        var k = EvaluationPeriod.ParseKind(kind) ?? throw new BadEvaluationQueryException("period", $"Unknown period '{kind}'.");
        if (k != PeriodKind.Custom)
            return EvaluationPeriod.Containing(k, date);
        if (from is null)
            throw new BadEvaluationQueryException("from", "A custom period needs from.");
        if (to is null)
            throw new BadEvaluationQueryException("to", "A custom period needs to.");
        return EvaluationPeriod.Custom(from.Value, to.Value)
            ?? throw new BadEvaluationQueryException("to", $"A custom period runs forwards and spans at most {EvaluationPeriod.MaxCustomDays} days.");
    }

    public static PeriodDto ToDto(EvaluationPeriod p) => new(EvaluationPeriod.Name(p.Kind), p.From, p.To, p.LabelZh, p.LabelEn);
}

/// <summary>The keyset cursor of the cases behind a number: the last fact's instant and id.</summary>
internal static class CasesCursor
{
    public static string Encode(DateTimeOffset at, Guid id) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{at.UtcTicks}|{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (DateTimeOffset At, Guid Id)? Decode(string cursor)
    {
        try
        {
            var text = cursor.Replace('-', '+').Replace('_', '/');
            text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
            var parts = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text)).Split('|');
            return parts.Length == 2 && long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
                && Guid.TryParse(parts[1], out var id) && ticks >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks
                ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>A query parameter evaluation cannot answer; <see cref="Parameter"/> names it as the API spells it.</summary>
public sealed class BadEvaluationQueryException : Exception
{
    public BadEvaluationQueryException() { }

    public BadEvaluationQueryException(string message) : base(message) { }

    public BadEvaluationQueryException(string message, Exception inner) : base(message, inner) { }

    public BadEvaluationQueryException(string parameter, string message) : base(message) => Parameter = parameter;

    public string Parameter { get; } = "";
}
