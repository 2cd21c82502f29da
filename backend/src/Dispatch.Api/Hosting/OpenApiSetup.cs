using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Dispatch.Api.Hosting;

/// <summary>The OpenAPI document (the reference of the HTTP contract) and an interactive page over it.</summary>
internal static class OpenApiSetup
{
    public const string DocumentPattern = "/openapi/{documentName}.json";

    public static IServiceCollection AddDispatchOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddSchemaTransformer(DescribeCheckedValues));

    /// <summary>
    /// The API's own converters (checked strings, finite numbers, instants in UTC: <see cref="DispatchJson"/>) hide the
    /// JSON type from the schema generator, which then describes such a value as anything. Say what they read and write.
    /// </summary>
    private static Task DescribeCheckedValues(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        Describe(schema, context.JsonTypeInfo.Type, context.JsonPropertyInfo is { IsGetNullable: true });
        return Task.CompletedTask;
    }

    private static void Describe(IOpenApiSchema? target, Type type, bool nullableReference)
    {
        if (target is not OpenApiSchema schema)
            return;
        var underlying = Nullable.GetUnderlyingType(type);
        var value = underlying ?? type;
        (JsonSchemaType Type, string? Format)? described =
            value == typeof(string) ? (JsonSchemaType.String, null)
            : value == typeof(DateTimeOffset) ? (JsonSchemaType.String, "date-time")
            : value == typeof(double) ? (JsonSchemaType.Number, "double")
            : null;
        if (described is { } d)
        {
            if (schema.Type is not null)
                return;
            var nullable = underlying is not null || (value == typeof(string) && nullableReference);
            schema.Type = nullable ? d.Type | JsonSchemaType.Null : d.Type;
            schema.Format ??= d.Format;
            return;
        }
        // Lists and maps of such values: the generator leaves out their items (or values); describe them the same way.
        if (value.GetInterfaces().Append(value).FirstOrDefault(i => i.IsGenericType
                && (i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>))) is { } map)
            Describe(schema.AdditionalProperties ??= new OpenApiSchema(), map.GetGenericArguments()[1], false);
        else if (value.IsArray)
            Describe(schema.Items ??= new OpenApiSchema(), value.GetElementType()!, false);
        else if (value.GetInterfaces().Append(value).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } list)
            Describe(schema.Items ??= new OpenApiSchema(), list.GetGenericArguments()[0], false);
    }

    /// <summary>
    /// <c>/openapi/v1.json</c>, and at <c>/scalar</c> the Scalar API reference, which serves its own scripts (no CDN)
    /// and tries requests with the browser's sign-in cookie. Its calls to outside services (telemetry, the AI agent,
    /// MCP, the hosted developer tools) are switched off: the page works on a network without the internet.
    /// </summary>
    public static WebApplication MapDispatchOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPattern);
        app.MapScalarApiReference("/scalar", options => options
            .WithTitle("Dispatch API")
            .WithOpenApiRoutePattern(DocumentPattern)
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools());
        return app;
    }
}
