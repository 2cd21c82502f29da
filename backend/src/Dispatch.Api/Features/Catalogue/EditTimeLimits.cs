using System.Globalization;
using Dispatch.Api.Audit;
using Dispatch.Domain.Calendar;
using Dispatch.Domain.Catalogue;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Catalogue;

/// <summary>A handling limit as administrators send it: <c>{ "limit": 4, "unit": "working_hours" }</c>.</summary>
public sealed record TimeLimitRequest(decimal? Limit, string? Unit);

public sealed record AreaLimitDto(Guid ConditionId, string AreaClass, decimal Limit, string Unit);

/// <summary>
/// Administrators edit the catalogue's time limits: a filing condition's own handling limit, and the limit an area
/// class (A 核心区 / B 一般区 / C) has for it. New deadlines use the new limits; running ones keep theirs.
/// </summary>
public static class EditTimeLimits
{
    /// <summary>The longest limit accepted, in any unit: a guard against typos.</summary>
    public const decimal MaxLimit = 10_000;

    public static IEndpointRouteBuilder MapTimeLimitEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/categories/{categoryId:guid}/conditions/{conditionId:guid}")
            .WithTags("Catalogue").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapPut("/limit", SetConditionLimit).Audited("limit.set");
        group.MapGet("/limits", ListAreaLimits);
        group.MapPut("/limits/{areaClass}", SetAreaLimit).Audited("limit.area.set");
        group.MapDelete("/limits/{areaClass}", DeleteAreaLimit).Audited("limit.area.delete");
        return app;
    }

    private static async Task<Results<Ok<ConditionDto>, ValidationProblem, ProblemHttpResult>> SetConditionLimit(
        Guid categoryId, Guid conditionId, TimeLimitRequest? body, DispatchDbContext db, AdminAudit audit, CancellationToken ct)
    {
        var condition = await db.CategoryConditions.SingleOrDefaultAsync(c => c.Id == conditionId && c.CategoryId == categoryId, ct);
        if (condition is null)
            return NotFound(categoryId, conditionId);
        if (Parse(body, out var errors) is not { } limit)
            return TypedResults.ValidationProblem(errors);
        var before = ConditionDto.From(condition);
        condition.SetLimit(limit);
        audit.Record("limit.set", "limit", $"{conditionId}", before, ConditionDto.From(condition));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ConditionDto.From(condition));
    }

    private static async Task<Results<Ok<List<AreaLimitDto>>, ProblemHttpResult>> ListAreaLimits(
        Guid categoryId, Guid conditionId, DispatchDbContext db, CancellationToken ct)
    {
        if (!await db.CategoryConditions.AnyAsync(c => c.Id == conditionId && c.CategoryId == categoryId, ct))
            return NotFound(categoryId, conditionId);
        var limits = await db.ConditionTimeLimits.AsNoTracking().Where(l => l.ConditionId == conditionId)
            .OrderBy(l => l.AreaClass).ToListAsync(ct);
        return TypedResults.Ok(limits.Select(l => new AreaLimitDto(l.ConditionId, l.AreaClass, l.Limit, l.Unit)).ToList());
    }

    private static async Task<Results<Ok<AreaLimitDto>, ValidationProblem, ProblemHttpResult>> SetAreaLimit(
        Guid categoryId, Guid conditionId, string areaClass, TimeLimitRequest? body, DispatchDbContext db, AdminAudit audit, CancellationToken ct)
    {
        if (!await db.CategoryConditions.AnyAsync(c => c.Id == conditionId && c.CategoryId == categoryId, ct))
            return NotFound(categoryId, conditionId);
        var limit = Parse(body, out var errors);
        if (!IsAreaClass(areaClass))
            errors["areaClass"] = [AreaClassRule];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var row = await db.ConditionTimeLimits.SingleOrDefaultAsync(l => l.ConditionId == conditionId && l.AreaClass == areaClass, ct);
        var before = row is null ? null : new AreaLimitDto(row.ConditionId, row.AreaClass, row.Limit, row.Unit);
        if (row is null)
            db.ConditionTimeLimits.Add(row = new ConditionTimeLimit(conditionId, areaClass, limit!));
        else
            row.Set(limit!);
        audit.Record("limit.area.set", "limit", $"{conditionId}/{areaClass}", before, new AreaLimitDto(row.ConditionId, row.AreaClass, row.Limit, row.Unit));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new AreaLimitDto(row.ConditionId, row.AreaClass, row.Limit, row.Unit));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAreaLimit(
        Guid categoryId, Guid conditionId, string areaClass, DispatchDbContext db, AdminAudit audit, CancellationToken ct)
    {
        if (!await db.CategoryConditions.AnyAsync(c => c.Id == conditionId && c.CategoryId == categoryId, ct))
            return NotFound(categoryId, conditionId);
        if (!IsAreaClass(areaClass))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["areaClass"] = [AreaClassRule] });
        // A tracked delete, so the audit row commits with it; deleting a limit that is not there changes nothing.
        var row = await db.ConditionTimeLimits.SingleOrDefaultAsync(l => l.ConditionId == conditionId && l.AreaClass == areaClass, ct);
        if (row is null)
            return TypedResults.NoContent();
        db.ConditionTimeLimits.Remove(row);
        audit.Record("limit.area.delete", "limit", $"{conditionId}/{areaClass}", new AreaLimitDto(row.ConditionId, row.AreaClass, row.Limit, row.Unit), null);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static bool IsAreaClass(string areaClass) =>
        areaClass.Length is > 0 and <= ConditionTimeLimit.MaxAreaClassLength && areaClass.All(char.IsAsciiLetterOrDigit);

    private static string AreaClassRule => $"An area class is 1 to {ConditionTimeLimit.MaxAreaClassLength} letters or digits, such as A, B or C.";

    internal static TimeLimit? Parse(TimeLimitRequest? body, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (body is null)
        {
            errors["body"] = ["Send { \"limit\": number, \"unit\": \"working_hours\" | \"urgent_hours\" | \"working_days\" | \"calendar_days\" }."];
            return null;
        }
        TimeLimitUnit? unit = null;
        if (string.IsNullOrWhiteSpace(body.Unit))
            errors["unit"] = ["The unit is required: working_hours, urgent_hours, working_days or calendar_days."];
        else
        {
            try
            {
                unit = TimeLimit.ParseUnit(body.Unit);
            }
            catch (FormatException e)
            {
                errors["unit"] = [e.Message];
            }
        }
        if (body.Limit is not { } amount)
            errors["limit"] = ["The limit is required."];
        else if (amount < 0 || amount > MaxLimit)
            errors["limit"] = [$"A limit is between 0 and {MaxLimit.ToString(CultureInfo.InvariantCulture)}."];
        else if (decimal.Round(amount, 2) != amount)
            errors["limit"] = ["A limit has at most two decimals."];
        else if (unit == TimeLimitUnit.WorkingDays && decimal.Truncate(amount) != amount)
            errors["limit"] = ["Working days are whole days; use working_hours for fractions."];
        return errors.Count == 0 ? new TimeLimit(body.Limit!.Value, unit!.Value) : null;
    }

    private static ProblemHttpResult NotFound(Guid categoryId, Guid conditionId) =>
        TypedResults.Problem(title: "Condition not found", detail: $"Category {categoryId} has no condition {conditionId}.",
            statusCode: StatusCodes.Status404NotFound);
}
