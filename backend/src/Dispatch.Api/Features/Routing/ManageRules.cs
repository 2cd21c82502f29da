using System.Security.Claims;
using Dispatch.Api.Audit;
using Dispatch.Api.Features.Grids;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Routing;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Routing;

/// <summary>
/// Administrators' rule editing (派遣规则维护). Rules are never edited in place: a change retires the rule and starts
/// its successor at the same instant, and retiring sets the end of its validity. Cases filed before a change keep
/// being routed by the rules in force when they were filed.
/// </summary>
public static class ManageRules
{
    public static async Task<Results<Created<RoutingRuleDto>, ValidationProblem>> Create(
        HttpRequest http, ClaimsPrincipal user, DispatchDbContext db, AdminAudit audit, GridDirectory grids, TimeProvider clock, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<RoutingRuleRequest>(http, ct);
        if (problem is not null)
            return problem;
        var now = Now(clock);
        var (draft, validFrom, errors) = await RuleRequests.ValidateAsync(request, db, grids, now, ct);
        if (draft is null)
            return TypedResults.ValidationProblem(errors);
        var rule = RoutingRule.Create(Guid.CreateVersion7(now), draft, user.Identity!.Name!, validFrom);
        db.RoutingRules.Add(rule);
        var dto = (await RuleRequests.LookupsAsync(db, grids, ct)).ToDto(rule, now);
        audit.Record("rule.create", "rule", rule.Id.ToString(), null, dto);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/routing/rules/{rule.Id}", dto);
    }

    /// <summary>Retires the rule and starts its successor with the new values, both from the successor's validFrom.</summary>
    public static async Task<Results<Ok<RoutingRuleDto>, ValidationProblem, ProblemHttpResult>> Change(
        Guid id, HttpRequest http, ClaimsPrincipal user, DispatchDbContext db, AdminAudit audit, GridDirectory grids, TimeProvider clock,
        CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<RoutingRuleRequest>(http, ct);
        if (problem is not null)
            return problem;
        var now = Now(clock);
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
            return NotFound(id);
        if (rule.ValidTo is not null && rule.ValidTo <= now)
            return Retired(rule);
        var (draft, validFrom, errors) = await RuleRequests.ValidateAsync(request, db, grids, now, ct);
        if (draft is null)
            return TypedResults.ValidationProblem(errors);
        if (rule.ValidTo is not null && validFrom >= rule.ValidTo)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["validFrom"] = [$"The rule ends at {rule.ValidTo:O}; its successor must start before that."],
            });

        var lookups = await RuleRequests.LookupsAsync(db, grids, ct);
        var before = lookups.ToDto(rule, now);
        rule.Retire(validFrom);
        var successor = RoutingRule.Create(Guid.CreateVersion7(now), draft, user.Identity!.Name!, validFrom, replacesRuleId: rule.Id);
        db.RoutingRules.Add(successor);
        var after = lookups.ToDto(successor, now);
        audit.Record("rule.change", "rule", rule.Id.ToString(), before, after);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else changed or retired the rule since it was read: neither change is half-applied.
            db.ChangeTracker.Clear();
            return Retired((await db.RoutingRules.AsNoTracking().SingleAsync(r => r.Id == id, ct)));
        }
        return TypedResults.Ok(after);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Retire(
        Guid id, DispatchDbContext db, AdminAudit audit, GridDirectory grids, TimeProvider clock, CancellationToken ct)
    {
        var now = Now(clock);
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
            return NotFound(id);
        if (rule.ValidTo is not null && rule.ValidTo <= now)
            return Retired(rule);
        var lookups = await RuleRequests.LookupsAsync(db, grids, ct);
        var before = lookups.ToDto(rule, now);
        rule.Retire(now);
        audit.Record("rule.retire", "rule", rule.Id.ToString(), before, lookups.ToDto(rule, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Retired((await db.RoutingRules.AsNoTracking().SingleAsync(r => r.Id == id, ct)));
        }
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<List<RoutingRuleDto>>, ValidationProblem>> List(
        string? categoryId, string? includeRetired, DispatchDbContext db, GridDirectory grids, TimeProvider clock, CancellationToken ct)
    {
        var now = Now(clock);
        var query = db.RoutingRules.AsNoTracking();
        if (!string.IsNullOrEmpty(categoryId))
        {
            if (!Guid.TryParse(categoryId, out var category))
                return JsonBody.Invalid("categoryId", $"'{categoryId}' is not a category id.");
            query = query.Where(r => r.CategoryId == category);
        }
        var retiredToo = false;
        if (!string.IsNullOrEmpty(includeRetired) && !bool.TryParse(includeRetired, out retiredToo))
            return JsonBody.Invalid("includeRetired", $"'{includeRetired}' is not true or false.");
        if (!retiredToo)
            query = query.Where(r => r.ValidTo == null || r.ValidTo > now);
        var rules = await query.ToListAsync(ct);
        var lookups = await RuleRequests.LookupsAsync(db, grids, ct);
        return TypedResults.Ok(rules
            .Select(r => lookups.ToDto(r, now))
            .OrderBy(r => r.Category.Kind, StringComparer.Ordinal).ThenBy(r => r.Category.Code, StringComparer.Ordinal)
            .ThenByDescending(r => r.GridCode?.Length ?? 0).ThenByDescending(r => r.Priority).ThenByDescending(r => r.ValidFrom)
            .ToList());
    }

    public static async Task<Results<Ok<RoutingRuleDto>, ProblemHttpResult>> Get(
        Guid id, DispatchDbContext db, GridDirectory grids, TimeProvider clock, CancellationToken ct)
    {
        var rule = await db.RoutingRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
            return NotFound(id);
        return TypedResults.Ok((await RuleRequests.LookupsAsync(db, grids, ct)).ToDto(rule, Now(clock)));
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(title: "Routing rule not found", detail: $"No routing rule {id}.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Retired(RoutingRule rule) =>
        TypedResults.Problem(title: "Routing rule already retired", statusCode: StatusCodes.Status409Conflict,
            detail: $"Routing rule {rule.Id} stopped applying at {rule.ValidTo:O}; change its successor instead.");

    /// <summary>The database keeps microseconds; so do the instants handed out, so that what is read back compares equal.</summary>
    internal static DateTimeOffset Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
