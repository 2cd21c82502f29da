using Scalar.AspNetCore;

namespace Dispatch.Api.Hosting;

/// <summary>The OpenAPI document (the reference of the HTTP contract) and an interactive page over it.</summary>
internal static class OpenApiSetup
{
    public const string DocumentPattern = "/openapi/{documentName}.json";

    public static IServiceCollection AddDispatchOpenApi(this IServiceCollection services) => services.AddOpenApi();

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
