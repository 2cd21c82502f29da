namespace Dispatch.Persistence.Ledger;

/// <summary>What a saved ledger is: one account's own view of the case list, or a template every ledger reader sees.</summary>
public enum SavedLedgerKind
{
    /// <summary>An account's saved view: its filters and columns, seen by that account only.</summary>
    View,
    /// <summary>台账模板: a named ledger an administrator defines (窨井盖隐患整改台账 ...), listed and exported by all readers.</summary>
    Template,
}

/// <summary>
/// A named case list: the query string of <c>GET /api/cases</c> (filters and sort) and the columns to show and export.
/// Stored as the query string so that a saved ledger and a shared link mean the same thing.
/// </summary>
public sealed class SavedLedger
{
    public const int MaxNameLength = 100;
    public const int MaxQueryLength = 2000;
    public const int MaxColumnsLength = 1000;

    private SavedLedger() { }

    public SavedLedger(Guid id, SavedLedgerKind kind, string? owner, string name, string query, string columns, DateTimeOffset at)
    {
        Id = id;
        Kind = kind;
        Owner = owner;
        Name = name;
        Query = query;
        Columns = columns;
        UpdatedAt = at;
    }

    public Guid Id { get; private set; }
    public SavedLedgerKind Kind { get; private set; }
    /// <summary>The account a view belongs to; null for a template.</summary>
    public string? Owner { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Filters and sort as a query string without the leading <c>?</c>.</summary>
    public string Query { get; private set; } = "";
    /// <summary>Column keys, comma-separated, in display order.</summary>
    public string Columns { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Change(string name, string query, string columns, DateTimeOffset at)
    {
        Name = name;
        Query = query;
        Columns = columns;
        UpdatedAt = at;
    }
}
