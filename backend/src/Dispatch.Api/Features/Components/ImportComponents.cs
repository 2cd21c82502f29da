using System.Globalization;
using System.Text.Json;
using Dispatch.Api.Audit;
using Dispatch.Api.Features.Grids;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Components;
using Dispatch.Domain.Grids;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.VisualBasic.FileIO;

namespace Dispatch.Api.Features.Components;

/// <summary>One census record as read from a file, before it is checked. <c>Where</c> names it in error keys.</summary>
internal sealed record ComponentRow(
    string Where, string? Id, string? Category, string? Owner, string? Maintainer, string? State, double? Longitude, double? Latitude, string? UnitGrid);

/// <summary>
/// 部件普查导入: a census file — CSV (<c>id,category,owner,maintainer,state,longitude,latitude[,unit_grid]</c>) or a
/// GeoJSON FeatureCollection of points with the same properties — checked as a whole, then stored in one transaction:
/// all of it or none of it. A known id is updated, a new one added; nothing is deleted (record state <c>removed</c>).
/// <c>category</c> is the 4-digit code of a component category, <c>owner</c> a department key (empty: no owner on
/// record), <c>state</c> intact | damaged | missing | abandoned | removed (or 完好 破损 丢失 废弃 移除).
/// </summary>
public static class ImportComponents
{
    public const long MaxBytes = 100L * 1024 * 1024;
    private const int MaxErrors = 100;
    private static readonly string[] CsvColumns = ["id", "category", "owner", "maintainer", "state", "longitude", "latitude"];

    public static async Task<Results<Ok<ComponentImportResult>, ValidationProblem, ProblemHttpResult>> Handle(
        HttpRequest http, DispatchDbContext db, GridDirectory grids, TimeProvider clock, AdminAudit audit, CancellationToken ct)
    {
        var mediaType = http.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        List<ComponentRow> rows;
        var errors = new Dictionary<string, string[]>();
        switch (mediaType)
        {
            case "text/csv":
                using (var reader = new StreamReader(http.Body))
                    rows = ReadCsv(await reader.ReadToEndAsync(ct), errors);
                break;
            case "application/geo+json" or "application/json":
                rows = await ReadGeoJsonAsync(http.Body, errors, ct);
                break;
            default:
                return TypedResults.Problem(title: "Unsupported media type", statusCode: StatusCodes.Status415UnsupportedMediaType,
                    detail: "Send the census as text/csv or application/geo+json.",
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["body"] = ["Send text/csv or application/geo+json."] } });
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (rows.Count == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The file holds no components."] });

        var categories = await db.Categories.AsNoTracking().Where(c => c.Kind == CategoryKind.Component).ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Key, StringComparer.Ordinal, ct);
        var drafts = Check(rows, categories, departments, await grids.GetAsync(ct), errors);
        if (errors.Count > 0)
            return TypedResults.Problem(title: "The census has problems; nothing was imported", statusCode: StatusCodes.Status422UnprocessableEntity,
                detail: $"{errors.Count} field(s) are wrong{(errors.Count >= MaxErrors ? " (the first ones are listed)" : "")}.",
                extensions: new Dictionary<string, object?> { ["errors"] = errors });

        try
        {
            return TypedResults.Ok(await StoreAsync(db, drafts, clock.GetUtcNow(), ct, result =>
                audit.Record("component.import", "component", $"import of {drafts.Count}", null, result)));
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return TypedResults.Problem(title: "Concurrent import", statusCode: StatusCodes.Status409Conflict,
                detail: "Another import added some of these components at the same moment; nothing of this one was stored. Send it again.");
        }
    }

    /// <summary>Adds new components and updates known ones in one SaveChanges.</summary>
    /// <param name="beforeSave">Called with the counts just before they commit (the import's audit row).</param>
    internal static async Task<ComponentImportResult> StoreAsync(DispatchDbContext db, IReadOnlyList<ComponentDraft> drafts, DateTimeOffset at,
        CancellationToken ct, Action<ComponentImportResult>? beforeSave = null)
    {
        var ids = drafts.Select(d => d.Code.Value).ToList();
        var existing = new Dictionary<string, Component>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(5_000))
            foreach (var c in await db.Components.Where(c => chunk.Contains(c.Id)).ToListAsync(ct))
                existing[c.Id] = c;
        var (created, updated, unchanged) = (0, 0, 0);
        foreach (var draft in drafts)
        {
            if (!existing.TryGetValue(draft.Code.Value, out var component))
            {
                db.Components.Add(new Component(draft, at));
                created++;
            }
            else if (Same(component, draft))
            {
                unchanged++;
            }
            else
            {
                component.Update(draft, at);
                updated++;
            }
        }
        var result = new ComponentImportResult(created, updated, unchanged);
        beforeSave?.Invoke(result);
        await db.SaveChangesAsync(ct);
        return result;
    }

    private static bool Same(Component c, ComponentDraft d) =>
        c.CategoryId == d.CategoryId && c.UnitGridCode == d.UnitGrid.Value && c.OwnerDepartmentId == d.OwnerDepartmentId
        && c.Maintainer == (string.IsNullOrWhiteSpace(d.Maintainer) ? null : d.Maintainer.Trim())
        && c.State == d.State && c.Longitude.Equals(d.Longitude) && c.Latitude.Equals(d.Latitude);

    internal static List<ComponentDraft> Check(IReadOnlyList<ComponentRow> rows, IReadOnlyDictionary<string, Category> categories,
        IReadOnlyDictionary<string, Department> departments, GridSnapshot grid, Dictionary<string, string[]> errors)
    {
        var drafts = new List<ComponentDraft>(rows.Count);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var failed = false;
        void Error(ComponentRow row, string field, string message)
        {
            failed = true;
            if (errors.Count < MaxErrors)
                errors[$"{row.Where}.{field}"] = [message];
        }
        foreach (var row in rows)
        {
            failed = false;
            ComponentCode code = default;
            if (!ComponentCode.TryParse(row.Id?.Trim(), out code, out var idError))
                Error(row, "id", idError);
            else if (seen.TryGetValue(code.Value, out var first))
                Error(row, "id", $"Component {code} is also at {first}.");
            else
                seen[code.Value] = row.Where;

            Category? category = null;
            if (string.IsNullOrWhiteSpace(row.Category))
                Error(row, "category", "The component category (4-digit code, e.g. 0102) is required.");
            else if (!categories.TryGetValue(row.Category.Trim(), out category))
                Error(row, "category", $"'{row.Category}' is not a component category of the catalogue.");
            else if (code.Value is not null && code.CategoryCode != category.Code)
                Error(row, "id", $"Component {code} is numbered as category {code.CategoryCode}, not {category.Code}.");

            Department? owner = null;
            if (!string.IsNullOrWhiteSpace(row.Owner) && !departments.TryGetValue(row.Owner.Trim(), out owner))
                Error(row, "owner", $"No department '{row.Owner}'; leave owner empty when none is on record.");

            if (row.Maintainer is { Length: > Component.MaxMaintainerLength })
                Error(row, "maintainer", $"At most {Component.MaxMaintainerLength} characters.");

            var state = ComponentState.Intact;
            if (!string.IsNullOrWhiteSpace(row.State) && !ComponentStates.TryParse(row.State, out state))
                Error(row, "state", $"'{row.State}' is not a state: intact, damaged, missing, abandoned or removed.");

            GridCode unit = default;
            if (row.Longitude is not { } lon || !double.IsFinite(lon) || lon is < -180 or > 180)
                Error(row, "longitude", "A longitude between -180 and 180 (WGS-84 degrees) is required.");
            else if (row.Latitude is not { } lat || !double.IsFinite(lat) || lat is < -90 or > 90)
                Error(row, "latitude", "A latitude between -90 and 90 (WGS-84 degrees) is required.");
            else if (grid.Locate(lon, lat) is not { } place)
                Error(row, "longitude", $"({lon.ToString(CultureInfo.InvariantCulture)}, {lat.ToString(CultureInfo.InvariantCulture)}) is outside the managed area.");
            else
            {
                unit = GridCode.Parse(place.Unit.Code);
                if (!string.IsNullOrWhiteSpace(row.UnitGrid) && row.UnitGrid.Trim() != unit.Value)
                    Error(row, "unitGrid", $"The point lies in unit grid {unit}, not {row.UnitGrid}.");
                else if (code.Value is not null && unit.At(GridLevel.District).Value != code.DistrictCode)
                    Error(row, "id", $"Component {code} is numbered in district {code.DistrictCode}, but lies in {unit.At(GridLevel.District)}.");
            }

            if (!failed && category is not null)
                drafts.Add(new ComponentDraft(code, category.Id, unit, owner?.Id, row.Maintainer, state, row.Longitude!.Value, row.Latitude!.Value));
        }
        return drafts;
    }

    private static List<ComponentRow> ReadCsv(string text, Dictionary<string, string[]> errors)
    {
        var rows = new List<ComponentRow>();
        if (TextRules.FirstRefused(text) is var refused and >= 0)
        {
            errors[$"line{text.AsSpan(0, refused).Count('\n') + 1}"] = [TextRules.Refusal(text, refused)];
            return rows;
        }
        using var parser = new TextFieldParser(new StringReader(text)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        string[]? header;
        try
        {
            header = parser.ReadFields();
        }
        catch (MalformedLineException e)
        {
            errors["body"] = [$"Line {e.LineNumber} is not valid CSV."];
            return rows;
        }
        if (header is null)
            return rows;
        var column = header.Select((name, i) => (name: name.Trim().TrimStart('\uFEFF').ToLowerInvariant(), i))
            .GroupBy(x => x.name).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var missing = CsvColumns.Where(c => !column.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            errors["header"] = [$"Missing column(s) {string.Join(", ", missing)}; expected {string.Join(",", CsvColumns)}[,unit_grid]."];
            return rows;
        }
        while (!parser.EndOfData)
        {
            var line = parser.LineNumber;
            string[] f;
            try
            {
                f = parser.ReadFields() ?? [];
            }
            catch (MalformedLineException e)
            {
                errors[$"line{e.LineNumber}"] = ["Not valid CSV."];
                return rows;
            }
            if (f.All(string.IsNullOrWhiteSpace))
                continue;
            string? Get(string name) => column.TryGetValue(name, out var i) && i < f.Length ? f[i] : null;
            static double? Number(string? s) =>
                JsonBody.TryParseFinite(s, out var v) ? v : null;
            rows.Add(new ComponentRow($"line{line}", Get("id"), Get("category"), Get("owner"), Get("maintainer"), Get("state"),
                Number(Get("longitude")), Number(Get("latitude")), Get("unit_grid")));
        }
        return rows;
    }

    private static async Task<List<ComponentRow>> ReadGeoJsonAsync(Stream body, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var rows = new List<ComponentRow>();
        JsonDocument json;
        try
        {
            json = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            errors["body"] = [$"Not valid JSON: {e.Message.Split(" Path:")[0]}"];
            return rows;
        }
        using var _ = json;
        var root = json.RootElement;
        if (TextRules.FirstRefusedIn(root) is { } refused)
        {
            errors[refused.Path] = [refused.Message];
            return rows;
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection"
            || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            errors["body"] = ["Send a GeoJSON FeatureCollection of Point features."];
            return rows;
        }
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var where = $"features[{index++}]";
            if (feature.ValueKind != JsonValueKind.Object
                || !feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object
                || !geometry.TryGetProperty("type", out var geometryType) || geometryType.GetString() != "Point"
                || !geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array
                || coordinates.GetArrayLength() < 2
                || coordinates[0].ValueKind != JsonValueKind.Number || coordinates[1].ValueKind != JsonValueKind.Number)
            {
                errors[$"{where}.geometry"] = ["A component is a Point with [longitude, latitude]."];
                continue;
            }
            var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            string? Get(string name) => properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var v)
                ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
                : null;
            rows.Add(new ComponentRow($"{where}.properties", Get("id"), Get("category"), Get("owner"), Get("maintainer"), Get("state"),
                coordinates[0].GetDouble(), coordinates[1].GetDouble(), Get("unitGrid")));
        }
        return rows;
    }
}
