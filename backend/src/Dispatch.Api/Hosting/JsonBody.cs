using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Api.Hosting;

/// <summary>
/// Reads a JSON body or a query value so that bad input becomes a 400 naming the field that is wrong, rather than
/// the framework's generic binding failure. Every handler that reads a JSON body itself reads it here, with
/// <see cref="DispatchJson.Options"/>; the size limit is the request guard's (<see cref="RequestGuard"/>).
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, ValidationProblem? Problem)> ReadAsync<T>(HttpRequest http, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.HasJsonContentType())
            return (null, Invalid("body", "Send the body as application/json."));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(http.Body, DispatchJson.Options, ct);
            if (value is null)
                return (null, Invalid("body", "The body must be a JSON object."));
            if (NullItem(value) is { } field)
                return (null, Invalid(field, "A list may not hold null; leave the item out."));
            return (value, null);
        }
        catch (JsonException e)
        {
            var (field, message) = Describe(e);
            return (null, Invalid(field, message));
        }
    }

    /// <summary>
    /// The field a JSON failure belongs to and what to say: a value of the wrong type or a refused value is the
    /// field's fault; broken syntax (the reader's own exception inside) is the body's.
    /// </summary>
    public static (string Field, string Message) Describe(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var syntax = e.InnerException is JsonException;
        var field = syntax || string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : FieldName(e.Path);
        return (field, $"Not valid JSON here: {e.Message.Split(" Path:")[0]}");
    }

    /// <summary>"$.assistingDepartmentKeys[0]" → "assistingDepartmentKeys[0]"; "$['a b']" → "a b".</summary>
    private static string FieldName(string path) =>
        path.TrimStart('$', '.').Replace("['", "", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal);

    /// <summary>"items[2]" when a list property of a request holds null at index 2; lists of requests are flat.</summary>
    internal static string? NullItem(object value)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType)
                || property.GetIndexParameters().Length > 0 || property.GetValue(value) is not IEnumerable items)
                continue;
            var index = 0;
            foreach (var item in items)
            {
                if (item is null)
                    return $"{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}[{index.ToString(CultureInfo.InvariantCulture)}]";
                index++;
            }
        }
        return null;
    }

    /// <summary>An optional instant in a query string (ISO 8601), converted to UTC.</summary>
    public static bool TryParseInstant(string? text, string field, Dictionary<string, string[]> errors, out DateTimeOffset? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        value = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed.ToUniversalTime();
            return true;
        }
        errors[field] = [$"'{text}' is not an ISO 8601 instant, e.g. 2026-11-21T09:30:00+08:00."];
        return false;
    }

    /// <summary>A finite number in a query string or form field (NaN and the infinities are refused).</summary>
    public static bool TryParseFinite(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
