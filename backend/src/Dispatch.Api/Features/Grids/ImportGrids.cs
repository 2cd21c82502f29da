using System.Data;
using System.Text.Json;
using Dispatch.Api.Audit;
using Dispatch.Api.Hosting;
using Dispatch.Contracts.Grids;
using Dispatch.Domain.Grids;
using Dispatch.Persistence;
using Dispatch.Persistence.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Grids;

public sealed record GridImportCounts(int Created, int Updated, int Unchanged);

/// <summary>What an import stored, per level, and the coverage gaps the grid has after it.</summary>
public sealed record GridImportResult(
    GridImportCounts Nodes,
    IReadOnlyDictionary<string, int> ByLevel,
    GridImportCounts ResponsibilityGrids,
    IReadOnlyList<CoverageGapDto> Coverage);

/// <summary>
/// 网格导入: a GeoJSON FeatureCollection of grid nodes (and optionally responsibility grids) is checked as a whole
/// against what is stored, then written in one serializable transaction — all of it or none of it. Nodes of an
/// existing code are redrawn, new codes are added, nothing is deleted (retire a node with <c>validTo</c>).
/// Afterwards this node's locating index is rebuilt.
/// </summary>
public static class ImportGrids
{
    /// <summary>A city of 10⁵ unit grids as GeoJSON is some tens of megabytes.</summary>
    public const long MaxBytes = 200L * 1024 * 1024;

    public static async Task<Results<Ok<GridImportResult>, ProblemHttpResult>> Handle(
        HttpRequest http, DispatchDbContext db, GridDirectory directory, TimeProvider clock, AdminAudit audit, ILoggerFactory logs, CancellationToken ct)
    {
        if (!http.HasJsonContentType() && !string.Equals(http.ContentType?.Split(';')[0].Trim(), GridGeoJson.MediaType, StringComparison.OrdinalIgnoreCase))
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                [new GridProblem("body", GridProblemKind.MalformedDocument, $"Send the layer as {GridGeoJson.MediaType} or application/json.")]);

        JsonDocument json;
        try
        {
            json = await JsonDocument.ParseAsync(http.Body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Not a grid layer",
                [new GridProblem("body", GridProblemKind.MalformedDocument, $"Not valid JSON: {e.Message}")]);
        }
        using var _ = json;
        if (TextRules.FirstRefusedIn(json.RootElement) is { } refused)
            return Problem(StatusCodes.Status400BadRequest, "Not a grid layer",
                [new GridProblem(refused.Path, GridProblemKind.MalformedDocument, refused.Message)]);
        var document = GridGeoJson.Read(json.RootElement);
        if (document.Features.Count == 0 && document.ResponsibilityGrids.Count == 0)
            return Problem(StatusCodes.Status400BadRequest, "Not a grid layer", document.Problems.Count > 0
                ? document.Problems
                : [new GridProblem("features", GridProblemKind.MalformedDocument, "The FeatureCollection is empty: nothing to import.")]);

        var today = directory.Today;
        try
        {
            // Serializable: two imports validated against the same stored grid cannot both commit.
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            var nodes = await db.GridNodes.ToDictionaryAsync(n => n.Code, StringComparer.Ordinal, ct);
            var grids = await db.ResponsibilityGrids.Include(g => g.Units).Include(g => g.Patrollers).AsSplitQuery()
                .ToDictionaryAsync(g => g.Code, StringComparer.Ordinal, ct);
            var validation = GridLayerValidator.Validate(document,
                nodes.Values.Select(n => n.ToDraft()).ToList(), grids.Values.Select(g => g.ToDefinition()).ToList(), today);
            if (!validation.IsValid)
                return Problem(StatusCodes.Status422UnprocessableEntity, "The grid layer has problems; nothing was imported", validation.Problems);

            var (created, updated, unchanged) = (0, 0, 0);
            var byLevel = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var draft in validation.Nodes)
            {
                var level = GridLevels.Name(draft.Code.Level);
                byLevel[level] = byLevel.GetValueOrDefault(level) + 1;
                if (!nodes.TryGetValue(draft.Code.Value, out var node))
                {
                    node = new GridNode(draft);
                    db.GridNodes.Add(node);
                    nodes[node.Code] = node;
                    created++;
                }
                else if (SameAs(node, draft))
                {
                    unchanged++;
                }
                else
                {
                    node.Redraw(draft);
                    updated++;
                }
            }
            var (gridsCreated, gridsUpdated, gridsUnchanged) = (0, 0, 0);
            var changed = new List<(ResponsibilityGrid Grid, ResponsibilityGridDefinition Definition)>();
            foreach (var definition in validation.ResponsibilityGrids)
            {
                if (!grids.TryGetValue(definition.Code, out var grid))
                    gridsCreated++;
                else if (SameAs(grid.ToDefinition(), definition))
                    gridsUnchanged++;
                else
                {
                    changed.Add((grid, definition));
                    gridsUpdated++;
                }
            }
            // A unit grid may move from one responsibility grid to another, and its row is keyed by the unit alone:
            // store the removals first, then the additions, so the two never meet as one key in the change tracker.
            foreach (var (grid, definition) in changed)
            {
                var stored = grid.ToDefinition();
                grid.Replace(definition with
                {
                    UnitGridCodes = stored.UnitGridCodes.Intersect(definition.UnitGridCodes, StringComparer.Ordinal).ToList(),
                    Patrollers = stored.Patrollers.Intersect(definition.Patrollers, StringComparer.Ordinal).ToList(),
                });
            }
            await db.SaveChangesAsync(ct);
            foreach (var (grid, definition) in changed)
                grid.Replace(definition);
            foreach (var definition in validation.ResponsibilityGrids.Where(d => !grids.ContainsKey(d.Code)))
                db.ResponsibilityGrids.Add(new ResponsibilityGrid(definition));
            // The other nodes reload when this commits; this node reloads below without waiting for the message.
            if (created + updated + gridsCreated + gridsUpdated > 0)
            {
                var now = clock.GetUtcNow();
                db.Outbox.Add(OutboxMessage.Create(new GridsChanged(created, updated, now), now));
            }
            audit.Record("grid.import", "grid", "import", null,
                new GridImportAudit(created, updated, gridsCreated, gridsUpdated));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);

            var coverage = GridCoverage.Report(
                nodes.Values.Where(n => n.Level is GridLevel.Community or GridLevel.Unit).Select(n => n.ToDraft()), today);
            await directory.ReloadAsync(ct);
            logs.CreateLogger(typeof(ImportGrids)).LogInformation(
                "Grid import: {Created} nodes created, {Updated} updated, {Unchanged} unchanged; {Gaps} communities with coverage gaps",
                created, updated, unchanged, coverage.Count);
            return TypedResults.Ok(new GridImportResult(new GridImportCounts(created, updated, unchanged), byLevel,
                new GridImportCounts(gridsCreated, gridsUpdated, gridsUnchanged), coverage.Select(CoverageGapDto.From).ToList()));
        }
        catch (Exception e) when (IsSerializationFailure(e))
        {
            return Problem(StatusCodes.Status409Conflict, "Another grid import ran at the same time",
                [new GridProblem("body", GridProblemKind.MalformedDocument, "Another import changed the grid while this one was checked; nothing was imported. Send it again.")]);
        }
    }

    private static bool SameAs(GridNode node, GridNodeDraft draft) =>
        node.Name == draft.Name && node.ValidFrom == draft.ValidFrom && node.ValidTo == draft.ValidTo
        && node.ResponsiblePerson == draft.ResponsiblePerson
        // Normalised: an export writes rings counter-clockwise, which must not count as a redrawn boundary.
        && node.ReadBoundary().Normalized().EqualsExact(draft.Boundary.Normalized());

    private static bool SameAs(ResponsibilityGridDefinition stored, ResponsibilityGridDefinition incoming) =>
        stored.Name == incoming.Name
        && stored.UnitGridCodes.Order(StringComparer.Ordinal).SequenceEqual(incoming.UnitGridCodes.Order(StringComparer.Ordinal))
        && stored.Patrollers.Order(StringComparer.Ordinal).SequenceEqual(incoming.Patrollers.Order(StringComparer.Ordinal));

    private static bool IsSerializationFailure(Exception e) =>
        DbErrors.IsSerializationFailure(e);

    /// <summary>
    /// problem+json with <c>errors</c> keyed by where each problem is (<c>features[3]</c>, <c>responsibilityGrids[0]</c>)
    /// and <c>problems</c> listing each with its kind, for tools.
    /// </summary>
    private static ProblemHttpResult Problem(int status, string title, IReadOnlyList<GridProblem> problems) =>
        TypedResults.Problem(
            title: title,
            detail: problems.Count == 1 ? problems[0].Message : $"{problems.Count} problems; see errors.",
            statusCode: status,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = problems.GroupBy(p => p.Where, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal),
                ["problems"] = problems.Select(p => new { p.Where, Kind = p.Kind.ToString(), p.Message }).ToList(),
            });
}
