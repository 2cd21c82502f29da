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
        group.MapGet("/{id}", ListComponents.Get);

        var admin = app.MapGroup("/api/admin/components").WithTags("Components").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin });
        admin.MapPost("/import", ImportComponents.Handle)
            .Accepts<object>("text/csv", "application/geo+json", "application/json")
            .WithMetadata(new RequestSizeLimitAttribute(ImportComponents.MaxBytes))
            .DisableAntiforgery();
        return app;
    }
}
