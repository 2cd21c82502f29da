using System.Globalization;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Grids;
using Microsoft.Extensions.Primitives;

namespace Dispatch.Api.Features.Ledger;

/// <summary>Which step's time a period (<c>from</c>, <c>to</c>) is about.</summary>
public enum LedgerPeriod
{
    Reported,
    Dispatched,
    Closed,
}

/// <summary>Whether a department filter means the lead department (主办), an assisting one (协办), or either.</summary>
public enum DepartmentRole
{
    Any,
    Lead,
    Assisting,
}

/// <summary>A category code or range as asked: <c>component:0101-0110</c>, <c>event:0505</c>, or a bare code for both kinds.</summary>
public sealed record CategoryRange(CategoryKind? Kind, string From, string To);

/// <summary>
/// The ledger's filters (台账筛选), parsed from the query string of <c>GET /api/cases</c>. Every filter is optional and
/// they combine with AND; a list (comma-separated) matches any of its values. Parsing names each bad parameter.
/// </summary>
public sealed record LedgerFilter
{
    public const int MaxTextLength = 100;

    public LedgerPeriod Period { get; init; } = LedgerPeriod.Reported;
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public IReadOnlyList<CaseState> States { get; init; } = [];
    public IReadOnlyList<CaseLight> Lights { get; init; } = [];
    public IReadOnlyList<CaseSource> Sources { get; init; } = [];
    public IReadOnlyList<CategoryRange> Categories { get; init; } = [];
    public IReadOnlyList<Guid> Conditions { get; init; } = [];
    public GridCode? Grid { get; init; }
    public string? Department { get; init; }
    public DepartmentRole DepartmentRole { get; init; } = DepartmentRole.Any;
    public string? Reporter { get; init; }
    public bool? Overdue { get; init; }
    public bool? Escalated { get; init; }
    public bool? Reworked { get; init; }
    public bool? Extended { get; init; }
    public bool? Suspended { get; init; }
    public string? Component { get; init; }
    public string? Text { get; init; }

    /// <summary>The names the filters answer to in a query string; anything else there is a sort, paging or export setting.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "period", "from", "to", "state", "light", "source", "category", "condition", "grid", "department", "departmentRole",
        "reporter", "overdue", "escalated", "reworked", "extended", "suspended", "component", "q",
    ];

    public static LedgerFilter Parse(IQueryCollection query, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        var filter = new LedgerFilter
        {
            Period = Enum(query, "period", LedgerPeriod.Reported, errors),
            From = Instant(query, "from", errors),
            To = Instant(query, "to", errors),
            States = Enums<CaseState>(query, "state", errors),
            Lights = Enums<CaseLight>(query, "light", errors),
            Sources = Enums<CaseSource>(query, "source", errors),
            Categories = CategoryRanges(query, errors),
            Conditions = Guids(query, "condition", errors),
            Grid = ReadGrid(query, errors),
            Department = ReadText(query, "department", 64, errors),
            DepartmentRole = Enum(query, "departmentRole", DepartmentRole.Any, errors),
            Reporter = ReadText(query, "reporter", 256, errors),
            Overdue = Flag(query, "overdue", errors),
            Escalated = Flag(query, "escalated", errors),
            Reworked = Flag(query, "reworked", errors),
            Extended = Flag(query, "extended", errors),
            Suspended = Flag(query, "suspended", errors),
            Component = ReadComponent(query, errors),
            Text = ReadText(query, "q", MaxTextLength, errors),
        };
        if (filter.From is { } from && filter.To is { } to && from >= to)
            errors["to"] = ["'to' must be later than 'from'."];
        if (filter.DepartmentRole != DepartmentRole.Any && filter.Department is null)
            errors["departmentRole"] = ["'departmentRole' needs a 'department'."];
        return filter;
    }

    private static string? Single(IQueryCollection query, string name, IDictionary<string, string[]> errors)
    {
        if (!query.TryGetValue(name, out var values) || StringValues.IsNullOrEmpty(values))
            return null;
        if (values.Count > 1)
        {
            errors[name] = [$"'{name}' is given {values.Count} times; give it once (lists are comma-separated)."];
            return null;
        }
        var value = values[0]?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string? ReadText(IQueryCollection query, string name, int max, IDictionary<string, string[]> errors)
    {
        var value = Single(query, name, errors);
        if (value is { Length: var length } && length > max)
        {
            errors[name] = [$"'{name}' is at most {max} characters."];
            return null;
        }
        return value;
    }

    private static string[] List(IQueryCollection query, string name, IDictionary<string, string[]> errors) =>
        Single(query, name, errors)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static T Enum<T>(IQueryCollection query, string name, T fallback, IDictionary<string, string[]> errors) where T : struct, Enum
    {
        var value = Single(query, name, errors);
        if (value is null)
            return fallback;
        if (TryEnum<T>(value, out var parsed))
            return parsed;
        errors[name] = [$"'{value}' is not a {name}; use one of: {string.Join(", ", System.Enum.GetNames<T>().Select(Camel))}."];
        return fallback;
    }

    private static List<T> Enums<T>(IQueryCollection query, string name, IDictionary<string, string[]> errors) where T : struct, Enum
    {
        var parsed = new List<T>();
        foreach (var value in List(query, name, errors))
        {
            if (TryEnum<T>(value, out var one))
                parsed.Add(one);
            else
                errors[name] = [$"'{value}' is not a {name}; use one of: {string.Join(", ", System.Enum.GetNames<T>().Select(Camel))}."];
        }
        return parsed.Distinct().ToList();
    }

    private static bool TryEnum<T>(string value, out T parsed) where T : struct, Enum
    {
        parsed = default;
        return !value.Any(char.IsDigit) && System.Enum.TryParse(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out parsed)
            && System.Enum.IsDefined(parsed);
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static DateTimeOffset? Instant(IQueryCollection query, string name, IDictionary<string, string[]> errors)
    {
        var value = Single(query, name, errors);
        if (value is null)
            return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return at;
        errors[name] = [$"'{value}' is not an instant; use ISO 8601, e.g. 2026-12-01T00:00:00+08:00."];
        return null;
    }

    private static bool? Flag(IQueryCollection query, string name, IDictionary<string, string[]> errors)
    {
        var value = Single(query, name, errors);
        if (value is null)
            return null;
        if (bool.TryParse(value, out var flag))
            return flag;
        errors[name] = [$"'{value}' is not true or false."];
        return null;
    }

    private static List<Guid> Guids(IQueryCollection query, string name, IDictionary<string, string[]> errors)
    {
        var ids = new List<Guid>();
        foreach (var value in List(query, name, errors))
        {
            if (Guid.TryParse(value, out var id))
                ids.Add(id);
            else
                errors[name] = [$"'{value}' is not a {name} id."];
        }
        return ids;
    }

    private static GridCode? ReadGrid(IQueryCollection query, IDictionary<string, string[]> errors)
    {
        var value = Single(query, "grid", errors);
        if (value is null)
            return null;
        if (GridCode.TryParse(value, out var code, out var error))
            return code;
        errors["grid"] = [error];
        return null;
    }

    private static string? ReadComponent(IQueryCollection query, IDictionary<string, string[]> errors)
    {
        var value = Single(query, "component", errors);
        if (value is null)
            return null;
        if (value.Length == Domain.Components.ComponentCode.Length && value.All(char.IsAsciiDigit))
            return value;
        errors["component"] = [$"'{value}' is not a component id ({Domain.Components.ComponentCode.Length} digits)."];
        return null;
    }

    private static List<CategoryRange> CategoryRanges(IQueryCollection query, IDictionary<string, string[]> errors)
    {
        var ranges = new List<CategoryRange>();
        foreach (var value in List(query, "category", errors))
        {
            CategoryKind? kind = null;
            var codes = value;
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                if (!System.Enum.TryParse<CategoryKind>(value[..colon], ignoreCase: true, out var k) || value[..colon].Any(char.IsDigit))
                {
                    errors["category"] = [$"'{value}': the kind before ':' is component or event."];
                    continue;
                }
                kind = k;
                codes = value[(colon + 1)..];
            }
            var bounds = codes.Split('-');
            if (bounds.Length > 2 || bounds.Any(b => b.Length != 4 || !b.All(char.IsAsciiDigit))
                || (bounds.Length == 2 && string.CompareOrdinal(bounds[0], bounds[1]) > 0))
            {
                errors["category"] = [$"'{value}' is not a category: give a 4-digit code or a range like 0101-0110, optionally after component: or event:."];
                continue;
            }
            ranges.Add(new CategoryRange(kind, bounds[0], bounds[^1]));
        }
        return ranges;
    }
}
