using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Dispatch.Domain.Grids;

/// <summary>
/// Reads and writes grid layers as GeoJSON FeatureCollections (RFC 7946) with System.Text.Json. Each feature is one
/// grid node: a Polygon or MultiPolygon with properties <c>code</c>, <c>name</c> and optionally <c>level</c>,
/// <c>parent</c>, <c>validFrom</c>, <c>validTo</c> (ISO dates) and <c>responsiblePerson</c>. A top-level foreign
/// member <c>responsibilityGrids</c> carries <c>[{ code, name, units: [...], patrollers: [...] }]</c>.
/// Reading never throws on bad input: what cannot be read becomes a <see cref="GridProblem"/>.
/// </summary>
public static class GridGeoJson
{
    public const string MediaType = "application/geo+json";

    public static GridImportDocument Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return Malformed("body", $"Not valid JSON: {e.Message}");
        }
    }

    public static GridImportDocument Read(JsonElement root)
    {
        var problems = new List<GridProblem>();
        if (root.ValueKind != JsonValueKind.Object)
            return Malformed("body", "A grid layer is a GeoJSON FeatureCollection object.");
        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "FeatureCollection")
            return Malformed("type", "A grid layer is a GeoJSON FeatureCollection: \"type\" must be \"FeatureCollection\".");
        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            return Malformed("features", "A FeatureCollection needs a \"features\" array.");

        var read = new List<GridFeature>();
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var parsed = ReadFeature(feature, index, problems);
            if (parsed is not null)
                read.Add(parsed);
            index++;
        }
        var responsibility = root.TryGetProperty("responsibilityGrids", out var grids)
            ? ReadResponsibilityGrids(grids, problems)
            : [];
        return new GridImportDocument(read, responsibility, problems);
    }

    private static GridImportDocument Malformed(string where, string message) =>
        new([], [], [new GridProblem(where, GridProblemKind.MalformedDocument, message)]);

    private static GridFeature? ReadFeature(JsonElement feature, int index, List<GridProblem> problems)
    {
        var where = $"features[{index}]";
        if (feature.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(where, GridProblemKind.MalformedDocument, "A feature must be a JSON object."));
            return null;
        }
        if (!feature.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Feature")
        {
            problems.Add(new(where, GridProblemKind.MalformedDocument, "\"type\" must be \"Feature\"."));
            return null;
        }
        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(where, GridProblemKind.MalformedDocument, "\"properties\" must be an object with at least \"code\" and \"name\"."));
            return null;
        }

        var code = ReadCodeText(properties, "code", where, problems);
        var label = code is null ? where : $"{where} ({code})";
        var name = ReadString(properties, "name", label, problems);
        var level = ReadString(properties, "level", label, problems);
        var parent = ReadCodeText(properties, "parent", label, problems);
        var validFrom = ReadDate(properties, "validFrom", label, problems);
        var validTo = ReadDate(properties, "validTo", label, problems);
        var responsible = ReadString(properties, "responsiblePerson", label, problems);
        Geometry? geometry = null;
        if (!feature.TryGetProperty("geometry", out var g) || g.ValueKind == JsonValueKind.Null)
            problems.Add(new(where, GridProblemKind.InvalidGeometry, $"{label}: a grid node needs a Polygon or MultiPolygon geometry."));
        else
            geometry = ReadGeometry(g, label, problems);
        return new GridFeature(index, code, name, level, parent, geometry, validFrom, validTo, responsible);
    }

    /// <summary>Codes are text; an integer JSON number is taken by its digits, which survive exactly as written.</summary>
    private static string? ReadCodeText(JsonElement properties, string name, string label, List<GridProblem> problems)
    {
        if (!properties.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        if (value.ValueKind == JsonValueKind.Number)
            return value.GetRawText();
        problems.Add(new(WhereOf(label), GridProblemKind.MalformedCode, $"{label}: \"{name}\" must be a string of digits."));
        return null;
    }

    private static string? ReadString(JsonElement properties, string name, string label, List<GridProblem> problems)
    {
        if (!properties.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        problems.Add(new(WhereOf(label), GridProblemKind.MalformedDocument, $"{label}: \"{name}\" must be a string."));
        return null;
    }

    private static DateOnly? ReadDate(JsonElement properties, string name, string label, List<GridProblem> problems)
    {
        var text = ReadString(properties, name, label, problems);
        if (text is null)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        problems.Add(new(WhereOf(label), GridProblemKind.MalformedDocument, $"{label}: \"{name}\" must be a date like 2026-01-01, not '{text}'."));
        return null;
    }

    private static string WhereOf(string label) => label.Split(' ')[0];

    /// <summary>Reads a Polygon or MultiPolygon; null (with problems added) when it cannot be built.</summary>
    private static Geometry? ReadGeometry(JsonElement geometry, string label, List<GridProblem> problems)
    {
        var where = WhereOf(label);
        if (geometry.ValueKind != JsonValueKind.Object
            || !geometry.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            problems.Add(new(where, GridProblemKind.InvalidGeometry, $"{label}: \"geometry\" must be a GeoJSON geometry object."));
            return null;
        }
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new(where, GridProblemKind.InvalidGeometry, $"{label}: the geometry has no \"coordinates\" array."));
            return null;
        }
        switch (type.GetString())
        {
            case "Polygon":
                return ReadPolygon(coordinates, label, "", problems);
            case "MultiPolygon":
                var polygons = new List<Polygon>();
                var ok = true;
                var i = 0;
                foreach (var polygon in coordinates.EnumerateArray())
                {
                    var read = ReadPolygon(polygon, label, $"polygon {i} ", problems);
                    ok &= read is not null;
                    if (read is not null)
                        polygons.Add(read);
                    i++;
                }
                if (polygons.Count == 0 && ok)
                {
                    problems.Add(new(where, GridProblemKind.InvalidGeometry, $"{label}: the MultiPolygon is empty."));
                    return null;
                }
                return ok ? GridGeometry.Factory.CreateMultiPolygon(polygons.ToArray()) : null;
            default:
                problems.Add(new(where, GridProblemKind.InvalidGeometry,
                    $"{label}: a grid node is a Polygon or MultiPolygon, not a {type.GetString()}."));
                return null;
        }
    }

    private static Polygon? ReadPolygon(JsonElement rings, string label, string prefix, List<GridProblem> problems)
    {
        var where = WhereOf(label);
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
        {
            problems.Add(new(where, GridProblemKind.InvalidGeometry, $"{label}: {prefix}needs at least one ring (an array of positions)."));
            return null;
        }
        var read = new List<LinearRing>();
        var ringIndex = 0;
        var ok = true;
        foreach (var ring in rings.EnumerateArray())
        {
            var coordinates = ReadRing(ring, label, $"{prefix}ring {ringIndex}", problems);
            if (coordinates is null)
                ok = false;
            else
                read.Add(GridGeometry.Factory.CreateLinearRing(coordinates));
            ringIndex++;
        }
        return ok ? GridGeometry.Factory.CreatePolygon(read[0], read.Skip(1).ToArray()) : null;
    }

    private static Coordinate[]? ReadRing(JsonElement ring, string label, string what, List<GridProblem> problems)
    {
        var where = WhereOf(label);
        if (ring.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new(where, GridProblemKind.InvalidGeometry, $"{label}: {what} must be an array of positions."));
            return null;
        }
        var coordinates = new List<Coordinate>(ring.GetArrayLength());
        foreach (var position in ring.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
            {
                problems.Add(new(where, GridProblemKind.InvalidGeometry, $"{label}: {what} position {coordinates.Count} is not [longitude, latitude]."));
                return null;
            }
            var lon = position[0].GetDouble();
            var lat = position[1].GetDouble();
            if (lon is < -180 or > 180 || lat is < -90 or > 90)
            {
                problems.Add(new(where, GridProblemKind.InvalidGeometry,
                    $"{label}: {what} position {coordinates.Count} ({Format(lon)}, {Format(lat)}) is not a WGS-84 longitude/latitude."));
                return null;
            }
            coordinates.Add(new Coordinate(lon, lat));
        }
        if (coordinates.Count < 4)
        {
            problems.Add(new(where, GridProblemKind.UnclosedRing,
                $"{label}: {what} has {coordinates.Count} positions; a closed ring needs at least 4 (the last repeating the first)."));
            return null;
        }
        if (!coordinates[0].Equals2D(coordinates[^1]))
        {
            problems.Add(new(where, GridProblemKind.UnclosedRing,
                $"{label}: {what} is not closed: it starts at ({Format(coordinates[0].X)}, {Format(coordinates[0].Y)}) and ends at ({Format(coordinates[^1].X)}, {Format(coordinates[^1].Y)})."));
            return null;
        }
        return coordinates.ToArray();
    }

    private static List<ResponsibilityGridDefinition> ReadResponsibilityGrids(JsonElement grids, List<GridProblem> problems)
    {
        var result = new List<ResponsibilityGridDefinition>();
        if (grids.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new("responsibilityGrids", GridProblemKind.MalformedDocument, "\"responsibilityGrids\" must be an array."));
            return result;
        }
        var index = 0;
        foreach (var grid in grids.EnumerateArray())
        {
            var where = $"responsibilityGrids[{index++}]";
            if (grid.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new(where, GridProblemKind.MalformedDocument, "A responsibility grid is an object { code, name, units, patrollers }."));
                continue;
            }
            var code = grid.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
            var name = grid.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
            var units = ReadStrings(grid, "units", where, problems);
            var patrollers = ReadStrings(grid, "patrollers", where, problems);
            if (units is null || patrollers is null)
                continue;
            result.Add(new ResponsibilityGridDefinition(code, name, units, patrollers));
        }
        return result;
    }

    private static List<string>? ReadStrings(JsonElement owner, string name, string where, List<GridProblem> problems)
    {
        if (!owner.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
            return [];
        if (array.ValueKind != JsonValueKind.Array || array.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            problems.Add(new(where, GridProblemKind.MalformedDocument, $"\"{name}\" must be an array of strings."));
            return null;
        }
        return array.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    /// <summary>
    /// Writes the nodes as a FeatureCollection whose features re-import as they are. <paramref name="shape"/> may
    /// replace a boundary for display (simplification); shells are written counter-clockwise and holes clockwise.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, IEnumerable<GridNodeDraft> nodes,
        IEnumerable<ResponsibilityGridDefinition>? responsibilityGrids = null, Func<GridNodeDraft, Geometry>? shape = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        WriteStart(writer);
        foreach (var node in nodes)
            WriteFeature(writer, node, shape?.Invoke(node));
        WriteEnd(writer, responsibilityGrids);
    }

    /// <summary>Opens the collection; a caller streaming many features flushes between <see cref="WriteFeature"/> calls.</summary>
    public static void WriteStart(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
    }

    public static void WriteFeature(Utf8JsonWriter writer, GridNodeDraft node, Geometry? shape = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(node);
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteString("id", node.Code.Value);
        writer.WritePropertyName("geometry");
        WriteGeometry(writer, shape ?? node.Boundary);
        writer.WriteStartObject("properties");
        writer.WriteString("code", node.Code.Value);
        writer.WriteString("name", node.Name);
        writer.WriteString("level", GridLevels.Name(node.Code.Level));
        if (node.Code.Parent is { } parent)
            writer.WriteString("parent", parent.Value);
        writer.WriteString("validFrom", node.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (node.ValidTo is { } validTo)
            writer.WriteString("validTo", validTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (node.ResponsiblePerson is not null)
            writer.WriteString("responsiblePerson", node.ResponsiblePerson);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Closes the feature array, adds the responsibility grids if given, and closes the collection.</summary>
    public static void WriteEnd(Utf8JsonWriter writer, IEnumerable<ResponsibilityGridDefinition>? responsibilityGrids = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteEndArray();
        if (responsibilityGrids is not null)
        {
            writer.WriteStartArray("responsibilityGrids");
            foreach (var grid in responsibilityGrids)
            {
                writer.WriteStartObject();
                writer.WriteString("code", grid.Code);
                writer.WriteString("name", grid.Name);
                writer.WriteStartArray("units");
                foreach (var unit in grid.UnitGridCodes)
                    writer.WriteStringValue(unit);
                writer.WriteEndArray();
                writer.WriteStartArray("patrollers");
                foreach (var patroller in grid.Patrollers)
                    writer.WriteStringValue(patroller);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    /// <summary>A Polygon or MultiPolygon (or a collection of them) as a GeoJSON geometry object.</summary>
    public static void WriteGeometry(Utf8JsonWriter writer, Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(geometry);
        var polygons = Enumerable.Range(0, geometry.NumGeometries).Select(geometry.GetGeometryN).OfType<Polygon>().Where(p => !p.IsEmpty).ToList();
        writer.WriteStartObject();
        if (polygons.Count == 1 && geometry is Polygon)
        {
            writer.WriteString("type", "Polygon");
            writer.WritePropertyName("coordinates");
            WritePolygon(writer, polygons[0]);
        }
        else
        {
            writer.WriteString("type", "MultiPolygon");
            writer.WriteStartArray("coordinates");
            foreach (var polygon in polygons)
                WritePolygon(writer, polygon);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void WritePolygon(Utf8JsonWriter writer, Polygon polygon)
    {
        writer.WriteStartArray();
        WriteRing(writer, polygon.Shell, counterClockwise: true);
        foreach (var hole in polygon.Holes)
            WriteRing(writer, hole, counterClockwise: false);
        writer.WriteEndArray();
    }

    private static void WriteRing(Utf8JsonWriter writer, LineString ring, bool counterClockwise)
    {
        var coordinates = ring.Coordinates;
        if (Orientation.IsCCW(coordinates) != counterClockwise)
            coordinates = coordinates.Reverse().ToArray();
        writer.WriteStartArray();
        foreach (var c in coordinates)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(c.X);
            writer.WriteNumberValue(c.Y);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }

    private static string Format(double value) => value.ToString("0.#######", CultureInfo.InvariantCulture);
}
