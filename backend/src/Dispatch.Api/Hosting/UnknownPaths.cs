using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Api.Hosting;

internal static class UnknownPaths
{
    /// <summary>The prefixes the frontend's page is never served under.</summary>
    public const string FrontendRouteConstraint = @"regex(^(?!(api|hubs|openapi|open311)(\W|$)))";

    /// <summary>
    /// Paths under /api, /hubs and /openapi that no endpoint serves answer 404 problem+json (under /api, 401 when
    /// signed out: what exists is not told to strangers), never the frontend's index page. Done after routing, not
    /// as a fallback endpoint: a fallback would compete with endpoints that refuse a request's content type.
    /// </summary>
    public static WebApplication UseUnknownPaths(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var path = http.Request.Path;
            if (http.GetEndpoint() is not null
                || !(path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/openapi")))
            {
                await next(http);
                return;
            }
            var signedOut = path.StartsWithSegments("/api") && http.User.Identity?.IsAuthenticated != true;
            var status = signedOut ? StatusCodes.Status401Unauthorized : StatusCodes.Status404NotFound;
            http.Response.StatusCode = status;
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = status,
                    Title = signedOut ? "Sign in first" : "Not found",
                    Detail = signedOut ? null : $"Nothing answers {http.Request.Method} {path} here; see /openapi/v1.json for what does.",
                },
            });
        });
        return app;
    }
}
