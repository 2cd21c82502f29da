using Microsoft.Extensions.Options;

namespace Dispatch.Api.Hosting;

/// <summary>
/// Headers on every answer: the Content-Security-Policy of each kind of path (kept here, in one table), nosniff,
/// no framing, a referrer policy, and no-store on API answers, which carry personal data (callers' names and
/// phones, photos) that shared office PCs and proxies must not keep.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, IOptions<SecurityOptions> options)
{
    /// <summary>API answers are data, never documents: nothing in them may load or run anything.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The interactive API page serves its own scripts and styles but configures itself inline, so it gets a policy
    /// of its own; it is a tool for administrators and integrators, not a page of the product.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The built frontend: its own scripts only; inline styles because antd and Leaflet position elements with style
    /// attributes; images from itself, data: and blob: URLs (photo previews) and a configured tile server.
    /// </summary>
    private readonly string _appPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        $"img-src {string.Join(' ', new[] { "'self'", "data:", "blob:" }.Concat(options.Value.ImageSources))}; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; media-src 'self' blob:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path;
        var isApi = path.StartsWithSegments("/api");
        var policy = isApi || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health")
            ? ApiPolicy
            : path.StartsWithSegments("/scalar") ? ApiReferencePolicy : _appPolicy;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = isApi ? "no-referrer" : "strict-origin-when-cross-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "geolocation=(self), camera=(self), microphone=()";
            if (isApi)
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(http);
    }
}
