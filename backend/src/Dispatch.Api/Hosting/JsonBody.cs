using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Api.Hosting;

/// <summary>
/// Reads a JSON body or a query value so that bad input becomes a 400 naming the field that is wrong, rather than
/// the framework's generic binding failure.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Value, ValidationProblem? Problem)> ReadAsync<T>(HttpRequest http, CancellationToken ct) where T : class
    {
        if (!http.HasJsonContentType())
            return (null, Invalid("body", "Send the body as application/json."));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(http.Body, JsonSerializerOptions.Web, ct);
            return value is null ? (null, Invalid("body", "The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            // A value of the wrong type is the field's fault; broken syntax is the body's.
            var wrongType = e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);
            var field = !wrongType || string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, Invalid(field, $"Not valid JSON here: {e.Message.Split(" Path:")[0]}"));
        }
    }

    /// <summary>An optional instant in a query string (ISO 8601).</summary>
    public static bool TryParseInstant(string? text, string field, Dictionary<string, string[]> errors, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }
        errors[field] = [$"'{text}' is not an ISO 8601 instant, e.g. 2026-11-21T09:30:00+08:00."];
        return false;
    }

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
