using System.Globalization;
using System.Security.Claims;
using Dispatch.Api.Features.Cases.Queries;
using Dispatch.Api.Features.Grids;
using Dispatch.Domain.Cases;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Ledger;

/// <summary>
/// The query string of the ledger, as the OpenAPI document describes it. Lists are comma-separated; all filters combine.
/// </summary>
/// <param name="Period">reported (default), dispatched or closed: which step's time <c>from</c> and <c>to</c> bound.</param>
/// <param name="From">Instant (ISO 8601), inclusive.</param>
/// <param name="To">Instant (ISO 8601), exclusive.</param>
/// <param name="State">States, e.g. <c>handling,suspended</c>.</param>
/// <param name="Light">green, yellow, red.</param>
/// <param name="Source">patrol, public, hotline, leader, video, media.</param>
/// <param name="Category">Codes or ranges, optionally with a kind: <c>component:0101-0110,event:0505</c>.</param>
/// <param name="Condition">Filing-condition ids.</param>
/// <param name="Grid">A grid node: cases in it or anywhere under it; must lie in the account's scope.</param>
/// <param name="Department">Department key, leading or assisting (see <c>departmentRole</c>).</param>
/// <param name="DepartmentRole">any (default), lead or assisting.</param>
/// <param name="Reporter">The reporting account's user name.</param>
/// <param name="Overdue">true: some step ran past its limit.</param>
/// <param name="Escalated">督办.</param>
/// <param name="Reworked">返工 at least once.</param>
/// <param name="Extended">延期 at least once.</param>
/// <param name="Suspended">挂账 now.</param>
/// <param name="Component">The 16-digit component id (部件编码).</param>
/// <param name="Q">Text in the number, description, grid names (address) or, for the command centre, the caller.</param>
/// <param name="Sort">reportedAt (default), dispatchedAt, closedAt, updatedAt, deadline or number; a leading '-' sorts descending (default -reportedAt).</param>
/// <param name="Cursor">The <c>next</c> of the previous page.</param>
/// <param name="Limit">Page size, 1 to 200 (50 by default).</param>
public sealed record LedgerParameters(
    [FromQuery(Name = "period")] string? Period = null,
    [FromQuery(Name = "from")] string? From = null,
    [FromQuery(Name = "to")] string? To = null,
    [FromQuery(Name = "state")] string? State = null,
    [FromQuery(Name = "light")] string? Light = null,
    [FromQuery(Name = "source")] string? Source = null,
    [FromQuery(Name = "category")] string? Category = null,
    [FromQuery(Name = "condition")] string? Condition = null,
    [FromQuery(Name = "grid")] string? Grid = null,
    [FromQuery(Name = "department")] string? Department = null,
    [FromQuery(Name = "departmentRole")] string? DepartmentRole = null,
    [FromQuery(Name = "reporter")] string? Reporter = null,
    [FromQuery(Name = "overdue")] string? Overdue = null,
    [FromQuery(Name = "escalated")] string? Escalated = null,
    [FromQuery(Name = "reworked")] string? Reworked = null,
    [FromQuery(Name = "extended")] string? Extended = null,
    [FromQuery(Name = "suspended")] string? Suspended = null,
    [FromQuery(Name = "component")] string? Component = null,
    [FromQuery(Name = "q")] string? Q = null,
    [FromQuery(Name = "sort")] string? Sort = null,
    [FromQuery(Name = "cursor")] string? Cursor = null,
    [FromQuery(Name = "limit")] string? Limit = null);

/// <summary>A ledger request, checked: the filtered, visible cases and their order, ready to page or export.</summary>
/// <param name="Callers">How much of the caller the account may see in rows and exports.</param>
public sealed record LedgerSelection(IQueryable<Case> Cases, LedgerSort Sort, LedgerFilter Filter, CallerView Callers = CallerView.None);

/// <summary><c>GET /api/cases</c>: find any case the caller may see (台账检索).</summary>
public static class SearchCases
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>
    /// Parses and applies the filters and sort of <paramref name="query"/> for <paramref name="user"/>; null with
    /// <paramref name="errors"/> filled when a parameter is bad.
    /// </summary>
    public static async Task<LedgerSelection?> SelectAsync(IQueryCollection query, ClaimsPrincipal user, DispatchDbContext db,
        GridDirectory grids, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var filter = LedgerFilter.Parse(query, errors);
        var sort = LedgerSort.Parse(query["sort"].ToString(), errors);
        if (errors.Count > 0 || sort is null)
            return null;
        var accountScope = user.GridScope();
        if (filter.Grid is { } node && accountScope is { } own && !own.Contains(node))
        {
            errors["grid"] = [AccountScope.OutsideScope(own, $"Grid {node.Value}")];
            return null;
        }
        var commandCentre = Roles.CommandCentre.Any(user.IsInRole);
        var cases = await db.Cases.AsNoTracking().VisibleTo(user, db)
            .ApplyAsync(filter, db, await grids.GetAsync(ct), commandCentre, errors, ct);
        return errors.Count > 0 ? null : new LedgerSelection(cases, sort, filter, CallerPrivacy.ViewOf(user));
    }

    public static async Task<Results<Ok<LedgerPage>, ValidationProblem>> Handle(
        [AsParameters] LedgerParameters parameters, HttpRequest request, ClaimsPrincipal user, DispatchDbContext db,
        GridDirectory grids, CancellationToken ct)
    {
        _ = parameters;
        var errors = new Dictionary<string, string[]>();
        var take = DefaultLimit;
        var limit = request.Query["limit"].ToString();
        if (limit.Length > 0 && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxLimit))
            errors["limit"] = [$"A page holds 1 to {MaxLimit} cases."];
        var selection = await SelectAsync(request.Query, user, db, grids, errors, ct);
        if (selection is null || errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var cases = selection.Cases;
        var cursor = request.Query["cursor"].ToString();
        int? total = null;
        if (cursor.Length > 0)
        {
            cases = selection.Sort.After(cases, cursor, errors);
            if (errors.Count > 0)
                return TypedResults.ValidationProblem(errors);
        }
        else
        {
            total = await selection.Cases.CountAsync(ct);
        }
        var ordered = selection.Sort.Order(cases).Take(take + 1);
        var snapshot = await grids.GetAsync(ct);
        var flat = await selection.Sort.Order(LedgerRows.ListQuery(db, ordered)).ToListAsync(ct);
        var rows = flat.Select(f => LedgerRows.ToRow(f, snapshot, selection.Callers)).ToList();
        var page = rows.Take(take).ToList();
        var next = rows.Count > take ? LedgerRows.Cursor(selection.Sort, page[^1]) : null;
        return TypedResults.Ok(new LedgerPage(page, next, total, selection.Sort.Name));
    }
}
