using System.Security.Claims;
using Dispatch.Api.Features.Cases.Photos;
using Dispatch.Api.Features.Cases.Report;
using Dispatch.Api.Features.Grids;
using Dispatch.Api.Hosting;
using Dispatch.Contracts.Cases;
using Dispatch.Domain.Cases;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Cases.Queries;

public static class CaseEndpoints
{
    /// <summary>Five photos of at most 10 MB each, plus the form fields.</summary>
    private const long MaxReportBytes = (PhotoStore.MaxPerReport * PhotoStore.MaxBytes) + (1024 * 1024);

    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization();
        group.MapPost("/", ReportCase.Handle)
            .RequireAuthorization(AuthSetup.ReporterPolicy)
            .Accepts<ReportCaseRequest>("application/json", "multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(MaxReportBytes))
            .DisableAntiforgery();
        group.MapGet("/mine", ListMine).RequireAuthorization(AuthSetup.ReporterPolicy);
        group.MapGet("/tasks", ListTasks).RequireAuthorization(new AuthorizeAttribute { Roles = $"{Roles.Patroller},{Roles.ShiftLeader}" });
        group.MapGet("/{id:guid}", GetCase);
        group.MapGet("/{id:guid}/photos/{photoId:guid}", GetPhoto);
        return app;
    }

    /// <summary>The case with the actions the caller may take now; <c>ETag</c> carries the version for <c>If-Match</c>.</summary>
    private static async Task<Results<Ok<CaseDto>, ForbidHttpResult, ProblemHttpResult>> GetCase(
        Guid id, ClaimsPrincipal user, HttpResponse response, DispatchDbContext db, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return NotFoundCase(id);
        if (!await user.CanSeeAsync(db, c, ct))
            return OutsideScope(user, c) is { } outside ? outside : TypedResults.Forbid();
        var dto = (await db.LoadDtoAsync(id, user, ct))!;
        response.Headers.ETag = $"\"{dto.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<PhysicalFileHttpResult, ForbidHttpResult, ProblemHttpResult>> GetPhoto(
        Guid id, Guid photoId, ClaimsPrincipal user, DispatchDbContext db, PhotoStore store, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return NotFoundCase(id);
        if (!await user.CanSeeAsync(db, c, ct))
            return OutsideScope(user, c) is { } outside ? outside : TypedResults.Forbid();
        var photo = await db.CasePhotos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photoId && p.CaseId == id, ct);
        if (photo is null)
            return TypedResults.Problem(title: "Photo not found", detail: $"Case {c.Number} has no photo {photoId}.", statusCode: StatusCodes.Status404NotFound);
        return TypedResults.PhysicalFile(store.PathOf(photo.Sha256), photo.ContentType, enableRangeProcessing: true);
    }

    /// <summary>
    /// On-site tasks: cases waiting for 核实 (verify) or 核查 (check). A patroller's: those in a responsibility grid the
    /// patroller walks, those the patroller reported, and, for a street's supervisor (a patroller scoped to the street),
    /// those of the street handed to its supervisors because nobody was on duty in the grid. A shift leader's: those
    /// handed to the shift leaders, in the leader's scope. The nearest deadline first.
    /// </summary>
    private static async Task<Ok<List<CaseSummary>>> ListTasks(ClaimsPrincipal user, DispatchDbContext db, CancellationToken ct)
    {
        var userName = user.Identity!.Name!;
        var isPatroller = user.IsInRole(Roles.Patroller);
        var isShiftLeader = user.IsInRole(Roles.ShiftLeader);
        var street = user.SupervisedStreet();
        var walked = db.ResponsibilityGrids.Where(g => g.Patrollers.Any(p => p.UserName == userName)).Select(g => g.Code);
        var waiting = db.Cases.AsNoTracking().Where(c => c.State == CaseState.Verifying || c.State == CaseState.Checking);
        var forLeader = isShiftLeader ? waiting.InScopeOf(user).Where(c => c.OnSiteFallback == OnSiteHolder.ShiftLeaders) : waiting.Where(c => false);
        var tasks = waiting
            .Where(c => (isPatroller && (c.ReportedBy == userName || walked.Contains(c.ResponsibilityGridCode!)))
                || (street != null && c.StreetCode == street && c.OnSiteFallback == OnSiteHolder.StreetSupervisors))
            .Union(forLeader)
            .OrderBy(c => c.NextDeadline == null).ThenBy(c => c.NextDeadline).ThenBy(c => c.UpdatedAt)
            .Take(200);
        var rows = await db.Summaries(tasks).ToListAsync(ct);
        return TypedResults.Ok(rows
            .OrderBy(s => s.NextDeadline is null).ThenBy(s => s.NextDeadline).ThenBy(s => s.UpdatedAt)
            .ToList());
    }

    private static async Task<Ok<List<CaseSummary>>> ListMine(ClaimsPrincipal user, DispatchDbContext db, CancellationToken ct)
    {
        var userName = user.Identity!.Name!;
        var mine = db.Cases.AsNoTracking().Where(c => c.ReportedBy == userName).OrderByDescending(c => c.ReportedAt).Take(100);
        var rows = await db.Summaries(mine).ToListAsync(ct);
        return TypedResults.Ok(rows.OrderByDescending(s => s.ReportedAt).ToList());
    }

    /// <summary>Why a command-centre account may not see a case, when the reason is its grid scope; null otherwise.</summary>
    private static ProblemHttpResult? OutsideScope(ClaimsPrincipal user, Domain.Cases.Case c) =>
        user.GridScope() is { } scope && !scope.Covers(c)
            ? TypedResults.Problem(title: "Case outside your scope", detail: AccountScope.OutsideScope(scope, $"Case {c.Number}"),
                statusCode: StatusCodes.Status403Forbidden)
            : null;

    private static ProblemHttpResult NotFoundCase(Guid id) =>
        TypedResults.Problem(title: "Case not found", detail: $"No case {id}.", statusCode: StatusCodes.Status404NotFound);
}
