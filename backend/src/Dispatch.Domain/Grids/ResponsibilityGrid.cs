using System.Text.RegularExpressions;

namespace Dispatch.Domain.Grids;

/// <summary>
/// A responsibility grid (责任网格): a named group of unit grids that one or more patrollers walk. A unit grid belongs
/// to at most one responsibility grid. Its code is the city's own naming (e.g. <c>450304001001-01</c>), not part of
/// the administrative code tree.
/// </summary>
public sealed partial class ResponsibilityGrid
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 64;
    public const int MaxUserNameLength = 256;
    public const int MaxPersonNameLength = 64;
    public const int MaxPhoneLength = 32;
    /// <summary>A grid walked by more people than this is a data error, not a patrol plan.</summary>
    public const int MaxPatrollers = 20;

    private readonly List<ResponsibilityGridUnit> _units = [];
    private readonly List<ResponsibilityGridPatroller> _patrollers = [];

    private ResponsibilityGrid() { }

    public ResponsibilityGrid(ResponsibilityGridDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Code = definition.Code;
        Replace(definition);
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public IReadOnlyList<ResponsibilityGridUnit> Units => _units;
    public IReadOnlyList<ResponsibilityGridPatroller> Patrollers => _patrollers;

    /// <summary>
    /// 责任人 (e.g. 网格长): the person answerable for the grid, by name and phone. Often a community cadre without an
    /// account in the system, so it is not an account; null when none is named.
    /// </summary>
    public string? ResponsiblePersonName { get; private set; }
    public string? ResponsiblePersonPhone { get; private set; }
    /// <summary>When patrollers or the responsible person were last set by hand; null for an imported grid never edited.</summary>
    public DateTimeOffset? AssignedAt { get; private set; }
    /// <summary>Row version for optimistic concurrency (PostgreSQL's xmin).</summary>
    public uint Version { get; private set; }

    /// <summary>
    /// Sets who walks the grid and who answers for it. Callers have checked that each user name is an enabled
    /// patroller. A grid may have several patrollers; a patroller may walk several grids.
    /// </summary>
    public void Assign(IReadOnlyCollection<string> patrollers, string? responsibleName, string? responsiblePhone, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(patrollers);
        var wanted = patrollers.ToHashSet(StringComparer.Ordinal);
        _patrollers.RemoveAll(p => !wanted.Contains(p.UserName));
        foreach (var patroller in wanted.Except(_patrollers.Select(p => p.UserName), StringComparer.Ordinal).Order(StringComparer.Ordinal))
            _patrollers.Add(new ResponsibilityGridPatroller(Code, patroller));
        ResponsiblePersonName = string.IsNullOrWhiteSpace(responsibleName) ? null : responsibleName.Trim();
        ResponsiblePersonPhone = string.IsNullOrWhiteSpace(responsiblePhone) ? null : responsiblePhone.Trim();
        AssignedAt = at;
    }

    public static bool IsWellFormedCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public ResponsibilityGridDefinition ToDefinition() =>
        new(Code, Name, _units.Select(u => u.UnitGridCode).Order(StringComparer.Ordinal).ToList(),
            _patrollers.Select(p => p.UserName).Order(StringComparer.Ordinal).ToList());

    /// <summary>
    /// Takes over the definition's name, units and patrollers. Rows that stay are kept as they are, so a store sees
    /// only the real additions and removals.
    /// </summary>
    public void Replace(ResponsibilityGridDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Code != Code)
            throw new ArgumentException($"Definition {definition.Code} cannot replace responsibility grid {Code}.", nameof(definition));
        Name = definition.Name;
        var units = definition.UnitGridCodes.ToHashSet(StringComparer.Ordinal);
        _units.RemoveAll(u => !units.Contains(u.UnitGridCode));
        foreach (var unit in units.Except(_units.Select(u => u.UnitGridCode), StringComparer.Ordinal).Order(StringComparer.Ordinal))
            _units.Add(new ResponsibilityGridUnit(Code, unit));
        var patrollers = definition.Patrollers.ToHashSet(StringComparer.Ordinal);
        _patrollers.RemoveAll(p => !patrollers.Contains(p.UserName));
        foreach (var patroller in patrollers.Except(_patrollers.Select(p => p.UserName), StringComparer.Ordinal).Order(StringComparer.Ordinal))
            _patrollers.Add(new ResponsibilityGridPatroller(Code, patroller));
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex CodePattern();
}

public sealed class ResponsibilityGridUnit(string responsibilityGridCode, string unitGridCode)
{
    public string ResponsibilityGridCode { get; private set; } = responsibilityGridCode;
    public string UnitGridCode { get; private set; } = unitGridCode;
}

public sealed class ResponsibilityGridPatroller(string responsibilityGridCode, string userName)
{
    public string ResponsibilityGridCode { get; private set; } = responsibilityGridCode;
    public string UserName { get; private set; } = userName;
}

/// <summary>A responsibility grid as imported or seeded: its unit grid codes and its patrollers' user names.</summary>
public sealed record ResponsibilityGridDefinition(
    string Code, string Name, IReadOnlyList<string> UnitGridCodes, IReadOnlyList<string> Patrollers);
