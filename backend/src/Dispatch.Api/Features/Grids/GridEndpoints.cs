using Dispatch.Api.Audit;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Grids;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Api.Features.Grids;

public static class GridEndpoints
{
    public static IServiceCollection AddGrids(this IServiceCollection services)
    {
        services.AddSingleton<GridDirectory>();
        services.AddScoped<OnSiteDuty>();
        services.AddHostedService<GridWarmup>();
        return services;
    }

    public static IEndpointRouteBuilder MapGridEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/grids").WithTags("Grids").RequireAuthorization();
        group.MapGet("/locate", LocatePoint.Handle);
        group.MapGet("/", ListGrids.Handle);
        group.MapGet("/geojson", ExportGeoJson.Handle).Produces(StatusCodes.Status200OK, contentType: GridGeoJson.MediaType);
        group.MapGet("/{code}", GetGrid.Handle);

        var admin = app.MapGroup("/api/admin/grids").WithTags("Grids").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin });
        // No Accepts metadata: it would let routing answer a wrong content type with a bare 415, while the handler's
        // 415 says what to send.
        admin.MapPost("/import", ImportGrids.Handle)
            .WithMetadata(new RequestSizeLimitAttribute(ImportGrids.MaxBytes))
            .DisableAntiforgery()
            .Audited("grid.import");
        admin.MapGet("/coverage", GetCoverage.Handle);
        admin.MapGet("/responsibility", PatrolAssignments.List);
        admin.MapGet("/patrollers", PatrolAssignments.Patrollers);
        admin.MapPut("/responsibility/{code}", PatrolAssignments.Set)
            .Accepts<SetPatrolGridRequest>("application/json")
            .Audited("grid.patrollers.set");
        return app;
    }

    /// <summary>Cases lying in a grid node or anywhere under it, by the code column of the node's level.</summary>
    public static IQueryable<Case> InGrid(this IQueryable<Case> cases, GridCode node)
    {
        var code = node.Value;
        // A city's districts share its first four digits (450300 → 4503xx).
        var cityPrefix = code[..4];
        return node.Level switch
        {
            GridLevel.City => cases.Where(c => c.DistrictCode.StartsWith(cityPrefix)),
            GridLevel.District => cases.Where(c => c.DistrictCode == code),
            GridLevel.Street => cases.Where(c => c.StreetCode == code),
            GridLevel.Community => cases.Where(c => c.CommunityCode == code),
            _ => cases.Where(c => c.UnitGridCode == code),
        };
    }
}
