using Dispatch.Domain.Cases;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;
using Template = Dispatch.Api.Features.Cases.Queries.TraceText.Template;

namespace Dispatch.Api.Features.Cases.Queries;

/// <summary>
/// The display names a set of trace rows refers to, loaded in a few queries: departments (by key), routing rules (by
/// id, named by their category and grid node), grid nodes (by code), categories and conditions (by id) and people
/// (by user name). <see cref="TraceText"/> reads them; a name not found leaves the key as it is.
/// </summary>
public sealed class TraceNames
{
    private readonly Dictionary<string, Template> _departments;
    private readonly Dictionary<Guid, Template> _rules;
    private readonly Dictionary<string, string> _grids;
    private readonly Dictionary<Guid, Template> _categories;
    private readonly Dictionary<Guid, Template> _conditions;
    private readonly Dictionary<string, string> _people;

    public TraceNames(
        IReadOnlyDictionary<string, Template>? departments = null,
        IReadOnlyDictionary<Guid, Template>? rules = null,
        IReadOnlyDictionary<string, string>? grids = null,
        IReadOnlyDictionary<Guid, Template>? categories = null,
        IReadOnlyDictionary<Guid, Template>? conditions = null,
        IReadOnlyDictionary<string, string>? people = null)
    {
        _departments = new(departments ?? new Dictionary<string, Template>(), StringComparer.Ordinal);
        _rules = new(rules ?? new Dictionary<Guid, Template>());
        _grids = new(grids ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        _categories = new(categories ?? new Dictionary<Guid, Template>());
        _conditions = new(conditions ?? new Dictionary<Guid, Template>());
        _people = new(people ?? new Dictionary<string, string>(), StringComparer.Ordinal);
    }

    public Template? Department(string key) => _departments.GetValueOrDefault(key);
    public Template? Rule(Guid id) => _rules.GetValueOrDefault(id);
    public string? Grid(string code) => _grids.GetValueOrDefault(code);
    public Template? Category(Guid id) => _categories.GetValueOrDefault(id);
    public Template? Condition(Guid id) => _conditions.GetValueOrDefault(id);
    /// <summary>A person's display name; null when the account is gone or has none.</summary>
    public string? Person(string userName) => _people.GetValueOrDefault(userName);

    public static async Task<TraceNames> LoadAsync(DispatchDbContext db, IReadOnlyCollection<CaseTrace> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        string? Parameter(CaseTrace row, string name) => row.Parameters.GetValueOrDefault(name);
        static Guid? Id(string? text) => Guid.TryParse(text, out var id) ? id : null;

        var departmentKeys = rows.Select(r => r.DepartmentKey)
            .Concat(rows.Select(r => Parameter(r, TraceParameters.DepartmentKey)))
            .Concat(rows.SelectMany(r => Parameter(r, TraceParameters.DepartmentKeys)?.Split(',', StringSplitOptions.TrimEntries) ?? []))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var ruleIds = rows.Select(r => Id(Parameter(r, TraceParameters.RuleId))).OfType<Guid>().Distinct().ToList();
        var gridCodes = rows.Select(r => Parameter(r, TraceParameters.Target)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var categoryIds = rows.Select(r => Id(Parameter(r, TraceParameters.CategoryId))).OfType<Guid>().ToHashSet();
        var conditionIds = rows.Select(r => Id(Parameter(r, TraceParameters.ConditionId))).OfType<Guid>().Distinct().ToList();
        var userNames = rows.Where(r => r.ActorRole is not (CaseRoles.System or CaseRoles.Public)).Select(r => r.ActorUserName)
            .Concat(rows.Select(r => Parameter(r, TraceParameters.Assignee)).OfType<string>())
            .Concat(rows.SelectMany(r => Parameter(r, TraceParameters.People)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? []))
            .Distinct(StringComparer.Ordinal).ToList();

        var departments = departmentKeys.Count == 0 ? [] : await db.Departments.AsNoTracking()
            .Where(d => departmentKeys.Contains(d.Key))
            .ToDictionaryAsync(d => d.Key, d => new Template(d.NameZh, d.NameEn), StringComparer.Ordinal, ct);
        var rules = ruleIds.Count == 0 ? [] : await db.RoutingRules.AsNoTracking()
            .Where(r => ruleIds.Contains(r.Id))
            .Select(r => new { r.Id, r.CategoryId, r.GridCode })
            .ToListAsync(ct);
        gridCodes.UnionWith(rules.Select(r => r.GridCode).OfType<string>());
        categoryIds.UnionWith(rules.Select(r => r.CategoryId));
        var grids = gridCodes.Count == 0 ? [] : await db.GridNodes.AsNoTracking()
            .Where(n => gridCodes.Contains(n.Code))
            .ToDictionaryAsync(n => n.Code, n => n.Name, StringComparer.Ordinal, ct);
        var categories = categoryIds.Count == 0 ? [] : await db.Categories.AsNoTracking()
            .Where(c => categoryIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new Template(c.NameZh, c.NameEn), ct);
        var conditions = conditionIds.Count == 0 ? [] : await db.CategoryConditions.AsNoTracking()
            .Where(c => conditionIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new Template(c.NameZh, c.NameEn), ct);
        var people = userNames.Count == 0 ? [] : await db.Users.AsNoTracking()
            .Where(u => userNames.Contains(u.UserName!) && u.DisplayName != "")
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, StringComparer.Ordinal, ct);

        // A rule has no name of its own: it reads as what it covers, its category within its grid node.
        var ruleNames = rules.ToDictionary(r => r.Id, r =>
        {
            var category = categories.GetValueOrDefault(r.CategoryId) ?? new Template("?", "?");
            var grid = r.GridCode is null ? null : grids.GetValueOrDefault(r.GridCode, r.GridCode);
            return new Template(
                grid is null ? $"{category.Zh} · 全域" : $"{category.Zh} · {grid}",
                grid is null ? $"{category.En} · everywhere" : $"{category.En} · {grid}");
        });
        return new TraceNames(departments, ruleNames, grids, categories, conditions, people);
    }
}
