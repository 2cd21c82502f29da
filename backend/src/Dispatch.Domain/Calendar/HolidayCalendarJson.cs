using System.Globalization;
using System.Text.Json;

namespace Dispatch.Domain.Calendar;

/// <summary>
/// Reads a year's holiday notice in the project's JSON form:
/// <code>
/// { "timeZone": "Asia/Shanghai",
///   "holidays": [ { "name": "春节", "from": "2026-02-15", "to": "2026-02-23" } ],
///   "extraWorkdays": [ "2026-02-14", "2026-02-28" ] }
/// </code>
/// <c>timeZone</c> defaults to Asia/Shanghai; other properties (such as <c>source</c>) are ignored.
/// </summary>
public static class HolidayCalendarJson
{
    private const string China2026ResourceName = "Dispatch.Domain.Calendar.Data.calendar-cn-2026.json";

    private static readonly Lazy<HolidaySchedule> China2026 = new(() => LoadEmbedded(China2026ResourceName));

    /// <summary>The state holiday notice for 2026, shipped with the domain assembly.</summary>
    public static HolidaySchedule LoadEmbedded2026() => China2026.Value;

    /// <exception cref="HolidayCalendarFormatException">The text is not a valid holiday calendar.</exception>
    public static HolidaySchedule Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new HolidayCalendarFormatException($"The holiday calendar is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Bad("The holiday calendar must be a JSON object.");
            }

            var timeZoneId = ReadTimeZoneId(root);
            var holidays = RequiredArray(root, "holidays")
                .EnumerateArray()
                .Select((entry, index) => ReadHoliday(entry, $"holidays[{index}]"))
                .ToList();
            var makeUpWorkingDays = RequiredArray(root, "extraWorkdays")
                .EnumerateArray()
                .Select((entry, index) => ReadDate(entry, entry, $"extraWorkdays[{index}]"))
                .ToList();

            try
            {
                return new HolidaySchedule(timeZoneId, holidays, makeUpWorkingDays);
            }
            catch (ArgumentException ex)
            {
                // The schedule's own message already names the date at fault.
                throw new HolidayCalendarFormatException(ex.Message, ex);
            }
        }
    }

    private static string ReadTimeZoneId(JsonElement root)
    {
        if (!root.TryGetProperty("timeZone", out var element))
        {
            return WorkingCalendar.DefaultTimeZoneId;
        }

        var id = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        if (string.IsNullOrWhiteSpace(id))
        {
            throw Bad("timeZone must be a time zone id such as \"Asia/Shanghai\".", element);
        }

        // Resolved here so a mistyped zone is reported with the file, not later by the first deadline.
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw Bad("timeZone is not a time zone known to this machine.", element, ex);
        }

        return id;
    }

    private static JsonElement RequiredArray(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var element))
        {
            throw Bad($"The holiday calendar has no \"{name}\" array.");
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Bad($"\"{name}\" must be an array.", element);
        }

        return element;
    }

    private static Holiday ReadHoliday(JsonElement entry, string where)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw Bad($"{where} must be an object with name, from and to.", entry);
        }

        var name = entry.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
            ? nameElement.GetString()
            : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Bad($"{where} has no name.", entry);
        }

        var from = ReadDate(Property(entry, "from", where), entry, $"{where}.from");
        var to = ReadDate(Property(entry, "to", where), entry, $"{where}.to");
        try
        {
            return new Holiday(name, from, to);
        }
        catch (ArgumentException ex)
        {
            throw Bad($"{where}: {ex.Message}", entry, ex);
        }
    }

    private static JsonElement Property(JsonElement entry, string name, string where) =>
        entry.TryGetProperty(name, out var element) ? element : throw Bad($"{where} has no \"{name}\" date.", entry);

    private static DateOnly ReadDate(JsonElement element, JsonElement entry, string where)
    {
        if (element.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw Bad($"{where} must be a date written yyyy-MM-dd.", entry);
    }

    private static HolidayCalendarFormatException Bad(string problem) => new(problem);

    private static HolidayCalendarFormatException Bad(string problem, JsonElement entry, Exception? inner = null)
    {
        var text = entry.GetRawText();
        return new HolidayCalendarFormatException($"{problem} Entry: {text}", text, inner);
    }

    private static HolidaySchedule LoadEmbedded(string resourceName)
    {
        using var stream = typeof(HolidayCalendarJson).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The domain assembly has no embedded resource {resourceName}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
