using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Hosting;

internal static class FrontendHosting
{
    /// <summary>Serves the built single-page app, with index.html for every client-side route (never for /api, /hubs, /openapi).</summary>
    public static WebApplication MapFrontend(this WebApplication app)
    {
        var path = app.Services.GetRequiredService<IOptions<FrontendOptions>>().Value.Path;
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(System.IO.Path.Combine(path, "index.html")))
            return app;
        var files = new PhysicalFileProvider(System.IO.Path.GetFullPath(path));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        // Client-side routes only: /api, /hubs and /openapi never get the page (see UnknownPaths).
        app.MapFallbackToFile($"{{*path:nonfile:{UnknownPaths.FrontendRouteConstraint}}}", "index.html", new StaticFileOptions { FileProvider = files })
            .ExcludeFromDescription();
        return app;
    }
}
