using System.Security.Claims;
using Dispatch.Api.Features.Cases.Queries;
using Dispatch.Api.Features.Cases.Report;
using Dispatch.Api.Features.Catalogue;
using Dispatch.Api.Features.Grids;
using Dispatch.Domain.Cases;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Cases.Hotline;

/// <summary>
/// One case of a caller's history or of the call list: what it is about, where it stands and who holds it, and the caller
/// as the reader may see them (<see cref="CallerPrivacy"/>).
/// </summary>
public sealed record CallerCaseDto(
    Guid Id, string Number, string State, int Version, string Source, CategoryRef Category, string Description, string? AddressText,
    DepartmentRef? Department, DateTimeOffset ReportedAt, DateTimeOffset? ClosedAt, DateTimeOffset UpdatedAt,
    bool CallbackWanted, bool? CallbackSatisfied, int ReworkCount, string? CallerName, string? CallerPhone);

/// <summary>
/// The hotline desk's reads (热线受理): a caller's earlier cases by phone number, and the call list of closed cases due a
/// callback (回访). Both for acceptors and shift leaders, within their grid scope.
/// </summary>
public static class HotlineEndpoints
{
    public const int MaxCallerCases = 50;
    public const int MaxCallList = 200;

    public static IEndpointRouteBuilder MapHotlineEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Hotline")
            .RequireAuthorization(new AuthorizeAttribute { Roles = $"{Roles.Acceptor},{Roles.ShiftLeader}" });
        group.MapGet("/by-caller", ByCaller).WithSummary("A caller's earlier cases by phone number, newest first");
        group.MapGet("/callbacks", CallList).WithSummary("Closed public and hotline cases whose caller wants a callback (回访), oldest first");
        return app;
    }

    /// <summary>
    /// <c>GET /api/cases/by-caller?phone=</c>: the newest <see cref="MaxCallerCases"/> cases whose caller phone is the
    /// same number, spaces and dashes aside.
    /// </summary>
    private static async Task<Results<Ok<List<CallerCaseDto>>, ValidationProblem>> ByCaller(
        string? phone, ClaimsPrincipal user, DispatchDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(phone))
            return Invalid("A phone number is required.");
        if (!ReportSources.IsPhone(phone.Trim()))
            return Invalid("A phone number is 3 to 20 digits, optionally with a leading + and spaces or dashes between them.");
        var digits = Digits(phone);
        var cases = db.Cases.AsNoTracking().InScopeOf(user)
            .Where(c => c.CallerPhone != null && c.CallerPhone.Replace(" ", "").Replace("-", "") == digits)
            .OrderByDescending(c => c.ReportedAt).Take(MaxCallerCases);
        var rows = await RowsAsync(db, cases, CallerPrivacy.ViewOf(user), ct);
        return TypedResults.Ok(rows.OrderByDescending(r => r.ReportedAt).ToList());
    }

    /// <summary>
    /// <c>GET /api/cases/callbacks</c>: closed cases from the public or a hotline whose caller asked for a callback. A
    /// satisfied callback archives a case and an unsatisfied one reopens it, so every closed one here is due a call.
    /// </summary>
    private static async Task<Ok<List<CallerCaseDto>>> CallList(ClaimsPrincipal user, DispatchDbContext db, CancellationToken ct)
    {
        var due = db.Cases.AsNoTracking().InScopeOf(user)
            .Where(c => c.State == CaseState.Closed && c.CallbackWanted && c.DepartmentKey != null
                && (c.Source == CaseSource.Hotline || c.Source == CaseSource.Public))
            .OrderBy(c => c.ClosedAt).ThenBy(c => c.Id).Take(MaxCallList);
        var rows = await RowsAsync(db, due, CallerPrivacy.ViewOf(user), ct);
        return TypedResults.Ok(rows.OrderBy(r => r.ClosedAt).ThenBy(r => r.Id).ToList());
    }

    /// <summary>The rows of <paramref name="cases"/> (ordered and limited before), the caller as <paramref name="view"/> allows.</summary>
    private static async Task<List<CallerCaseDto>> RowsAsync(DispatchDbContext db, IQueryable<Case> cases, CallerView view, CancellationToken ct)
    {
        var rows = await (
            from c in cases
            join category in db.Categories on c.CategoryId equals category.Id
            join d in db.Departments on c.DepartmentId equals (Guid?)d.Id into departments
            from department in departments.DefaultIfEmpty()
            select new CallerCaseDto(c.Id, c.Number, c.State.ToString(), c.Version, c.Source.ToString(),
                new CategoryRef(category.Id, category.Code, category.NameZh, category.NameEn), c.Description, c.AddressText,
                department == null ? null : new DepartmentRef(department.Key, department.NameZh, department.NameEn),
                c.ReportedAt, c.ClosedAt, c.UpdatedAt, c.CallbackWanted, c.CallbackSatisfied, c.ReworkCount,
                c.CallerName, c.CallerPhone)).ToListAsync(ct);
        return rows.Select(r => r with
        {
            Source = r.Source.ToLowerInvariant(),
            CallerName = CallerPrivacy.Name(view, r.CallerName),
            CallerPhone = CallerPrivacy.Phone(view, r.CallerPhone),
        }).ToList();
    }

    private static string Digits(string phone) => phone.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    private static ValidationProblem Invalid(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["phone"] = [message] });
}
