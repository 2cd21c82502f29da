using System.Globalization;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Audit;

/// <param name="Before">The record before the change, as the API showed it; null when it was created.</param>
/// <param name="After">The record after the change; null when it was removed.</param>
public sealed record AuditEntryDto(long Id, DateTimeOffset At, string Actor, string ActorName, string Action, string SubjectType,
    string SubjectKey, string? Before, string? After);

/// <param name="Next">The cursor for the next (older) page, or null on the last page.</param>
public sealed record AuditPageDto(IReadOnlyList<AuditEntryDto> Items, string? Next);

/// <summary>The audit log as administrators read it: newest first, filtered, keyset-paged by id.</summary>
public static class AuditLog
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static IServiceCollection AddAdminAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        return services.AddScoped<AdminAudit>();
    }

    public static IEndpointRouteBuilder MapAuditLog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/audit", List).WithTags("Audit").RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("The audit log of administrative changes, newest first");
        return app;
    }

    /// <param name="subjectType">account, department, grid, category, calendar, component, rule...</param>
    /// <param name="subjectKey">The record's key (exact).</param>
    /// <param name="actor">The account that made the change (exact).</param>
    /// <param name="action">An action code, or its prefix ending in a dot (<c>account.</c>).</param>
    /// <param name="q">Text found in the key, the action or the before/after snapshots.</param>
    /// <param name="from">Changes at or after this instant.</param>
    /// <param name="to">Changes before this instant.</param>
    /// <param name="before">Cursor: entries older than this id (the <c>next</c> of the previous page).</param>
    /// <param name="limit">Page size, 1 to 200 (50 by default).</param>
    private static async Task<Results<Ok<AuditPageDto>, ValidationProblem>> List(
        DispatchDbContext db, CancellationToken ct,
        string? subjectType = null, string? subjectKey = null, string? actor = null, string? action = null, string? q = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, string? before = null, int? limit = null)
    {
        var errors = new Dictionary<string, string[]>();
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
            errors["limit"] = [$"A page holds 1 to {MaxLimit} entries."];
        long? cursor = null;
        if (before is not null)
        {
            if (long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
                cursor = id;
            else
                errors["before"] = ["The cursor is the 'next' value of a previous page."];
        }
        if (from is not null && to is not null && from >= to)
            errors["to"] = ["'to' must be later than 'from'."];
        if (q is { Length: > 100 })
            errors["q"] = ["Search text is at most 100 characters."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(subjectType))
            rows = rows.Where(e => e.SubjectType == subjectType.Trim());
        if (!string.IsNullOrWhiteSpace(subjectKey))
            rows = rows.Where(e => e.SubjectKey == subjectKey.Trim());
        if (!string.IsNullOrWhiteSpace(actor))
            rows = rows.Where(e => e.Actor == actor.Trim());
        if (!string.IsNullOrWhiteSpace(action))
        {
            var a = action.Trim();
            rows = a.EndsWith('.') ? rows.Where(e => e.Action.StartsWith(a)) : rows.Where(e => e.Action == a);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            rows = rows.Where(e => EF.Functions.ILike(e.SubjectKey, pattern) || EF.Functions.ILike(e.Action, pattern)
                || (e.Before != null && EF.Functions.ILike(e.Before, pattern)) || (e.After != null && EF.Functions.ILike(e.After, pattern)));
        }
        // The database keeps instants in UTC and takes only UTC parameters; "+08:00" in a query string is fine.
        if (from?.ToUniversalTime() is { } since)
            rows = rows.Where(e => e.At >= since);
        if (to?.ToUniversalTime() is { } until)
            rows = rows.Where(e => e.At < until);
        if (cursor is not null)
            rows = rows.Where(e => e.Id < cursor);

        var page = await rows.OrderByDescending(e => e.Id).Take(take + 1).ToListAsync(ct);
        var actors = page.Select(e => e.Actor).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => actors.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, ct);
        var items = page.Take(take).Select(e => new AuditEntryDto(e.Id, e.At, e.Actor, names.GetValueOrDefault(e.Actor, e.Actor),
            e.Action, e.SubjectType, e.SubjectKey, e.Before, e.After)).ToList();
        var next = page.Count > take ? items[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new AuditPageDto(items, next));
    }
}
