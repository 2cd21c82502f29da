using Dispatch.Api.Features.Cases.Photos;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Cases.Public;

/// <summary>
/// The citizens' page's API, open to anyone without an account (<c>/api/public</c>): the topics, a report, and the
/// progress, photos and rating behind a tracking token. Every call is rate-limited per client, reports also per phone.
/// </summary>
public static class PublicEndpoints
{
    /// <summary>Photos of at most 10 MB each, plus the form fields.</summary>
    private const long MaxReportBytes = (PhotoStore.MaxPerReport * PhotoStore.MaxBytes) + (1024 * 1024);

    /// <summary>The frontend's page for a token (the receipt's link).</summary>
    public static string TrackingPagePath(string token) => $"/public/track/{token}";

    public static string PhotoPath(string token, Guid photoId) => $"/api/public/track/{token}/photos/{photoId}";

    public static IEndpointRouteBuilder MapPublicEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous();
        group.MapGet("/topics", ListTopics).RequireRateLimiting(PublicRateLimits.TrackingPolicy);
        group.MapPost("/reports", ReportPublicly.Handle)
            .Accepts<PublicReportForm>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(MaxReportBytes), new PerPhoneLimit())
            .RequireRateLimiting(PublicRateLimits.ReportPolicy)
            .DisableAntiforgery();
        var tracking = group.MapGroup("/track/{token}").RequireRateLimiting(PublicRateLimits.TrackingPolicy);
        tracking.MapGet("/", TrackPublicly.GetProgress);
        tracking.MapGet("/photos/{photoId:guid}", TrackPublicly.GetPhoto);
        tracking.MapPost("/rating", TrackPublicly.Rate).Accepts<PublicRatingRequest>("application/json");
        return app;
    }

    /// <summary>The plain-word topics a report can name, in both languages.</summary>
    private static async Task<Ok<List<PublicTopicDto>>> ListTopics(PublicTopics topics, DispatchDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await topics.ResolveAsync(db, ct)).Select(t => new PublicTopicDto(t.Entry.Key, t.Entry.Zh, t.Entry.En)).ToList());
}
