using Dispatch.Api.Audit;
using Dispatch.Api.Hosting;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Dispatch.Api.Features.Routing;

public static class RoutingEndpoints
{
    public static IServiceCollection AddCaseRouting(this IServiceCollection services) =>
        services.AddScoped<CaseRouter>();

    public static IEndpointRouteBuilder MapRoutingEndpoints(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/routing").WithTags("Routing").RequireAuthorization(AuthSetup.CommandCentrePolicy);
        read.MapGet("/rules", ManageRules.List);
        read.MapGet("/rules/{id:guid}", ManageRules.Get);
        read.MapGet("/dry-run", DryRun.Handle);
        read.MapGet("/coverage", GetRoutingCoverage.Handle);

        var admin = app.MapGroup("/api/admin/routing").WithTags("Routing").RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin });
        admin.MapPost("/rules", ManageRules.Create).Audited("rule.create");
        admin.MapPut("/rules/{id:guid}", ManageRules.Change).Audited("rule.change");
        admin.MapDelete("/rules/{id:guid}", ManageRules.Retire).Audited("rule.retire");
        return app;
    }
}
