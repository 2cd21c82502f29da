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
using Npgsql;

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
    TimeProvider clock)
{
    /// <summary>The assisting departments a request names, once they are known to exist.</summary>
    private List<(Guid Id, string Key)>? _assisting;

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

        var actor = LifecycleActors.For(user, c, action);
        var rule = CaseLifecycle.Rule(action);
        string reason = "";
        var decision = actor is null ? CaseDecision.Forbidden : CaseLifecycle.Decide(c, rule, actor, out reason);
        if (decision == CaseDecision.Forbidden)
            return Forbidden(action, actor is null ? "You hold no role that takes part in the case lifecycle." : reason);

        var errors = CaseActionRules.Check(action, input!, ifMatch);
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
        try
        {
            await ApplyAsync(action, c, actor!, now, request, input.Photos.Select(p => p.ToFile()).ToList(), department, ct);
        }
        catch (CaseForbiddenException e)
        {
            return Forbidden(action, e.Message);
        }
        catch (CaseTransitionException e)
        {
            return Conflict(c, action, "Action not allowed in the current state", e.Message);
        }

        AddEvents(action, c, now, formerDepartment, request);
        await LifecycleOutbox.AddChangesAsync(db, c, sinceVersion, now,
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

    private async Task ApplyAsync(string action, Case c, Actor actor, DateTimeOffset now, CaseActionRequest r,
        IReadOnlyList<PhotoFile> photos, Department? department, CancellationToken ct)
    {
        switch (action)
        {
            case CaseAction.Accept: c.Accept(actor, now, r.Opinion, await clocks.ForAsync(c, ct)); break;
            case CaseAction.Refuse: c.Refuse(actor, now, r.Reason!); break;
            case CaseAction.RequestVerification: c.RequestVerification(actor, now, r.Opinion, await clocks.ForAsync(c, ct)); break;
            case CaseAction.Verify: c.Verify(actor, now, r.Opinion, photos, await clocks.ForAsync(c, ct)); break;
            case CaseAction.File:
                // The clock of the next step (dispatch) does not depend on the category, so it may be built first.
                c.File(actor, now, r.Opinion, await clocks.ForAsync(c, ct), r.CategoryId, r.ConditionId);
                break;
            case CaseAction.Void: c.Void(actor, now, r.Reason!); break;
            case CaseAction.Dispatch:
                c.Dispatch(department!.Id, department.Key, actor, now, r.Opinion, await clocks.ForAsync(c, ct));
                if (_assisting is { Count: > 0 })
                    c.SetAssistingDepartments(_assisting, actor, now);
                break;
            case CaseAction.Assist: c.SetAssistingDepartments(_assisting!, actor, now, r.Opinion); break;
            case CaseAction.Sign: c.Sign(actor, now, r.Opinion); break;
            case CaseAction.Return: c.Return(actor, now, r.Reason!, await clocks.ForAsync(c, ct)); break;
            case CaseAction.RequestExtension: c.RequestExtension(actor, now, CaseActionRules.LimitOf(r)!, r.Reason ?? r.Opinion); break;
            case CaseAction.ApproveExtension: c.ApproveExtension(actor, now, CaseActionRules.LimitOf(r), r.Opinion, await clocks.ForAsync(c, ct)); break;
            case CaseAction.RejectExtension: c.RejectExtension(actor, now, r.Reason!); break;
            case CaseAction.RequestSuspension: c.RequestSuspension(actor, now, r.Reason!); break;
            case CaseAction.ApproveSuspension: c.ApproveSuspension(actor, now, r.Opinion); break;
            case CaseAction.RejectSuspension: c.RejectSuspension(actor, now, r.Reason!); break;
            case CaseAction.Resume: c.Resume(actor, now, r.Opinion, await clocks.ForAsync(c, ct)); break;
            case CaseAction.Feedback: c.Feedback(actor, now, r.Opinion, photos, await clocks.ForAsync(c, ct)); break;
            case CaseAction.RequestCheck: c.RequestCheck(actor, now, r.Opinion); break;
            case CaseAction.Check: c.Check(actor, now, r.Passed!.Value, r.Opinion, photos, await clocks.ForAsync(c, ct)); break;
            case CaseAction.Close: c.Close(actor, now, r.Opinion); break;
            case CaseAction.Escalate: c.Escalate(actor, now, r.Instruction!); break;
            case CaseAction.Callback: c.Callback(actor, now, r.Satisfied!.Value, r.Opinion); break;
            case CaseAction.SelfHandle: c.SelfHandle(actor, now, r.Opinion, photos); break;
            default: throw new InvalidOperationException($"'{action}' is not an action people take.");
        }
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
            return department;
        }
        if (action == CaseAction.File && (r.CategoryId is not null || r.ConditionId is not null))
        {
            var categoryId = r.CategoryId ?? c.CategoryId;
            var category = await db.Categories.AsNoTracking().Include(x => x.Conditions).SingleOrDefaultAsync(x => x.Id == categoryId, ct);
            if (category is null)
                errors["categoryId"] = [$"Unknown category {categoryId}."];
            else if (r.ConditionId is { } conditionId && category.Conditions.All(x => x.Id != conditionId))
                errors["conditionId"] = [$"Condition {conditionId} does not belong to category {category.Code} {category.NameZh}."];
        }
        return null;
    }

    /// <summary>The events particular to an action, beside the action row and the board row every change sends.</summary>
    private void AddEvents(string action, Case c, DateTimeOffset now, string? formerDepartment, CaseActionRequest r)
    {
        switch (action)
        {
            case CaseAction.File:
                // Routing listens for this: the filed case goes on to be dispatched by the rules.
                LifecycleOutbox.Add(db, new CaseFiled(c.Id, c.Number, c.Version, now), now);
                break;
            case CaseAction.Dispatch:
                LifecycleOutbox.Add(db, new CaseDispatched(c.Id, c.Number, c.Version, c.DepartmentKey!, now), now);
                break;
            case CaseAction.Return:
                LifecycleOutbox.Add(db, new CaseReturned(c.Id, c.Number, c.Version, formerDepartment ?? "", r.Reason!, now), now);
                break;
            case CaseAction.Escalate:
                LifecycleOutbox.Add(db, new CaseEscalated(c.Id, c.Number, c.Version, null, null, r.Instruction!, c.Trace[^1].ActorUserName, now), now);
                break;
            case CaseAction.Close or CaseAction.SelfHandle:
                LifecycleOutbox.Add(db, new CaseClosed(c.Id, c.Number, c.Version, c.ReworkCount, c.ExtensionCount, c.ReturnCount, now), now);
                break;
        }
    }

    private static bool IsTraceRowTaken(Exception e) =>
        e is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_case_traces_case_id_sequence" } };

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
