using System.Globalization;
using System.Security.Claims;
using Dispatch.Api.Features.Grids;
using Dispatch.Api.Hosting;
using Dispatch.Contracts.Cases;
using Dispatch.Domain.Cases;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Cases.Queries;

/// <summary>
/// Why a case waits for the dispatcher: <c>unroutable</c> (no routing rule covered it) or <c>returned</c> (回退: a
/// department said it is not theirs). <c>detail</c> is the reason recorded in the trace (the returning person's words,
/// or routing's reason in the request's language), <c>by</c> who recorded it (<c>byName</c>: their name),
/// <c>departmentKey</c> the department that returned it.
/// </summary>
public sealed record DispatchQueueItem(CaseSummary Case, string Reason, string? Detail, DateTimeOffset Since, string? By, string? DepartmentKey,
    string? ByName = null);

public sealed record ManualDispatchList(int Count, IReadOnlyList<DispatchQueueItem> Items);

/// <summary>
/// 人工派遣队列: every case that waits for a dispatcher's hand, oldest first, with the reason it is there. Nothing
/// falls between: a case no rule covers is flagged here by the router (事事有人管), and a returned case is here until
/// it is dispatched again.
/// </summary>
public static class ListManualDispatch
{
    private const int MaxItems = 500;

    public static IEndpointRouteBuilder MapDispatchQueueEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dispatch/queue", Handle).WithTags("Dispatching").RequireAuthorization(AuthSetup.CommandCentrePolicy);
        return app;
    }

    /// <summary>The queue of the caller's grid scope (all of it for an account without one).</summary>
    public static async Task<Ok<ManualDispatchList>> Handle(ClaimsPrincipal user, DispatchDbContext db, CancellationToken ct)
    {
        var waiting = db.Cases.AsNoTracking()
            .Where(c => (c.State == CaseState.ToDispatch && c.NeedsManualDispatch) || c.State == CaseState.Returned)
            .InScopeOf(user);
        var count = await waiting.CountAsync(ct);
        var cases = await db.Summaries(waiting.OrderBy(c => c.UpdatedAt).Take(MaxItems)).ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        string[] reasons = [CaseAction.MarkUnroutable, CaseAction.Return];
        var rows = await db.CaseTraces.AsNoTracking()
            .Where(t => ids.Contains(t.CaseId) && reasons.Contains(t.Action))
            .ToListAsync(ct);
        var latest = rows.GroupBy(t => t.CaseId).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Sequence)!);
        var names = await TraceNames.LoadAsync(db, latest.Values, ct);
        var culture = CultureInfo.CurrentUICulture;
        var items = cases
            .OrderBy(c => c.UpdatedAt).ThenBy(c => c.Number, StringComparer.Ordinal)
            .Select(c =>
            {
                var returned = c.State == nameof(CaseState.Returned);
                var row = latest.GetValueOrDefault(c.Id);
                return new DispatchQueueItem(c, returned ? "returned" : "unroutable",
                    row is null ? null : row.Opinion ?? TraceText.Render(row, names, culture), row?.At ?? c.UpdatedAt,
                    row?.ActorUserName, returned ? row?.DepartmentKey : null,
                    row is null ? null : TraceText.ActorName(row.ActorUserName, row.ActorRole, names, culture));
            })
            .ToList();
        return TypedResults.Ok(new ManualDispatchList(count, items));
    }
}
