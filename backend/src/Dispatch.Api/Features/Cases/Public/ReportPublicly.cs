using System.Globalization;
using Dispatch.Api.Features.Cases.Clocks;
using Dispatch.Api.Features.Cases.Photos;
using Dispatch.Api.Features.Cases.Report;
using Dispatch.Api.Features.Grids;
using Dispatch.Domain.Cases;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Features.Cases.Public;

/// <summary>
/// The citizens' report form (multipart): a topic in plain words, the point, words, the place in words, an optional
/// phone (leaving one asks for a callback, 回访), and the photos as <c>photos</c> parts.
/// </summary>
public sealed record PublicReportForm(string? Topic, double? Longitude, double? Latitude, string? Description, string? Phone,
    string? AddressText = null);

/// <summary>
/// The receipt: the case number, and the secret tracking token with the page that uses it. The token is shown this
/// once; the server keeps only its hash.
/// </summary>
public sealed record PublicReceiptDto(string Number, string Token, string TrackingPath, DateTimeOffset ReportedAt);

/// <summary>
/// 公众上报: a member of the public reports without an account. The report is written as any other (one transaction:
/// the case, its first trace row, its photos, its tracking link and the outbox row), with source <c>public</c>, so the
/// intake policy decides what happens to it as it does for every source; by default a public report waits in the
/// acceptor's queue (待受理) to be verified before it is filed.
/// </summary>
public sealed class ReportPublicly(
    DispatchDbContext db,
    ICaseNumbers numbers,
    PhotoStore photoStore,
    TimeProvider clock,
    GridDirectory grids,
    CaseClocks clocks,
    PublicTopics topics,
    IOptions<PublicReportOptions> options)
{
    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static async Task<Results<Created<PublicReceiptDto>, ValidationProblem, ProblemHttpResult>> Handle(
        HttpRequest http, ReportPublicly handler, CancellationToken ct) =>
        await handler.HandleAsync(http, ct);

    private async Task<Results<Created<PublicReceiptDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(HttpRequest http, CancellationToken ct)
    {
        if (!http.HasFormContentType)
            return TypedResults.Problem(title: "Unsupported media type", detail: "Send multipart/form-data with the photos as 'photos' parts.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        var form = await http.ReadFormAsync(ct);
        var errors = new Dictionary<string, string[]>();
        var request = new PublicReportForm(
            NullIfBlank(form["topic"]),
            MultipartForm.Parse<double>(form, "longitude", (string s, out double v) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v), errors),
            MultipartForm.Parse<double>(form, "latitude", (string s, out double v) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v), errors),
            NullIfBlank(form["description"]),
            NullIfBlank(form["phone"]),
            NullIfBlank(form["addressText"]));
        var (photos, photoProblem) = await MultipartForm.ReadPhotosAsync(form, ct);
        if (photoProblem is not null)
            return photoProblem;

        var resolved = await topics.ResolveAsync(db, ct);
        var topic = Validate(request, resolved, photos.Count, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        // Outside every unit grid: say so, store nothing (not even the photos).
        var grid = await grids.GetAsync(ct);
        if (grid.Locate(request.Longitude!.Value, request.Latitude!.Value) is not { } place)
            return GridProblems.OutsideManagedArea(request.Longitude.Value, request.Latitude.Value);
        var location = grid.LocationFor(place, Actor.Public.UserName, isPatroller: false);

        foreach (var photo in photos)
            await photoStore.SaveAsync(photo.Sha256, photo.Bytes, ct);

        var now = clock.GetUtcNow();
        var district = location.District.Value;
        var number = await numbers.NextAsync(db, district, TimeZoneInfo.ConvertTime(now, ChinaTime).Year, ct);
        var caseClock = await clocks.ForAsync(topic!.CategoryId, topic.ConditionId, location.UnitGrid.Value, ct);
        var reported = Case.Report(Guid.CreateVersion7(now), number, CaseSource.Public, topic.CategoryId, topic.ConditionId,
            request.Longitude.Value, request.Latitude!.Value, request.Description ?? "", district, Actor.Public, now, location,
            new ReportDetails(CallerPhone: request.Phone, AddressText: request.AddressText, CallbackWanted: request.Phone is not null), caseClock);
        foreach (var photo in photos)
            reported.AttachReportPhoto(photo.Sha256, photo.ContentType, photo.Bytes.LongLength);

        var token = TrackingLink.NewToken();
        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == reported.CategoryId, ct);
        db.Cases.Add(reported);
        db.TrackingLinks.Add(new TrackingLink(reported.Id, TrackingLink.Hash(token), now));
        CaseOutbox.AddReported(db, reported, category, now);
        await db.SaveChangesAsync(ct);

        var path = PublicEndpoints.TrackingPagePath(token);
        return TypedResults.Created(path, new PublicReceiptDto(reported.Number, token, path, now));
    }

    private ResolvedTopic? Validate(PublicReportForm r, IReadOnlyList<ResolvedTopic> resolved, int photoCount, Dictionary<string, string[]> errors)
    {
        ResolvedTopic? topic = null;
        if (r.Topic is null)
            errors["topic"] = ["Pick what the problem is."];
        else if ((topic = resolved.FirstOrDefault(t => t.Entry.Key == r.Topic)) is null)
            errors["topic"] = [$"'{r.Topic}' is not one of the topics offered (see /api/public/topics)."];
        if (r.Longitude is null && !errors.ContainsKey("longitude"))
            errors["longitude"] = ["Longitude is required: share your location or tap the map."];
        else if (r.Longitude is { } lon && (!double.IsFinite(lon) || lon is < -180 or > 180))
            errors["longitude"] = ["Longitude must be between -180 and 180 (WGS-84 degrees)."];
        if (r.Latitude is null && !errors.ContainsKey("latitude"))
            errors["latitude"] = ["Latitude is required: share your location or tap the map."];
        else if (r.Latitude is { } lat && (!double.IsFinite(lat) || lat is < -90 or > 90))
            errors["latitude"] = ["Latitude must be between -90 and 90 (WGS-84 degrees)."];
        if (r.Description is { Length: > Case.MaxDescriptionLength })
            errors["description"] = [$"At most {Case.MaxDescriptionLength} characters (got {r.Description.Length})."];
        if (r.AddressText is { Length: > Case.MaxAddressTextLength })
            errors["addressText"] = [$"At most {Case.MaxAddressTextLength} characters (got {r.AddressText.Length})."];
        if (r.Phone is not null && !ReportSources.IsPhone(r.Phone))
            errors["phone"] = ["A phone number is 3 to 20 digits, optionally with a leading + and spaces or dashes between them."];
        if (options.Value.PhotoRequired && photoCount == 0)
            errors["photos"] = ["Add at least one photo of the problem."];
        return topic;
    }

    private static string? NullIfBlank(Microsoft.Extensions.Primitives.StringValues value) =>
        string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString().Trim();
}
