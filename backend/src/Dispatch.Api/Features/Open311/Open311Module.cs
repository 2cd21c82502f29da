using Dispatch.Api.Audit;
using Dispatch.Api.Features.Cases.Report;
using Dispatch.Api.Features.Grids;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Dispatch.Api.Features.Open311;

/// <summary>
/// Open311 GeoReport v2 (开放接口) under <see cref="BasePath"/>, for other systems and apps: discovery, services and
/// their definitions, requests (POST with an api_key, GET a list or one), tokens and the servicerequestupdates
/// extension, each in XML and JSON by the resource's extension. Answers and errors follow the specification, not
/// this API's problem+json; the administrators' key endpoints under /api/admin/open311 are ordinary API endpoints.
/// It uses Cases (the report path), Catalogue and Grids.
/// </summary>
public static class Open311Module
{
    public const string BasePath = "/open311/v2";

    public static IServiceCollection AddOpen311(this IServiceCollection services)
    {
        services.AddOptions<Open311Options>().BindConfiguration(Open311Options.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var open311 = app.MapGroup("/open311").AllowAnonymous().ExcludeFromDescription();
        open311.MapGet("/{resource}", (string resource, HttpRequest http, IOptions<Open311Options> options) =>
            Resource(resource, http, options.Value, (name, format) => name == "discovery" ? Open311Services.Discovery(http, format, options) : null));
        open311.MapGet("/v2/{resource}", (string resource, HttpRequest http, IOptions<Open311Options> options, DispatchDbContext db,
            GridDirectory grids, TimeProvider clock, CancellationToken ct) =>
            ResourceAsync(resource, http, options.Value, (name, format) => name switch
            {
                "discovery" => Task.FromResult<IResult?>(Open311Services.Discovery(http, format, options)),
                "services" => Some(Open311Services.List(format, db, ct)),
                "requests" => Some(Open311Requests.List(http, format, db, grids, clock, ct)),
                "servicerequestupdates" => Some(Open311Requests.Updates(http, format, db, grids, clock, ct)),
                _ => Task.FromResult<IResult?>(null),
            }));
        open311.MapGet("/v2/services/{resource}", (string resource, HttpRequest http, IOptions<Open311Options> options, DispatchDbContext db,
            CancellationToken ct) =>
            ResourceAsync(resource, http, options.Value, (code, format) => Some(Open311Services.Definition(code, format, db, ct))));
        open311.MapGet("/v2/requests/{resource}", (string resource, HttpRequest http, IOptions<Open311Options> options, DispatchDbContext db,
            GridDirectory grids, CancellationToken ct) =>
            ResourceAsync(resource, http, options.Value, (id, format) => Some(Open311Requests.One(id, format, db, grids, ct))));
        open311.MapGet("/v2/tokens/{resource}", (string resource, HttpRequest http, IOptions<Open311Options> options, DispatchDbContext db,
            CancellationToken ct) =>
            ResourceAsync(resource, http, options.Value, (token, format) => Some(Open311Requests.Token(token, format, db, ct))));
        open311.MapPost("/v2/{resource}", async (string resource, HttpRequest http, DispatchDbContext db, ReportCase report,
            TimeProvider clock, CancellationToken ct) =>
        {
            if (!Open311Document.TryParseResource(resource, out var name, out var format))
                return UnknownFormat(resource);
            return name switch
            {
                "requests" => await PostServiceRequest.Handle(http, format, db, report, clock, ct),
                // Updates written by clients (comments on their own sites) have no place in a case's trace, which
                // records what the centre did; they are refused rather than silently dropped.
                "servicerequestupdates" => Open311Document.Error(format, StatusCodes.Status400BadRequest,
                    "This server publishes updates but does not take them: call the hotline, or post a new request."),
                _ => NotFound(format, http),
            };
        });
        // Below every other route of the host, so that only paths nothing else serves end here.
        app.MapFallback("/open311/{**rest}", (HttpRequest http) => NotFound(Open311Format.Xml, http)).AllowAnonymous().ExcludeFromDescription();

        var admin = app.MapGroup("/api/admin/open311/keys").WithTags("Open311").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        admin.MapGet("/", Open311Keys.List);
        admin.MapPost("/", Open311Keys.Issue).Audited("open311-key.issue");
        admin.MapPost("/{id:guid}/revoke", Open311Keys.Revoke).Audited("open311-key.revoke");
        return app;
    }

    /// <summary>404 in the specification's form when the request names a jurisdiction this server does not serve.</summary>
    public static IResult? JurisdictionProblem(HttpRequest http, StringValues jurisdiction, Open311Format format)
    {
        ArgumentNullException.ThrowIfNull(http);
        var expected = http.HttpContext.RequestServices.GetRequiredService<IOptions<Open311Options>>().Value.JurisdictionId;
        var sent = jurisdiction.ToString();
        return sent.Length == 0 || string.Equals(sent, expected, StringComparison.OrdinalIgnoreCase)
            ? null
            : Open311Document.Error(format, StatusCodes.Status404NotFound, $"jurisdiction_id {sent} was not found; this server serves {expected}.");
    }

    private static Task<IResult?> Some(Task<IResult> task) => task.ContinueWith(t => (IResult?)t.Result, TaskScheduler.Default);

    private static IResult Resource(string resource, HttpRequest http, Open311Options options, Func<string, Open311Format, IResult?> answer)
    {
        _ = options;
        if (!Open311Document.TryParseResource(resource, out var name, out var format))
            return UnknownFormat(resource);
        if (JurisdictionProblem(http, http.Query["jurisdiction_id"], format) is { } problem)
            return problem;
        return answer(name, format) ?? NotFound(format, http);
    }

    private static async Task<IResult> ResourceAsync(string resource, HttpRequest http, Open311Options options,
        Func<string, Open311Format, Task<IResult?>> answer)
    {
        _ = options;
        if (!Open311Document.TryParseResource(resource, out var name, out var format))
            return UnknownFormat(resource);
        if (JurisdictionProblem(http, http.Query["jurisdiction_id"], format) is { } problem)
            return problem;
        return await answer(name, format) ?? NotFound(format, http);
    }

    private static IResult UnknownFormat(string resource) =>
        Open311Document.Error(Open311Format.Xml, StatusCodes.Status404NotFound,
            $"{resource}: the formats are .xml and .json.");

    private static IResult NotFound(Open311Format format, HttpRequest http) =>
        Open311Document.Error(format, StatusCodes.Status404NotFound,
            $"Nothing answers {http.Method} {http.Path} here; see {BasePath}/discovery.xml.");
}
