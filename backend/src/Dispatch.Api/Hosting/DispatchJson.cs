using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Api.Hosting;

/// <summary>
/// The one set of JSON rules for every body the API reads, whether the framework binds it or a handler reads it
/// itself: web defaults, enums by name only, no control characters in strings, finite numbers only, offsets
/// converted to UTC, and no property given twice.
/// </summary>
public static class DispatchJson
{
    /// <summary>For handlers that read a body themselves; the framework's binding gets the same rules in Program.</summary>
    public static JsonSerializerOptions Options { get; } = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new CheckedStringConverter());
        options.Converters.Add(new FiniteDoubleConverter());
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        return options;
    }

    /// <summary>Strings with control characters are refused where they are read, so the refusal names the field.</summary>
    private sealed class CheckedStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
                throw new JsonException($"Expected a string, not {reader.TokenType}.");
            string text;
            try
            {
                text = reader.GetString()!;
            }
            catch (InvalidOperationException e)
            {
                // Half of a surrogate pair, escaped (\ud800): not text.
                throw new JsonException("Broken surrogates are not accepted.", e);
            }
            var refused = TextRules.FirstRefused(text);
            return refused < 0 ? text : throw new JsonException(TextRules.Refusal(text, refused));
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>NaN and the infinities (as numbers too large, or as the strings "NaN" and "Infinity") are not positions or amounts.</summary>
    private sealed class FiniteDoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            double value;
            if (reader.TokenType == JsonTokenType.Number)
            {
                if (!reader.TryGetDouble(out value))
                    throw new JsonException("Not a number.");
            }
            else if (reader.TokenType == JsonTokenType.String
                && (options.NumberHandling & JsonNumberHandling.AllowReadingFromString) != 0
                && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
            }
            else
            {
                throw new JsonException("Expected a number.");
            }
            return double.IsFinite(value) ? value : throw new JsonException("A finite number is required (not NaN or an infinity).");
        }

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    /// <summary>Instants are stored in UTC (PostgreSQL's timestamptz takes no other offset): any offset is converted on the way in.</summary>
    private sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value)
                ? value.ToUniversalTime()
                : throw new JsonException("Expected an ISO 8601 instant, e.g. 2026-11-21T09:30:00+08:00.");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
