using System.Globalization;
using System.Security.Claims;
using System.Text;
using Dispatch.Api.Features.Cases.Clocks;
using Dispatch.Api.Features.Cases.Photos;
using Dispatch.Api.Features.Cases.Queries;
using Dispatch.Api.Features.Grids;
using Dispatch.Api.Hosting;
using Dispatch.Contracts.Cases;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Components;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Dispatch.Persistence.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Cases.Report;

/// <summary>The JSON form of a report; the multipart form carries the same fields plus <c>photos</c> parts.</summary>
/// <remarks>
/// <see cref="Source"/>, <see cref="CallerName"/> and <see cref="CallerPhone"/> are for acceptors entering a report for
/// someone else; <see cref="SelfHandled"/> for a patroller who fixed the problem on the spot (see ReportSources);
/// <see cref="ComponentId"/> names the component (部件) of the inventory the report is about, which routing then
/// sends to its owner. <see cref="AddressText"/> (地址描述) says the place in words beside the point;
/// <see cref="CallbackWanted"/> (需要回访) asks for a callback once the case is closed (public and hotline reports, with a phone).
/// </remarks>
public sealed record ReportCaseRequest(Guid? CategoryId, Guid? ConditionId, double? Longitude, double? Latitude, string? Description,
    string? Source = null, string? CallerName = null, string? CallerPhone = null, bool? SelfHandled = null, string? ComponentId = null,
    string? AddressText = null, bool? CallbackWanted = null);

/// <summary>
/// 上报: validate, then in one transaction store the case, its first trace row, its photos' rows, the idempotency
/// record and the outbox rows; answer 201 only after that commits.
/// </summary>
public sealed class ReportCase(
    DispatchDbContext db,
    ICaseNumbers numbers,
    PhotoStore photoStore,
    TimeProvider clock,
    GridDirectory grids,
    CaseClocks clocks)
{
    public const string IdempotencyHeader = "Idempotency-Key";
    /// <summary>How far the reported point may be from the component it names (GPS error and a few steps).</summary>
    public const double MaxComponentDistanceMetres = 100;
    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static async Task<Results<Created<CaseDto>, ValidationProblem, ProblemHttpResult>> Handle(
        HttpRequest http, ClaimsPrincipal user, ReportCase handler, CancellationToken ct) =>
        await handler.HandleAsync(http, user, ct);

    private async Task<Results<Created<CaseDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpRequest http, ClaimsPrincipal user, CancellationToken ct)
    {
        var key = http.Headers[IdempotencyHeader].ToString();
        if (key.Length is 0 or > 100 || key.Any(c => c is < '!' or > '~'))
            return Invalid(IdempotencyHeader, "A header Idempotency-Key of 1 to 100 visible ASCII characters is required.");

        ReportCaseRequest request;
        IReadOnlyList<UploadedPhoto> photos = [];
        if (http.HasJsonContentType())
        {
            var (parsed, error) = await ReadJsonAsync(http, ct);
            if (error is not null)
                return error;
            request = parsed!;
        }
        else if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(ct);
            var errors = new Dictionary<string, string[]>();
            request = new ReportCaseRequest(
                MultipartForm.Parse<Guid>(form, "categoryId", Guid.TryParse, errors),
                MultipartForm.Parse<Guid>(form, "conditionId", Guid.TryParse, errors),
                MultipartForm.Parse<double>(form, "longitude", (string s, out double v) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v), errors),
                MultipartForm.Parse<double>(form, "latitude", (string s, out double v) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v), errors),
                form["description"].ToString(),
                NullIfEmpty(form["source"]), NullIfEmpty(form["callerName"]), NullIfEmpty(form["callerPhone"]),
                MultipartForm.Parse<bool>(form, "selfHandled", bool.TryParse, errors),
                NullIfEmpty(form["componentId"]),
                NullIfEmpty(form["addressText"]),
                MultipartForm.Parse<bool>(form, "callbackWanted", bool.TryParse, errors));
            if (errors.Count > 0)
                return TypedResults.ValidationProblem(errors);
            (photos, var photoError) = await MultipartForm.ReadPhotosAsync(form, ct);
            if (photoError is not null)
                return photoError;
        }
        else
        {
            return TypedResults.Problem(title: "Unsupported media type",
                detail: "Send application/json or multipart/form-data.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var validation = await ValidateAsync(request, ct);
        if (validation is not null)
            return validation;
        var sourceErrors = new Dictionary<string, string[]>();
        var (source, details) = ReportSources.Resolve(user, request.Source, request.CallerName, request.CallerPhone, request.SelfHandled, sourceErrors,
            request.AddressText, request.CallbackWanted);
        if (sourceErrors.Count > 0)
            return TypedResults.ValidationProblem(sourceErrors);

        var userName = user.Identity!.Name!;
        var hash = RequestHash(request, photos);
        var earlier = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.UserName == userName && r.Key == key, ct);
        if (earlier is not null)
            return await ReplayAsync(earlier, hash, http, ct);

        // Locate before anything is stored: a point outside every unit grid is refused (docs/domain.md §1), and the case number
        // runs in the series of the district the point lies in.
        var isPatroller = user.IsInRole(Roles.Patroller);
        var grid = await grids.GetAsync(ct);
        if (grid.Locate(request.Longitude!.Value, request.Latitude!.Value) is not { } place)
            return GridProblems.OutsideManagedArea(request.Longitude.Value, request.Latitude.Value);
        var location = grid.LocationFor(place, userName, isPatroller);

        foreach (var photo in photos)
            await photoStore.SaveAsync(photo.Sha256, photo.Bytes, ct);

        var now = clock.GetUtcNow();
        var district = location.District.Value;
        var number = await numbers.NextAsync(db, district, TimeZoneInfo.ConvertTime(now, ChinaTime).Year, ct);
        var actor = new Actor(userName, isPatroller ? Roles.Patroller : Roles.Acceptor);
        var caseClock = await clocks.ForAsync(request.CategoryId!.Value, request.ConditionId, location.UnitGrid.Value, ct);
        var reported = Case.Report(Guid.CreateVersion7(now), number, source,
            request.CategoryId!.Value, request.ConditionId, request.Longitude!.Value, request.Latitude!.Value,
            request.Description ?? "", district, actor, now, location, details with { ComponentId = request.ComponentId }, caseClock);
        foreach (var photo in photos)
            reported.AttachReportPhoto(photo.Sha256, photo.ContentType, photo.Bytes.LongLength);

        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Id == reported.CategoryId, ct);
        db.Cases.Add(reported);
        db.IdempotencyRecords.Add(new IdempotencyRecord(userName, key, hash, reported.Id, now));
        CaseOutbox.AddReported(db, reported, category, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e, "pk_idempotency_records"))
        {
            // The same key raced in from a retry that committed first: answer as that request did.
            db.ChangeTracker.Clear();
            var winner = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.UserName == userName && r.Key == key, ct);
            return await ReplayAsync(winner, hash, http, ct);
        }

        var dto = (await db.LoadDtoAsync(reported.Id, http.HttpContext.User, ct))!;
        return TypedResults.Created($"/api/cases/{dto.Id}", dto);
    }

    private async Task<Results<Created<CaseDto>, ValidationProblem, ProblemHttpResult>> ReplayAsync(
        IdempotencyRecord earlier, string hash, HttpRequest http, CancellationToken ct)
    {
        if (earlier.RequestHash != hash)
            return TypedResults.Problem(title: "Idempotency key reused",
                detail: "This Idempotency-Key was already used for a different report; use a new key for a new report.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [IdempotencyHeader] = ["Already used with a different body."] } });
        http.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
        var dto = (await db.LoadDtoAsync(earlier.CaseId, http.HttpContext.User, ct))!;
        return TypedResults.Created($"/api/cases/{dto.Id}", dto);
    }

    private static Task<(ReportCaseRequest?, ValidationProblem?)> ReadJsonAsync(HttpRequest http, CancellationToken ct) =>
        JsonBody.ReadAsync<ReportCaseRequest>(http, ct);

    private async Task<ValidationProblem?> ValidateAsync(ReportCaseRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Longitude is null)
            errors["longitude"] = ["Longitude is required."];
        else if (!double.IsFinite(r.Longitude.Value) || r.Longitude is < -180 or > 180)
            errors["longitude"] = ["Longitude must be between -180 and 180 (WGS-84 degrees)."];
        if (r.Latitude is null)
            errors["latitude"] = ["Latitude is required."];
        else if (!double.IsFinite(r.Latitude.Value) || r.Latitude is < -90 or > 90)
            errors["latitude"] = ["Latitude must be between -90 and 90 (WGS-84 degrees)."];
        if (r.Description is { Length: > Case.MaxDescriptionLength })
            errors["description"] = [$"At most {Case.MaxDescriptionLength} characters (got {r.Description.Length})."];
        if (r.CategoryId is null)
        {
            errors["categoryId"] = ["Category is required."];
        }
        else
        {
            var category = await db.Categories.AsNoTracking().Include(c => c.Conditions)
                .SingleOrDefaultAsync(c => c.Id == r.CategoryId, ct);
            if (category is null)
                errors["categoryId"] = [$"Unknown category {r.CategoryId}."];
            else if (r.ConditionId is { } conditionId && category.Conditions.All(c => c.Id != conditionId))
                errors["conditionId"] = [$"Condition {conditionId} does not belong to category {category.Code} {category.NameZh}."];
            else if (category.RefusalForNewUse(r.ConditionId) is { } retired)
                errors[category.IsRetired ? "categoryId" : "conditionId"] = [retired];
        }
        if (r.ComponentId is { } componentId && await ComponentProblemAsync(r, componentId, ct) is { } componentProblem)
            errors["componentId"] = [componentProblem];
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    /// <summary>What makes two requests "the same report" for idempotency: every field and every photo's content.</summary>
    /// <summary>A report about a component must name one of its category, near the reported point.</summary>
    private async Task<string?> ComponentProblemAsync(ReportCaseRequest r, string componentId, CancellationToken ct)
    {
        var component = await db.Components.AsNoTracking().SingleOrDefaultAsync(c => c.Id == componentId, ct);
        if (component is null)
            return $"No component {componentId} in the inventory.";
        if (component.IsRetired)
            return $"Component {componentId} was retired from the inventory.";
        if (r.CategoryId is { } categoryId && component.CategoryId != categoryId)
            return $"Component {componentId} is not of the reported category.";
        if (r.Longitude is { } lon && r.Latitude is { } lat
            && GroundDistance.Metres(lon, lat, component.Longitude, component.Latitude) is var metres && metres > MaxComponentDistanceMetres)
            return $"Component {componentId} is {metres:0} m from the reported point; pick one within {MaxComponentDistanceMetres:0} m.";
        return null;
    }

    private static string RequestHash(ReportCaseRequest r, IReadOnlyList<UploadedPhoto> photos)
    {
        var canonical = string.Join('\n',
            r.CategoryId?.ToString() ?? "", r.ConditionId?.ToString() ?? "",
            r.Longitude?.ToString("R", CultureInfo.InvariantCulture) ?? "",
            r.Latitude?.ToString("R", CultureInfo.InvariantCulture) ?? "",
            r.Description ?? "", string.Join(',', photos.Select(p => p.Sha256)));
        // Appended only when present, so that keys stored before these fields existed still match their replays.
        if (r.Source is not null || r.CallerName is not null || r.CallerPhone is not null || r.SelfHandled is not null)
            canonical += string.Join('\n', "", r.Source ?? "", r.CallerName ?? "", r.CallerPhone ?? "", r.SelfHandled?.ToString() ?? "");
        if (r.ComponentId is not null)
            canonical += "\ncomponent:" + r.ComponentId;
        if (r.AddressText is not null)
            canonical += "\naddress:" + r.AddressText;
        if (r.CallbackWanted is not null)
            canonical += "\ncallback:" + r.CallbackWanted;
        return PhotoStore.Hash(Encoding.UTF8.GetBytes(canonical));
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count == 0 || string.IsNullOrEmpty(value[0]) ? null : value.ToString();

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

}
