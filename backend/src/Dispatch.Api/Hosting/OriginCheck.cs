using Microsoft.Extensions.Options;

namespace Dispatch.Api.Hosting;

/// <summary>
/// Cross-site protection that does not rest on the browser's SameSite handling alone: a state-changing request to
/// the API (POST, PUT, PATCH, DELETE) and every request to the hub (its negotiate and its WebSocket) must come from
/// one of the product's own origins. The browser says where a request comes from in <c>Origin</c> (and
/// <c>Sec-Fetch-Site</c>). Browsers put <c>Origin</c> on every cross-origin POST and on every WebSocket handshake, so
/// a request with neither header is not a page's cross-site request (scripts, tests, the bench) and passes.
/// </summary>
internal sealed class OriginCheck(RequestDelegate next, IOptions<SecurityOptions> options)
{
    private readonly HashSet<string> _allowed = new(options.Value.AllowedOrigins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext http)
    {
        if (Guarded(http.Request) && Refusal(http.Request) is { } reason)
        {
            await EdgeProblems.WriteAsync(http, StatusCodes.Status403Forbidden, "Cross-site request refused", "Origin", reason);
            return;
        }
        await next(http);
    }

    private static bool Guarded(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs")
        || (request.Path.StartsWithSegments("/api") && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)));

    private string? Refusal(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
            return IsAllowed(request, origin) ? null : $"Requests from '{origin}' are not accepted; only this product's own pages may send them.";
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site is "" or "same-origin" or "none"
            ? null
            : $"A {site} request is not accepted; only this product's own pages may send it.";
    }

    private bool IsAllowed(HttpRequest request, string origin)
    {
        if (_allowed.Count > 0)
            return _allowed.Contains(origin);
        var own = $"{request.Scheme}://{request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase);
    }
}
