using System.Globalization;
using System.Security.Claims;
using Dispatch.Api.Features.Cases.Clocks;
using Dispatch.Api.Features.Cases.Photos;
using Dispatch.Api.Features.Cases.Queries;
using Dispatch.Api.Features.Grids;
using Dispatch.Contracts.Cases;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Catalogue;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Cases.Actions;

/// <summary>
/// <c>POST /api/cases/{id}/{action}</c>: one handler for every action of the lifecycle table. In order: read the
/// body (400/413/415), find the case (404), ask the table about the caller's role and department (403), check the
/// fields (400), the version the caller saw (409) and the state (409); then change the case and, in one
/// SaveChanges, store it with its trace row, photos and outbox rows. Two concurrent actions on one case: the
/// version column lets exactly one commit, the other gets 409 with the state it lost to.
/// </summary>
public sealed class TakeCaseAction(
    DispatchDbContext db,
    CaseClocks clocks,
    PhotoStore photoStore,
    OnSiteDuty duty,
    TimeProvider clock)
{
    /// <summary>The assisting departments a request names, once they are known to exist.</summary>
    private List<(Guid Id, string Key)>? _assisting;

    /// <summary>内部派遣: the handler a request names, once known to be one of the department's or its sub-units'.</summary>
    private (string UserName, string DepartmentKey)? _assignee;

    public static async Task<Results<Ok<CaseDto>, ValidationProblem, ProblemHttpResult>> Handle(
        string action, Guid id, HttpRequest http, ClaimsPrincipal user, TakeCaseAction handler, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.HandleAsync(action, id, http, user, ct);
    }

    private async Task<Results<Ok<CaseDto>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string action, Guid id, HttpRequest http, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!CaseActionInput.TryReadIfMatch(http, out var ifMatch))
            return CaseActionInput.Invalid("If-Match", "If-Match must carry the case version, e.g. \"7\".");
        var (input, problem) = await CaseActionInput.ReadAsync(http, ct);
        if (problem is not null)
            return problem switch
            {
                ValidationProblem v => v,
                ProblemHttpResult p => p,
                _ => throw new InvalidOperationException("Unexpected problem result."),
            };

        var c = await db.Cases.Include(x => x.Assists).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return TypedResults.Problem(title: "Case not found", detail: $"No case {id}.", statusCode: StatusCodes.Status404NotFound);
        if (user.GridScope() is { } scope && !scope.Covers(c))
            return Forbidden(action, AccountScope.OutsideScope(scope, $"Case {c.Number}"));
        // Someone who may not read the case learns nothing of it from an action either: no state, version or number.
        if (!await user.CanSeeAsync(db, c, ct))
            return Forbidden(action, "You may not read this case, so you may not act on it.");

        var actor = LifecycleActors.For(user, c, action);
        var rule = CaseLifecycle.Rule(action);
        string reason = "";
        var decision = actor is null ? CaseDecision.Forbidden : CaseLifecycle.Decide(c, rule, actor, out reason);
        if (decision == CaseDecision.Forbidden)
            return Forbidden(action, actor is null ? "You hold no role that takes part in the case lifecycle." : reason);

        var errors = CaseActionRules.Check(rule, input!, ifMatch);
        var request = input!.Request;
        Department? department = null;
        if (errors.Count == 0)
            department = await CheckReferencesAsync(action, c, request, errors, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var expected = request.ExpectedVersion ?? ifMatch;
        if (expected is { } seen && seen != c.Version)
            return Conflict(c, action, "The case changed since you loaded it",
                $"You acted on version {seen}; case {c.Number} is at version {c.Version} ({c.State}). Reload and try again.");
        if (decision == CaseDecision.IllegalState)
            return Conflict(c, action, "Action not allowed in the current state", reason);

        foreach (var photo in input.Photos)
            await photoStore.SaveAsync(photo.Sha256, photo.Bytes, ct);

        var now = clock.GetUtcNow();
        var sinceVersion = c.Version;
        var formerDepartment = c.DepartmentKey;
        var formerAssisting = c.Assists.Select(a => a.DepartmentKey).ToList();
        // An on-site task in a grid with nobody on duty goes to a named fallback, and the trace says so.
        var fallback = action is CaseAction.RequestVerification or CaseAction.RequestCheck
            ? await duty.FallbackForAsync(c, ct)
            : null;
        try
        {
            rule.Apply!(c, new ActionArguments(actor!, now)
            {
                Opinion = request.Opinion,
                Reason = request.Reason,
                Instruction = request.Instruction,
                Department = department is null ? null : (department.Id, department.Key),
                Assisting = _assisting,
                Limit = CaseActionRules.LimitOf(request),
                Passed = request.Passed,
                Satisfied = request.Satisfied,
                CategoryId = request.CategoryId,
                ConditionId = request.ConditionId,
                Assignee = _assignee,
                Photos = input.Photos.Select(p => p.ToFile()).ToList(),
                Clock = await clocks.ForAsync(c, ct),
                OnSiteFallback = fallback,
            });
        }
        catch (CaseForbiddenException e)
        {
            return Forbidden(action, e.Message);
        }
        catch (CaseTransitionException e)
        {
            return Conflict(c, action, "Action not allowed in the current state", e.Message);
        }

        await CaseOutbox.AddChangesAsync(db, c, sinceVersion, now,
            formerDepartment is not null && formerDepartment != c.DepartmentKey ? formerDepartment : null, ct, formerAssisting);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || IsTraceRowTaken(e))
        {
            // Another action on the case committed first (its version, or the trace row number, is taken).
            db.ChangeTracker.Clear();
            var current = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == id, ct);
            return Conflict(current, action, "The case changed meanwhile",
                $"Another action on case {current.Number} came first; it is now at version {current.Version} ({current.State}).");
        }

        http.HttpContext.Response.Headers.ETag = $"\"{c.Version.ToString(CultureInfo.InvariantCulture)}\"";
        return TypedResults.Ok((await db.LoadDtoAsync(id, user, ct))!);
    }

    /// <summary>Fields that name other records: the department to dispatch to, the category and condition to file under.</summary>
    private async Task<Department?> CheckReferencesAsync(string action, Case c, CaseActionRequest r, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (r.AssistingDepartmentKeys is { } keys)
        {
            var found = await db.Departments.AsNoTracking().Where(d => keys.Contains(d.Key)).ToListAsync(ct);
            var lead = action == CaseAction.Dispatch ? r.DepartmentKey : c.DepartmentKey;
            if (keys.FirstOrDefault(k => found.All(d => d.Key != k)) is { } unknown)
                errors["assistingDepartmentKeys"] = [$"No department '{unknown}'."];
            else if (found.FirstOrDefault(d => d.Retired) is { } retired)
                errors["assistingDepartmentKeys"] = [$"Department '{retired.Key}' is retired."];
            else if (lead is not null && keys.Contains(lead))
                errors["assistingDepartmentKeys"] = [$"'{lead}' leads the case (主办); it cannot also assist."];
            else
                _assisting = keys.Select(k => found.First(d => d.Key == k)).Select(d => (d.Id, d.Key)).ToList();
        }
        if (action == CaseAction.Dispatch)
        {
            var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Key == r.DepartmentKey, ct);
            if (department is null)
                errors["departmentKey"] = [$"No department '{r.DepartmentKey}'."];
            else if (department.Retired)
                errors["departmentKey"] = [$"Department '{r.DepartmentKey}' is retired; it takes no new cases."];
            return department;
        }
        if (action == CaseAction.AssignHandler)
        {
            await CheckAssigneeAsync(c, r.AssigneeUserName!.Trim(), errors, ct);
            return null;
        }
        if (action == CaseAction.File && (r.CategoryId is not null || r.ConditionId is not null))
        {
            var categoryId = r.CategoryId ?? c.CategoryId;
            var category = await db.Categories.AsNoTracking().Include(x => x.Conditions).SingleOrDefaultAsync(x => x.Id == categoryId, ct);
            if (category is null)
                errors["categoryId"] = [$"Unknown category {categoryId}."];
            else if (r.ConditionId is { } conditionId && category.Conditions.All(x => x.Id != conditionId))
                errors["conditionId"] = [$"Condition {conditionId} does not belong to category {category.Code} {category.NameZh}."];
            // Filing under a retired category or condition is refused only when the filing names it: a case that
            // already carries one keeps it.
            else if (category.RefusalForNewUse(r.ConditionId) is { } retired && (r.CategoryId is not null || category.Conditions.Any(x => x.Id == r.ConditionId && x.IsRetired)))
                errors[r.CategoryId is not null && category.IsRetired ? "categoryId" : "conditionId"] = [retired];
        }
        return null;
    }

    /// <summary>
    /// 内部派遣 goes to an account with the handler role, not disabled, of the department holding the case or of one of
    /// its sub-units in service (at any depth).
    /// </summary>
    private async Task CheckAssigneeAsync(Case c, string userName, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        const string field = "assigneeUserName";
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, ct);
        var isHandler = user is not null && await (from ur in db.UserRoles
                                                   join role in db.Roles on ur.RoleId equals role.Id
                                                   where ur.UserId == user.Id && role.Name == Persistence.Identity.Roles.Handler
                                                   select ur).AnyAsync(ct);
        if (user is null || !isHandler)
        {
            errors[field] = [$"No handler '{userName}'."];
            return;
        }
        if (user.LockoutEnd is { } end && end > clock.GetUtcNow().AddYears(100))
        {
            errors[field] = [$"The account '{userName}' is disabled."];
            return;
        }
        var departments = await db.Departments.AsNoTracking().ToListAsync(ct);
        var units = new List<Department>();
        if (departments.SingleOrDefault(d => d.Id == c.DepartmentId) is { } holding)
            units.Add(holding);
        for (var i = 0; i < units.Count; i++)
            units.AddRange(departments.Where(d => d.ParentId == units[i].Id && !d.Retired && units.All(u => u.Id != d.Id)));
        if (user.DepartmentKey is null || units.All(u => u.Key != user.DepartmentKey))
        {
            errors[field] = [$"'{userName}' is not a handler of {c.DepartmentKey} or of one of its sub-units."];
            return;
        }
        if (string.Equals(c.AssigneeUserName, userName, StringComparison.Ordinal))
        {
            errors[field] = [$"Case {c.Number} is already with '{userName}'."];
            return;
        }
        _assignee = (user.UserName!, user.DepartmentKey);
    }

    private static bool IsTraceRowTaken(Exception e) =>
        e is DbUpdateException && DbErrors.IsUniqueViolation(e, "ix_case_traces_case_id_sequence");

    private static ProblemHttpResult Forbidden(string action, string detail) =>
        TypedResults.Problem(title: $"Not allowed to {action} this case", detail: detail, statusCode: StatusCodes.Status403Forbidden,
            extensions: new Dictionary<string, object?> { ["action"] = action });

    private static ProblemHttpResult Conflict(Case c, string action, string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?>
            {
                ["action"] = action,
                ["state"] = c.State.ToString(),
                ["version"] = c.Version,
            });
}
