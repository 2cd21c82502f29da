using Dispatch.Api.Features.Cases.Photos;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Cases;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Cases.Public;

/// <summary>A department as the public sees it: its name, nothing else.</summary>
public sealed record PublicDepartmentDto(string NameZh, string NameEn);

/// <summary>
/// One step of the public progress: <c>received</c> (收到), <c>verifying</c> (核实受理中), <c>handling</c> (处置中, with
/// the department), <c>done</c> (已办结), or <c>declined</c> (不予受理 / 作废).
/// </summary>
public sealed record PublicStepDto(string Step, DateTimeOffset At, PublicDepartmentDto? Department = null);

/// <summary>A photo of the report (<c>before</c>) or of the result (<c>after</c>), at a URL scoped to the token.</summary>
public sealed record PublicPhotoDto(string Url, string Stage);

public sealed record PublicRatingDto(bool Satisfied, string? Words, DateTimeOffset At);

/// <summary>
/// What the tracking link shows: the number, where the case is (<c>status</c>, the last step's name), the steps with
/// their times, the category's names, the reporter's own words, the before and (once done) after photos, and the
/// reporter's rating. Never the people who worked on it, phone numbers, or anyone's opinion.
/// </summary>
public sealed record PublicProgressDto(string Number, string Status, string CategoryNameZh, string CategoryNameEn, string Description,
    DateTimeOffset ReportedAt, IReadOnlyList<PublicStepDto> Steps, IReadOnlyList<PublicPhotoDto> Photos, bool CanRate, PublicRatingDto? Rating);

public sealed record PublicRatingRequest(bool? Satisfied, string? Words);

/// <summary>查询进度 and 公众评价: reads and the one rating through the secret token of the receipt.</summary>
public static class TrackPublicly
{
    private static readonly HashSet<string> Verifying = [CaseAction.Accept, CaseAction.RequestVerification];

    public static async Task<Results<Ok<PublicProgressDto>, ProblemHttpResult>> GetProgress(string token, DispatchDbContext db, CancellationToken ct)
    {
        var c = await FindAsync(token, db, ct);
        return c is null ? NotFound() : TypedResults.Ok(await ProgressAsync(c, token, db, ct));
    }

    public static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> GetPhoto(
        string token, Guid photoId, DispatchDbContext db, PhotoStore store, CancellationToken ct)
    {
        var c = await FindAsync(token, db, ct);
        if (c is null || VisiblePhotos(c).FirstOrDefault(p => p.Id == photoId) is not { } photo)
            return NotFound();
        return TypedResults.PhysicalFile(store.PathOf(photo.Sha256), photo.ContentType, enableRangeProcessing: true);
    }

    /// <summary>The reporter's one rating of a done case: a trace row the command centre sees. It reopens nothing.</summary>
    public static async Task<Results<Ok<PublicProgressDto>, ValidationProblem, ProblemHttpResult>> Rate(
        string token, HttpRequest http, DispatchDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var found = await FindAsync(token, db, ct);
        if (found is null)
            return NotFound();
        var (request, invalid) = await JsonBody.ReadAsync<PublicRatingRequest>(http, ct);
        if (invalid is not null)
            return invalid;
        var errors = new Dictionary<string, string[]>();
        if (request!.Satisfied is null)
            errors["satisfied"] = ["Say whether you are satisfied (true) or not (false)."];
        if (request.Words is { Length: > Case.MaxOpinionLength })
            errors["words"] = [$"At most {Case.MaxOpinionLength} characters (got {request.Words.Length})."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (found.Trace.Any(t => t.Action == CaseAction.Rate))
            return Conflict("Already rated", $"Case {found.Number} has been rated already; a report is rated once.");
        if (found.State is not (CaseState.Closed or CaseState.Archived))
            return Conflict("Not done yet", $"Case {found.Number} is not done yet; rate it once it is.");

        var c = await db.Cases.SingleAsync(x => x.Id == found.Id, ct);
        var since = c.Version;
        var now = clock.GetUtcNow();
        c.RateByReporter(now, request.Satisfied!.Value, request.Words);
        await CaseOutbox.AddChangesAsync(db, c, since, now, null, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e, "ix_case_traces_case_id_sequence"))
        {
            db.ChangeTracker.Clear();
            return Conflict("The case changed meanwhile", $"Case {c.Number} changed while the rating was sent; reload and rate again if it is not rated yet.");
        }
        db.ChangeTracker.Clear();
        return TypedResults.Ok(await ProgressAsync((await FindAsync(token, db, ct))!, token, db, ct));
    }

    /// <summary>The case behind a token; null for a token that is malformed or unknown alike (both are 404).</summary>
    private static async Task<Case?> FindAsync(string token, DispatchDbContext db, CancellationToken ct)
    {
        if (!TrackingLink.LooksLikeToken(token))
            return null;
        var hash = TrackingLink.Hash(token);
        var caseId = await db.TrackingLinks.AsNoTracking().Where(l => l.TokenHash == hash).Select(l => (Guid?)l.CaseId).SingleOrDefaultAsync(ct);
        return caseId is null ? null : await db.Cases.AsNoTracking().AsSplitQuery().Include(x => x.Trace).Include(x => x.Photos)
            .SingleOrDefaultAsync(x => x.Id == caseId, ct);
    }

    private static bool IsDone(Case c) => c.State is CaseState.Closed or CaseState.Archived;

    /// <summary>The reporter's own photos, and the department's result photos once the case is done.</summary>
    private static IEnumerable<CasePhoto> VisiblePhotos(Case c) =>
        c.Photos.Where(p => p.Stage == CaseAction.Report || (p.Stage == CaseAction.Feedback && IsDone(c)))
            .OrderBy(p => p.UploadedAt).ThenBy(p => p.Id);

    private static async Task<PublicProgressDto> ProgressAsync(Case c, string token, DispatchDbContext db, CancellationToken ct)
    {
        var trace = c.Trace.OrderBy(t => t.Sequence).ToList();
        var steps = new List<PublicStepDto> { new("received", c.ReportedAt) };
        if (trace.FirstOrDefault(t => Verifying.Contains(t.Action)) is { } verifying)
            steps.Add(new("verifying", verifying.At));
        if (c.DispatchedAt is { } dispatchedAt && c.DepartmentId is { } departmentId
            && c.State is not (CaseState.ToDispatch or CaseState.Returned or CaseState.NotAccepted or CaseState.Voided))
        {
            var department = await db.Departments.AsNoTracking().Where(d => d.Id == departmentId)
                .Select(d => new PublicDepartmentDto(d.NameZh, d.NameEn)).SingleAsync(ct);
            steps.Add(new("handling", dispatchedAt, department));
        }
        if (IsDone(c))
            steps.Add(new("done", c.ClosedAt ?? c.UpdatedAt));
        if (c.State is CaseState.NotAccepted or CaseState.Voided)
            steps.Add(new("declined", trace.Last(t => t.ToState == c.State).At));

        var category = await db.Categories.AsNoTracking().Where(x => x.Id == c.CategoryId)
            .Select(x => new { x.NameZh, x.NameEn }).SingleAsync(ct);
        var photos = VisiblePhotos(c)
            .Select(p => new PublicPhotoDto(PublicEndpoints.PhotoPath(token, p.Id), p.Stage == CaseAction.Report ? "before" : "after"))
            .ToList();
        var rated = trace.FirstOrDefault(t => t.Action == CaseAction.Rate);
        var rating = rated is null ? null : new PublicRatingDto(rated.Code == TraceCodes.RateSatisfied, rated.Opinion, rated.At);
        return new PublicProgressDto(c.Number, steps[^1].Step, category.NameZh, category.NameEn, c.Description, c.ReportedAt,
            steps, photos, CanRate: IsDone(c) && rating is null, rating);
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: "Not found", detail: "No report has this tracking link; check that the whole link was copied.",
            statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);
}
