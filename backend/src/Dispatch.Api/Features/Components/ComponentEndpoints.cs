using Dispatch.Api.Audit;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Api.Features.Components;

public static class ComponentEndpoints
{
    public static IEndpointRouteBuilder MapComponentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/components").WithTags("Components").RequireAuthorization();
        group.MapGet("/", ListComponents.Near);
        group.MapGet("/intact-rates", IntactRates.Handle).WithDescription(IntactRates.Definition);
        group.MapGet("/{id}", ListComponents.Get);

        var admin = app.MapGroup("/api/admin/components").WithTags("Components").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin });
        admin.MapGet("/", ManageComponents.List);
        admin.MapPut("/{id}", ManageComponents.Edit).Audited("component.edit");
        admin.MapPost("/{id}/retire", ManageComponents.Retire).Audited("component.retire");
        admin.MapPost("/{id}/restore", ManageComponents.Restore).Audited("component.restore");
        admin.MapPost("/import", ImportComponents.Handle).Audited("component.import")
            .Accepts<object>("text/csv", "application/geo+json", "application/json")
            .WithMetadata(new RequestSizeLimitAttribute(ImportComponents.MaxBytes))
            .DisableAntiforgery();
        return app;
    }
}
