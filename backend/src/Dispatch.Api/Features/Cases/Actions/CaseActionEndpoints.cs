using Dispatch.Api.Features.Cases.Photos;
using Dispatch.Domain.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Api.Features.Cases.Actions;

public static class CaseActionEndpoints
{
    /// <summary>Five photos of at most 10 MB each, plus the form fields.</summary>
    private const long MaxActionBytes = (PhotoStore.MaxPerReport * PhotoStore.MaxBytes) + (1024 * 1024);

    /// <summary>One route per action people take (<c>POST /api/cases/{id}/accept</c> ...); the lifecycle table decides who may.</summary>
    public static IEndpointRouteBuilder MapCaseActionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Lifecycle").RequireAuthorization();
        foreach (var action in CaseLifecycle.PeopleActions)
        {
            var builder = group.MapPost($"/{{id:guid}}/{action}",
                    (Guid id, HttpRequest http, System.Security.Claims.ClaimsPrincipal user, TakeCaseAction handler, CancellationToken ct) =>
                        TakeCaseAction.Handle(action, id, http, user, handler, ct))
                .WithName($"case-{action}")
                .Accepts<CaseActionRequest>("application/json", "multipart/form-data")
                .WithMetadata(new RequestSizeLimitAttribute(MaxActionBytes))
                .DisableAntiforgery();
            if (!CaseActionRules.TakePhotos.Contains(action))
                builder.WithSummary($"{action} (JSON or form fields)");
            else
                builder.WithSummary($"{action} (JSON, or a form with photos parts)");
        }
        return app;
    }
}
