namespace Dispatch.Api.Hosting;

internal static class UnknownPaths
{
    /// <summary>
    /// Paths under /api, /hubs and /openapi that no endpoint serves answer 404 problem+json (under /api, 401 when
    /// signed out: what exists is not told to strangers), never the frontend's index page.
    /// </summary>
    public static WebApplication MapUnknownPaths(this WebApplication app)
    {
        app.MapFallback("/api/{**rest}", NotFound).RequireAuthorization().ExcludeFromDescription();
        app.MapFallback("/hubs/{**rest}", NotFound).ExcludeFromDescription();
        app.MapFallback("/openapi/{**rest}", NotFound).ExcludeFromDescription();
        return app;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(HttpRequest request) =>
        TypedResults.Problem(title: "Not found", statusCode: StatusCodes.Status404NotFound,
            detail: $"Nothing answers {request.Method} {request.Path} here; see /openapi/v1.json for what does.");
}
