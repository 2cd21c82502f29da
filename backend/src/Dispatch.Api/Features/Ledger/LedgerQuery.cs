using System.Security.Claims;
using Dispatch.Api.Features.Grids;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Catalogue;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Ledger;

/// <summary>Turns a parsed <see cref="LedgerFilter"/> into a query over the cases the caller may see.</summary>
public static class LedgerQuery
{
    /// <summary>
    /// The cases the ledger shows <paramref name="user"/>, as the boards do: the command centre its grid scope (all of
    /// it when unscoped), a handler the cases its department leads or assists, anyone else the cases they reported.
    /// </summary>
    public static IQueryable<Case> VisibleTo(this IQueryable<Case> cases, ClaimsPrincipal user, DispatchDbContext db)
    {
        if (Roles.CommandCentre.Any(user.IsInRole))
            return cases.InScopeOf(user);
        var department = user.FindFirstValue(DispatchClaims.DepartmentKey);
        if (user.IsInRole(Roles.Handler) && department is not null)
            return cases.Where(c => c.DepartmentKey == department
                || db.CaseAssists.Any(a => a.CaseId == c.Id && a.DepartmentKey == department));
        var userName = user.Identity?.Name ?? "";
        return cases.Where(c => c.ReportedBy == userName);
    }

    /// <summary>
    /// Applies the filters; category codes are resolved to ids first (a code that names no category is an error on
    /// <c>category</c>), and text matches the number, description, caller, or the names of the grid nodes the case
    /// lies in (its address as the grid names it).
    /// </summary>
    /// <param name="searchCaller">Whether text may match the hotline caller: only for the command centre, who see callers.</param>
    public static async Task<IQueryable<Case>> ApplyAsync(this IQueryable<Case> cases, LedgerFilter filter, DispatchDbContext db,
        GridSnapshot grids, bool searchCaller, IDictionary<string, string[]> errors, CancellationToken ct)
    {
        if (filter.From is { } from)
            cases = filter.Period switch
            {
                LedgerPeriod.Dispatched => cases.Where(c => c.DispatchedAt >= from),
                LedgerPeriod.Closed => cases.Where(c => c.ClosedAt >= from),
                _ => cases.Where(c => c.ReportedAt >= from),
            };
        if (filter.To is { } to)
            cases = filter.Period switch
            {
                LedgerPeriod.Dispatched => cases.Where(c => c.DispatchedAt < to),
                LedgerPeriod.Closed => cases.Where(c => c.ClosedAt < to),
                _ => cases.Where(c => c.ReportedAt < to),
            };
        if (filter.From is null && filter.To is null && filter.Period == LedgerPeriod.Dispatched)
            cases = cases.Where(c => c.DispatchedAt != null);
        if (filter.From is null && filter.To is null && filter.Period == LedgerPeriod.Closed)
            cases = cases.Where(c => c.ClosedAt != null);
        if (filter.States.Count > 0)
        {
            var states = filter.States.ToList();
            cases = cases.Where(c => states.Contains(c.State));
        }
        if (filter.Lights.Count > 0)
        {
            var lights = filter.Lights.Select(l => (CaseLight?)l).ToList();
            cases = cases.Where(c => lights.Contains(c.Light));
        }
        if (filter.Sources.Count > 0)
        {
            var sources = filter.Sources.ToList();
            cases = cases.Where(c => sources.Contains(c.Source));
        }
        if (filter.Categories.Count > 0)
        {
            var catalogue = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Kind, c.Code }).ToListAsync(ct);
            var ids = new List<Guid>();
            foreach (var range in filter.Categories)
            {
                var matched = catalogue.Where(c => (range.Kind is null || c.Kind == range.Kind)
                    && string.CompareOrdinal(c.Code, range.From) >= 0 && string.CompareOrdinal(c.Code, range.To) <= 0).ToList();
                if (matched.Count == 0)
                    errors["category"] = [$"No category {(range.Kind is { } k ? k.ToString().ToLowerInvariant() + ":" : "")}{range.From}{(range.To != range.From ? "-" + range.To : "")}."];
                ids.AddRange(matched.Select(c => c.Id));
            }
            cases = cases.Where(c => ids.Contains(c.CategoryId));
        }
        if (filter.Conditions.Count > 0)
        {
            var conditions = filter.Conditions.Select(c => (Guid?)c).ToList();
            cases = cases.Where(c => conditions.Contains(c.ConditionId));
        }
        if (filter.Grid is { } grid)
        {
            if (grids.Find(grid.Value) is null)
                errors["grid"] = [$"No grid node {grid.Value}."];
            cases = cases.InGrid(grid);
        }
        if (filter.Department is { } department)
        {
            if (!await db.Departments.AnyAsync(d => d.Key == department, ct))
                errors["department"] = [$"No department '{department}'."];
            cases = filter.DepartmentRole switch
            {
                DepartmentRole.Lead => cases.Where(c => c.DepartmentKey == department),
                DepartmentRole.Assisting => cases.Where(c => db.CaseAssists.Any(a => a.CaseId == c.Id && a.DepartmentKey == department)),
                _ => cases.Where(c => c.DepartmentKey == department || db.CaseAssists.Any(a => a.CaseId == c.Id && a.DepartmentKey == department)),
            };
        }
        if (filter.Reporter is { } reporter)
            cases = cases.Where(c => c.ReportedBy == reporter);
        if (filter.Overdue is { } overdue)
            cases = cases.Where(c => c.WasOverdue == overdue);
        if (filter.Escalated is { } escalated)
            cases = cases.Where(c => c.Escalated == escalated);
        if (filter.Reworked is { } reworked)
            cases = reworked ? cases.Where(c => c.ReworkCount > 0) : cases.Where(c => c.ReworkCount == 0);
        if (filter.Extended is { } extended)
            cases = extended ? cases.Where(c => c.ExtensionCount > 0) : cases.Where(c => c.ExtensionCount == 0);
        if (filter.Suspended is { } suspended)
            cases = suspended ? cases.Where(c => c.State == CaseState.Suspended) : cases.Where(c => c.State != CaseState.Suspended);
        if (filter.Component is { } component)
            cases = cases.Where(c => c.ComponentId == component);
        if (filter.Text is { } text)
        {
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            // The address: grid nodes whose names hold the text (a few hundred nodes, matched in memory).
            var places = grids.Nodes.Where(n => n.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
                .Select(n => n.Code).Take(500).ToList();
            // Each ILIKE has a trigram index (migration Ledger_TextSearch), so the OR is a bitmap OR of index scans.
            cases = (places.Count > 0, searchCaller) switch
            {
                (false, false) => cases.Where(c => EF.Functions.ILike(c.Description, pattern) || EF.Functions.ILike(c.Number, pattern)),
                (false, true) => cases.Where(c => EF.Functions.ILike(c.Description, pattern) || EF.Functions.ILike(c.Number, pattern)
                    || EF.Functions.ILike(c.CallerName!, pattern) || EF.Functions.ILike(c.CallerPhone!, pattern)),
                (true, false) => cases.Where(c => EF.Functions.ILike(c.Description, pattern) || EF.Functions.ILike(c.Number, pattern)
                    || places.Contains(c.UnitGridCode!) || places.Contains(c.CommunityCode!) || places.Contains(c.StreetCode!)),
                (true, true) => cases.Where(c => EF.Functions.ILike(c.Description, pattern) || EF.Functions.ILike(c.Number, pattern)
                    || EF.Functions.ILike(c.CallerName!, pattern) || EF.Functions.ILike(c.CallerPhone!, pattern)
                    || places.Contains(c.UnitGridCode!) || places.Contains(c.CommunityCode!) || places.Contains(c.StreetCode!)),
            };
        }
        return cases;
    }
}
