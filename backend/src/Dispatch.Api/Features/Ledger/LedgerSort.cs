using System.Buffers.Text;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using Dispatch.Domain.Cases;

namespace Dispatch.Api.Features.Ledger;

/// <summary>A column the ledger sorts by.</summary>
public enum LedgerSortKey
{
    ReportedAt,
    DispatchedAt,
    ClosedAt,
    UpdatedAt,
    Deadline,
    Number,
}

/// <summary>
/// Sort order and keyset paging. A page ends with a cursor holding the last row's sort value and id; the next page
/// starts strictly after it, so rows arriving meanwhile neither repeat nor shift a row across pages. Empty values sort
/// last in either direction. The cursor is opaque to clients (base64url JSON) and names its sort, so it cannot be
/// replayed against another.
/// </summary>
public sealed record LedgerSort(LedgerSortKey Key, bool Descending)
{
    public static readonly LedgerSort Default = new(LedgerSortKey.ReportedAt, true);

    public string Name => (Descending ? "-" : "") + char.ToLowerInvariant(Key.ToString()[0]) + Key.ToString()[1..];

    public static LedgerSort? Parse(string? text, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Default;
        var value = text.Trim();
        var descending = value.StartsWith('-');
        var name = descending ? value[1..] : value;
        if (!name.Any(char.IsDigit) && Enum.TryParse<LedgerSortKey>(name, ignoreCase: true, out var key) && Enum.IsDefined(key))
            return new LedgerSort(key, descending);
        errors["sort"] = [$"'{value}' is not a sort; use one of {string.Join(", ", Enum.GetNames<LedgerSortKey>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}, with a leading '-' for descending."];
        return null;
    }

    public IOrderedQueryable<Case> Order(IQueryable<Case> cases) => Key switch
    {
        LedgerSortKey.ReportedAt => By(cases, c => c.ReportedAt),
        LedgerSortKey.UpdatedAt => By(cases, c => c.UpdatedAt),
        LedgerSortKey.DispatchedAt => ByNullable(cases, c => c.DispatchedAt),
        LedgerSortKey.ClosedAt => ByNullable(cases, c => c.ClosedAt),
        LedgerSortKey.Deadline => ByNullable(cases, c => c.NextDeadline),
        LedgerSortKey.Number => Descending
            ? cases.OrderByDescending(c => c.Number).ThenByDescending(c => c.Id)
            : cases.OrderBy(c => c.Number).ThenBy(c => c.Id),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The same order over projected rows: joins do not keep the order of the cases they start from.</summary>
    public IOrderedQueryable<LedgerRows.Flat> Order(IQueryable<LedgerRows.Flat> rows)
    {
        IOrderedQueryable<LedgerRows.Flat> Nullable(Expression<Func<LedgerRows.Flat, DateTimeOffset?>> key)
        {
            var isNull = Expression.Lambda<Func<LedgerRows.Flat, bool>>(
                Expression.Equal(key.Body, Expression.Constant(null, typeof(DateTimeOffset?))), key.Parameters);
            var nullsLast = rows.OrderBy(isNull);
            return Descending ? nullsLast.ThenByDescending(key).ThenByDescending(r => r.Id) : nullsLast.ThenBy(key).ThenBy(r => r.Id);
        }
        return Key switch
        {
            LedgerSortKey.ReportedAt => Descending ? rows.OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id) : rows.OrderBy(r => r.ReportedAt).ThenBy(r => r.Id),
            LedgerSortKey.UpdatedAt => Descending ? rows.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id) : rows.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id),
            LedgerSortKey.Number => Descending ? rows.OrderByDescending(r => r.Number).ThenByDescending(r => r.Id) : rows.OrderBy(r => r.Number).ThenBy(r => r.Id),
            LedgerSortKey.DispatchedAt => Nullable(r => r.DispatchedAt),
            LedgerSortKey.ClosedAt => Nullable(r => r.ClosedAt),
            _ => Nullable(r => r.Deadline),
        };
    }

    private IOrderedQueryable<Case> By(IQueryable<Case> cases, Expression<Func<Case, DateTimeOffset>> key) => Descending
        ? cases.OrderByDescending(key).ThenByDescending(c => c.Id)
        : cases.OrderBy(key).ThenBy(c => c.Id);

    private IOrderedQueryable<Case> ByNullable(IQueryable<Case> cases, Expression<Func<Case, DateTimeOffset?>> key)
    {
        var isNull = Expression.Lambda<Func<Case, bool>>(Expression.Equal(key.Body, Expression.Constant(null, typeof(DateTimeOffset?))), key.Parameters);
        var nullsLast = cases.OrderBy(isNull);
        return Descending ? nullsLast.ThenByDescending(key).ThenByDescending(c => c.Id) : nullsLast.ThenBy(key).ThenBy(c => c.Id);
    }

    /// <summary>The sort value of a row, as the cursor holds it.</summary>
    public string? ValueOf(DateTimeOffset reportedAt, DateTimeOffset updatedAt, DateTimeOffset? dispatchedAt, DateTimeOffset? closedAt,
        DateTimeOffset? deadline, string number) => Key switch
    {
        LedgerSortKey.ReportedAt => Instant(reportedAt),
        LedgerSortKey.UpdatedAt => Instant(updatedAt),
        LedgerSortKey.DispatchedAt => dispatchedAt is { } d ? Instant(d) : null,
        LedgerSortKey.ClosedAt => closedAt is { } c ? Instant(c) : null,
        LedgerSortKey.Deadline => deadline is { } n ? Instant(n) : null,
        LedgerSortKey.Number => number,
        _ => null,
    };

    private static string Instant(DateTimeOffset at) => at.UtcTicks.ToString(CultureInfo.InvariantCulture);

    public string Cursor(string? value, Guid id) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new CursorBody(Name, value, id)));

    /// <summary>Rows after the cursor in this order.</summary>
    public IQueryable<Case> After(IQueryable<Case> cases, string cursor, IDictionary<string, string[]> errors)
    {
        CursorBody? body = null;
        try
        {
            body = JsonSerializer.Deserialize<CursorBody>(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
        }
        if (body is null || body.Sort != Name)
        {
            errors["cursor"] = ["The cursor is the 'next' value of a previous page with the same sort."];
            return cases;
        }
        var id = body.Id;
        if (Key == LedgerSortKey.Number)
        {
            if (body.Value is not { } number)
            {
                errors["cursor"] = ["The cursor is the 'next' value of a previous page with the same sort."];
                return cases;
            }
            // Compared in SQL (EF translates string.Compare to < and >), under the database's collation like the ORDER BY.
#pragma warning disable CA1309
            return Descending
                ? cases.Where(c => string.Compare(c.Number, number) <= 0 && (string.Compare(c.Number, number) < 0 || c.Id < id))
                : cases.Where(c => string.Compare(c.Number, number) >= 0 && (string.Compare(c.Number, number) > 0 || c.Id > id));
#pragma warning restore CA1309
        }
        DateTimeOffset? at = null;
        if (body.Value is { } ticks)
        {
            if (!long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t) || t < DateTimeOffset.MinValue.UtcTicks || t > DateTimeOffset.MaxValue.UtcTicks)
            {
                errors["cursor"] = ["The cursor is the 'next' value of a previous page with the same sort."];
                return cases;
            }
            at = new DateTimeOffset(t, TimeSpan.Zero);
        }
        if (at is null && Key is LedgerSortKey.ReportedAt or LedgerSortKey.UpdatedAt)
        {
            errors["cursor"] = ["The cursor is the 'next' value of a previous page with the same sort."];
            return cases;
        }
        return Key switch
        {
            LedgerSortKey.ReportedAt => AfterRequired(cases, at!.Value, id, Descending, reportedAt: true),
            LedgerSortKey.UpdatedAt => AfterRequired(cases, at!.Value, id, Descending, reportedAt: false),
            LedgerSortKey.DispatchedAt => Descending
                ? at is { } v1
                    ? cases.Where(c => c.DispatchedAt <= v1 && (c.DispatchedAt < v1 || c.Id < id) || c.DispatchedAt == null)
                    : cases.Where(c => c.DispatchedAt == null && c.Id < id)
                : at is { } v2
                    ? cases.Where(c => c.DispatchedAt >= v2 && (c.DispatchedAt > v2 || c.Id > id) || c.DispatchedAt == null)
                    : cases.Where(c => c.DispatchedAt == null && c.Id > id),
            LedgerSortKey.ClosedAt => Descending
                ? at is { } v3
                    ? cases.Where(c => c.ClosedAt <= v3 && (c.ClosedAt < v3 || c.Id < id) || c.ClosedAt == null)
                    : cases.Where(c => c.ClosedAt == null && c.Id < id)
                : at is { } v4
                    ? cases.Where(c => c.ClosedAt >= v4 && (c.ClosedAt > v4 || c.Id > id) || c.ClosedAt == null)
                    : cases.Where(c => c.ClosedAt == null && c.Id > id),
            LedgerSortKey.Deadline => Descending
                ? at is { } v5
                    ? cases.Where(c => c.NextDeadline <= v5 && (c.NextDeadline < v5 || c.Id < id) || c.NextDeadline == null)
                    : cases.Where(c => c.NextDeadline == null && c.Id < id)
                : at is { } v6
                    ? cases.Where(c => c.NextDeadline >= v6 && (c.NextDeadline > v6 || c.Id > id) || c.NextDeadline == null)
                    : cases.Where(c => c.NextDeadline == null && c.Id > id),
            _ => cases,
        };
    }

    private static IQueryable<Case> AfterRequired(IQueryable<Case> cases, DateTimeOffset v, Guid id, bool descending, bool reportedAt)
    {
        // The redundant bound (<= / >=) lets PostgreSQL start the index scan at the cursor instead of filtering up to it.
        if (reportedAt)
            return descending
                ? cases.Where(c => c.ReportedAt <= v && (c.ReportedAt < v || c.Id < id))
                : cases.Where(c => c.ReportedAt >= v && (c.ReportedAt > v || c.Id > id));
        return descending
            ? cases.Where(c => c.UpdatedAt <= v && (c.UpdatedAt < v || c.Id < id))
            : cases.Where(c => c.UpdatedAt >= v && (c.UpdatedAt > v || c.Id > id));
    }

    private sealed record CursorBody(string Sort, string? Value, Guid Id);
}
