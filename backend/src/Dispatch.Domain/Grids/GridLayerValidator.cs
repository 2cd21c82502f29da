using System.Globalization;
using Dispatch.Domain.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Valid;

namespace Dispatch.Domain.Grids;

/// <summary>Tolerances of the geometric checks, in m²: digitised boundaries rarely meet to the millimetre.</summary>
public sealed record GridValidationOptions(
    double OutsideParentToleranceSquareMetres = 10,
    double SiblingOverlapToleranceSquareMetres = 10)
{
    public static GridValidationOptions Default { get; } = new();
}

/// <summary>The checked import: the nodes and responsibility grids to store, or the problems that stop it.</summary>
public sealed record GridValidationResult(
    IReadOnlyList<GridNodeDraft> Nodes,
    IReadOnlyList<ResponsibilityGridDefinition> ResponsibilityGrids,
    IReadOnlyList<GridProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Checks an imported grid layer against itself and against what is already stored (an import adds nodes or
/// replaces nodes of the same code; it never deletes). Every problem is listed, not just the first, so that one
/// round trip tells the administrator everything to fix. Checks: readable document, well-formed and unique codes,
/// level and parent agreeing with the code, valid polygons (closed, not self-intersecting), parent present, child
/// inside its parent and siblings not overlapping (both beyond a tolerance, and only between nodes whose validity
/// periods meet), and responsibility grids made of existing unit grids, each unit in one grid at most.
/// </summary>
public static class GridLayerValidator
{
    public static GridValidationResult Validate(
        GridImportDocument document,
        IReadOnlyCollection<GridNodeDraft> stored,
        IReadOnlyCollection<ResponsibilityGridDefinition> storedResponsibilityGrids,
        DateOnly today,
        GridValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(storedResponsibilityGrids);
        options ??= GridValidationOptions.Default;
        var problems = new List<GridProblem>(document.Problems);

        // 1. Each feature on its own.
        var drafts = new List<GridNodeDraft>();
        var whereOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var storedByCode = stored.ToDictionary(n => n.Code.Value, StringComparer.Ordinal);
        foreach (var feature in document.Features)
        {
            // A redrawn node without validFrom keeps the date it came into force; a new one starts today.
            var defaultValidFrom = feature.Code is not null && storedByCode.TryGetValue(feature.Code.Trim(), out var before)
                ? before.ValidFrom
                : today;
            var draft = CheckFeature(feature, defaultValidFrom, whereOf, problems);
            if (draft is not null)
                drafts.Add(draft);
        }

        // 2. The layer as it would be after the import: stored nodes, replaced by imported ones of the same code.
        var merged = new Dictionary<string, GridNodeDraft>(storedByCode, StringComparer.Ordinal);
        foreach (var draft in drafts)
            merged[draft.Code.Value] = draft;
        var imported = drafts.Select(d => d.Code.Value).ToHashSet(StringComparer.Ordinal);
        string Where(string code) => whereOf.TryGetValue(code, out var where) ? where : code;

        foreach (var draft in drafts)
        {
            // A parent in this import with problems of its own is reported there, not again as missing here.
            if (draft.Code.Parent is { } parent && !merged.ContainsKey(parent.Value) && !whereOf.ContainsKey(parent.Value))
                problems.Add(new(Where(draft.Code.Value), GridProblemKind.ParentMissing,
                    $"{draft.Code}: its parent {parent} ({GridLevels.Name(parent.Level)}) is neither in this import nor stored; import the parent first or with it."));
        }

        CheckContainment(merged, imported, Where, options, problems);
        CheckSiblings(merged, imported, Where, options, problems);
        var grids = CheckResponsibilityGrids(document.ResponsibilityGrids, storedResponsibilityGrids, merged, problems);
        return new GridValidationResult(drafts, grids, problems);
    }

    private static GridNodeDraft? CheckFeature(GridFeature feature, DateOnly defaultValidFrom, Dictionary<string, string> whereOf,
        List<GridProblem> problems)
    {
        var where = feature.Where;
        var before = problems.Count;
        if (!GridCode.TryParse(feature.Code?.Trim(), out var code, out var codeError))
        {
            problems.Add(new(where, GridProblemKind.MalformedCode, $"{where}: {codeError}"));
            return null;
        }
        var label = $"{code} ({where})";
        if (whereOf.TryGetValue(code.Value, out var first))
        {
            problems.Add(new(where, GridProblemKind.DuplicateCode, $"{label}: the code appears twice in this import (first at {first})."));
            return null;
        }
        whereOf[code.Value] = where;

        if (feature.Level is not null)
        {
            if (!GridLevels.TryParse(feature.Level, out var level))
                problems.Add(new(where, GridProblemKind.LevelMismatch, $"{label}: level '{feature.Level}' is not one of city, district, street, community, unit."));
            else if (level != code.Level)
                problems.Add(new(where, GridProblemKind.LevelMismatch,
                    $"{label}: declared a {GridLevels.Name(level)}, but a {code.Value.Length}-digit code is a {GridLevels.Name(code.Level)}."));
        }
        if (feature.Parent is not null)
        {
            if (!GridCode.TryParse(feature.Parent.Trim(), out var parent, out var parentError))
                problems.Add(new(where, GridProblemKind.MalformedCode, $"{label}: parent: {parentError}"));
            else if (code.Parent is not { } implied || implied != parent)
                problems.Add(new(where, GridProblemKind.CodeDoesNotExtendParent, code.Parent is { } p
                    ? $"{label}: the code does not extend its parent {parent}: a {GridLevels.Name(code.Level)} code is its parent's code plus digits, so its parent is {p}."
                    : $"{label}: a city is the root of the grid and has no parent, but {parent} was given."));
        }
        if (string.IsNullOrWhiteSpace(feature.Name))
            problems.Add(new(where, GridProblemKind.MalformedDocument, $"{label}: \"name\" is required."));
        else if (feature.Name.Length > GridNode.MaxNameLength)
            problems.Add(new(where, GridProblemKind.MalformedDocument, $"{label}: \"name\" has {feature.Name.Length} characters; at most {GridNode.MaxNameLength}."));
        else if (!PlainText.IsName(feature.Name))
            problems.Add(new(where, GridProblemKind.MalformedDocument, $"{label}: \"name\" is refused: {PlainText.NameRule}."));
        if (feature.ResponsiblePerson is { } person && !PlainText.IsName(person))
            problems.Add(new(where, GridProblemKind.MalformedDocument, $"{label}: \"responsiblePerson\" is refused: {PlainText.NameRule}."));
        if (feature.ResponsiblePerson is { Length: > GridNode.MaxResponsiblePersonLength })
            problems.Add(new(where, GridProblemKind.MalformedDocument, $"{label}: \"responsiblePerson\" is longer than {GridNode.MaxResponsiblePersonLength} characters."));
        var validFrom = feature.ValidFrom ?? defaultValidFrom;
        if (feature.ValidTo is { } validTo && validTo <= validFrom)
            problems.Add(new(where, GridProblemKind.MalformedDocument,
                $"{label}: validTo {validTo:yyyy-MM-dd} must come after validFrom {validFrom:yyyy-MM-dd}."));

        // A missing or unreadable geometry was reported by the reader.
        if (feature.Boundary is null)
            return null;
        var geometryProblem = CheckGeometry(feature.Boundary, label);
        if (geometryProblem is not null)
        {
            problems.Add(geometryProblem with { Where = where });
            return null;
        }
        return problems.Count > before
            ? null
            : new GridNodeDraft(code, feature.Name!.Trim(), feature.Boundary, validFrom, feature.ValidTo, feature.ResponsiblePerson?.Trim());
    }

    /// <summary>NTS's validity check, mapped onto the problems an administrator can act on.</summary>
    public static GridProblem? CheckGeometry(Geometry boundary, string label)
    {
        ArgumentNullException.ThrowIfNull(boundary);
        if (boundary is not (Polygon or MultiPolygon))
            return new("", GridProblemKind.InvalidGeometry, $"{label}: a grid node is a Polygon or MultiPolygon, not a {boundary.GeometryType}.");
        if (boundary.IsEmpty)
            return new("", GridProblemKind.InvalidGeometry, $"{label}: the polygon is empty.");
        var error = new IsValidOp(boundary).ValidationError;
        if (error is null)
            return null;
        var at = error.Coordinate is { } c
            ? $" at ({c.X.ToString("0.#######", CultureInfo.InvariantCulture)}, {c.Y.ToString("0.#######", CultureInfo.InvariantCulture)})"
            : "";
        return error.ErrorType switch
        {
            TopologyValidationErrors.SelfIntersection or TopologyValidationErrors.RingSelfIntersection =>
                new("", GridProblemKind.SelfIntersection, $"{label}: a ring crosses itself or another ring{at}."),
            TopologyValidationErrors.RingNotClosed or TopologyValidationErrors.TooFewPoints =>
                new("", GridProblemKind.UnclosedRing, $"{label}: {error.Message}{at}."),
            _ => new("", GridProblemKind.InvalidGeometry, $"{label}: {error.Message}{at}."),
        };
    }

    private static void CheckContainment(Dictionary<string, GridNodeDraft> merged, HashSet<string> imported,
        Func<string, string> where, GridValidationOptions options, List<GridProblem> problems)
    {
        var prepared = new Dictionary<string, IPreparedGeometry>(StringComparer.Ordinal);
        foreach (var node in merged.Values.OrderBy(n => n.Code.Value, StringComparer.Ordinal))
        {
            if (node.Code.Parent is not { } parentCode || !merged.TryGetValue(parentCode.Value, out var parent))
                continue;
            var childImported = imported.Contains(node.Code.Value);
            if (!childImported && !imported.Contains(parentCode.Value))
                continue;
            if (!prepared.TryGetValue(parentCode.Value, out var parentShape))
                prepared[parentCode.Value] = parentShape = PreparedGeometryFactory.Prepare(parent.Boundary);
            if (parentShape.Covers(node.Boundary))
                continue;
            var outside = GridGeometry.AreaSquareMetres(GridGeometry.Difference(node.Boundary, parent.Boundary));
            if (outside <= options.OutsideParentToleranceSquareMetres)
                continue;
            var message = $"{node.Code}: {outside:0.#} m² of it lies outside its parent {parentCode} {parent.Name} (tolerance {options.OutsideParentToleranceSquareMetres:0.#} m²).";
            problems.Add(new(where(childImported ? node.Code.Value : parentCode.Value), GridProblemKind.OutsideParent,
                childImported ? message : $"{parentCode}: the new boundary leaves its stored child {message}"));
        }
    }

    private static void CheckSiblings(Dictionary<string, GridNodeDraft> merged, HashSet<string> imported,
        Func<string, string> where, GridValidationOptions options, List<GridProblem> problems)
    {
        var families = merged.Values
            .GroupBy(n => n.Code.Parent?.Value ?? "", StringComparer.Ordinal)
            .Where(g => g.Any(n => imported.Contains(n.Code.Value)));
        foreach (var family in families)
        {
            var tree = new STRtree<GridNodeDraft>();
            foreach (var sibling in family)
                tree.Insert(sibling.Boundary.EnvelopeInternal, sibling);
            tree.Build();
            foreach (var node in family.Where(n => imported.Contains(n.Code.Value)).OrderBy(n => n.Code.Value, StringComparer.Ordinal))
            {
                var envelope = node.Boundary.EnvelopeInternal;
                foreach (var other in tree.Query(envelope).OrderBy(n => n.Code.Value, StringComparer.Ordinal))
                {
                    if (other == node || !node.OverlapsInTime(other))
                        continue;
                    // Report each imported pair once, from its lower code.
                    if (imported.Contains(other.Code.Value) && string.CompareOrdinal(other.Code.Value, node.Code.Value) < 0)
                        continue;
                    // Neighbours on a regular grid only touch: their envelopes meet in a line, never in an area.
                    var common = envelope.Intersection(other.Boundary.EnvelopeInternal);
                    if (common.IsNull || common.Width <= 0 || common.Height <= 0 || !node.Boundary.Intersects(other.Boundary))
                        continue;
                    var overlap = GridGeometry.AreaSquareMetres(GridGeometry.Intersection(node.Boundary, other.Boundary));
                    if (overlap > options.SiblingOverlapToleranceSquareMetres)
                        problems.Add(new(where(node.Code.Value), GridProblemKind.SiblingOverlap,
                            $"{node.Code}: overlaps its sibling {other.Code} {other.Name} by {overlap:0.#} m² (tolerance {options.SiblingOverlapToleranceSquareMetres:0.#} m²)."));
                }
            }
        }
    }

    private static List<ResponsibilityGridDefinition> CheckResponsibilityGrids(
        IReadOnlyList<ResponsibilityGridDefinition> incoming, IReadOnlyCollection<ResponsibilityGridDefinition> stored,
        Dictionary<string, GridNodeDraft> merged, List<GridProblem> problems)
    {
        var accepted = new List<ResponsibilityGridDefinition>();
        var incomingCodes = incoming.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
        // Units stay with stored grids this import does not replace.
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var grid in stored.Where(g => !incomingCodes.Contains(g.Code)))
            foreach (var unit in grid.UnitGridCodes)
                owner[unit] = grid.Code;
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < incoming.Count; i++)
        {
            var grid = incoming[i];
            var where = $"responsibilityGrids[{i}]";
            var before = problems.Count;
            void Problem(string message) => problems.Add(new(where, GridProblemKind.InvalidResponsibilityGrid, message));
            if (!ResponsibilityGrid.IsWellFormedCode(grid.Code))
                Problem($"{where}: code '{grid.Code}' must be 1–{ResponsibilityGrid.MaxCodeLength} letters, digits, '-' or '_'.");
            else if (seen.TryGetValue(grid.Code, out var first))
                Problem($"{where}: responsibility grid {grid.Code} appears twice in this import (first at {first}).");
            else
                seen[grid.Code] = where;
            if (string.IsNullOrWhiteSpace(grid.Name) || grid.Name.Length > ResponsibilityGrid.MaxNameLength)
                Problem($"{where}: \"name\" is required, at most {ResponsibilityGrid.MaxNameLength} characters.");
            else if (!PlainText.IsName(grid.Name))
                Problem($"{where}: \"name\" is refused: {PlainText.NameRule}.");
            foreach (var unit in grid.UnitGridCodes)
            {
                if (!GridCode.TryParse(unit, out var code) || code.Level != GridLevel.Unit)
                    Problem($"{where}: '{unit}' is not a 15-digit unit grid code.");
                else if (!merged.ContainsKey(unit))
                    Problem($"{where}: unit grid {unit} is neither in this import nor stored.");
                else if (owner.TryGetValue(unit, out var other))
                    Problem($"{where}: unit grid {unit} already belongs to responsibility grid {other}; a unit grid belongs to one responsibility grid.");
                else
                    owner[unit] = grid.Code;
            }
            foreach (var patroller in grid.Patrollers)
                if (string.IsNullOrWhiteSpace(patroller) || patroller.Length > ResponsibilityGrid.MaxUserNameLength)
                    Problem($"{where}: patroller user name '{patroller}' must be 1–{ResponsibilityGrid.MaxUserNameLength} characters.");
            if (problems.Count == before)
                accepted.Add(grid with
                {
                    Name = grid.Name.Trim(),
                    UnitGridCodes = grid.UnitGridCodes.Distinct(StringComparer.Ordinal).ToList(),
                    Patrollers = grid.Patrollers.Select(p => p.Trim()).Distinct(StringComparer.Ordinal).ToList(),
                });
        }
        return accepted;
    }
}
