using Dispatch.Api.Audit;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Catalogue;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Catalogue;

/// <summary>A category as an administrator sends it. Kind and code are given on creation and never change.</summary>
public sealed record CategoryRequest(
    string? Kind, string? Code, string? MajorNameZh, string? MajorNameEn, string? NameZh, string? NameEn,
    string? DepartmentKind, uint? Version = null);

/// <summary>A filing condition as an administrator sends it; on an edit, limit and unit may be left out to keep them.</summary>
public sealed record ConditionRequest(
    string? NameZh, string? NameEn, string? ClosingStandardZh, string? ClosingStandardEn, decimal? Limit, string? Unit,
    uint? Version = null);

/// <summary>
/// Administrators keep the catalogue (案件分类): add and edit categories and their filing conditions (立案条件) with
/// closing standards (结案条件) and limits, and retire or restore them. Nothing is ever deleted: a retired category
/// or condition is no longer offered for new reports or filings, and the cases that carry it keep it.
/// </summary>
public static class ManageCatalogue
{
    /// <summary>The department kind that means "the street office of the case's street" (属地).</summary>
    public const string TerritoryKind = "territory";

    public static IEndpointRouteBuilder MapCatalogueAdministration(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/categories").WithTags("Catalogue").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapPost("/", CreateCategory).Audited("category.create");
        group.MapPut("/{categoryId:guid}", EditCategory).Audited("category.edit");
        group.MapPost("/{categoryId:guid}/retire", RetireCategory).Audited("category.retire");
        group.MapPost("/{categoryId:guid}/restore", RestoreCategory).Audited("category.restore");
        group.MapPost("/{categoryId:guid}/conditions", CreateCondition).Audited("condition.create");
        group.MapPut("/{categoryId:guid}/conditions/{conditionId:guid}", EditCondition).Audited("condition.edit");
        group.MapPost("/{categoryId:guid}/conditions/{conditionId:guid}/retire", RetireCondition).Audited("condition.retire");
        group.MapPost("/{categoryId:guid}/conditions/{conditionId:guid}/restore", RestoreCondition).Audited("condition.restore");
        return app;
    }

    private static async Task<Results<Created<CategoryDto>, ValidationProblem, ProblemHttpResult>> CreateCategory(
        HttpRequest http, DispatchDbContext db, AdminAudit audit, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<CategoryRequest>(http, ct);
        if (problem is not null)
            return problem;
        var errors = await CheckAsync(request!, db, ct);
        var kind = request!.Kind?.Trim() switch { "event" or "事件" => CategoryKind.Event, "component" or "部件" => CategoryKind.Component, _ => (CategoryKind?)null };
        if (kind is null)
            errors["kind"] = ["The kind is required: event (事件) or component (部件)."];
        var code = request.Code?.Trim();
        if (string.IsNullOrEmpty(code))
            errors["code"] = ["The code is required: 4 digits, major class (2) + minor class (2), e.g. 0118."];
        else if (code.Length != 4 || !code.All(char.IsAsciiDigit) || code[..2] == "00" || code[2..] == "00")
            errors["code"] = [$"'{code}' is not a category code: 4 digits, major class (2) + minor class (2), neither 00."];
        else if (kind is { } k && await db.Categories.AnyAsync(c => c.Kind == k && c.Code == code, ct))
            errors["code"] = [$"The catalogue already has {CategoryDto.KindName(k)} category {code}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var category = new Category(Guid.CreateVersion7(), kind!.Value, code![..2], request.MajorNameZh!.Trim(), request.MajorNameEn!.Trim(),
            code, request.NameZh!.Trim(), request.NameEn!.Trim(), request.DepartmentKind!.Trim());
        db.Categories.Add(category);
        audit.Record("category.create", "category", category.Id.ToString(), null, CategoryDto.From(category));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return JsonBody.Invalid("code", $"The catalogue already has {CategoryDto.KindName(kind.Value)} category {code}.");
        }
        return TypedResults.Created($"/api/categories/{category.Id}", CategoryDto.From(category));
    }

    private static async Task<Results<Ok<CategoryDto>, ValidationProblem, ProblemHttpResult>> EditCategory(
        Guid categoryId, HttpRequest http, DispatchDbContext db, AdminAudit audit, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<CategoryRequest>(http, ct);
        if (problem is not null)
            return problem;
        var category = await db.Categories.Include(c => c.Conditions).SingleOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null)
            return CategoryNotFound(categoryId);
        var errors = await CheckAsync(request!, db, ct);
        if (request!.Kind is { } kind && kind.Trim() is var k && k != CategoryDto.KindName(category.Kind)
            && !(k == "事件" && category.Kind == CategoryKind.Event) && !(k == "部件" && category.Kind == CategoryKind.Component))
            errors["kind"] = ["The kind of a category does not change; add a new category instead."];
        if (request.Code is { } code && code.Trim() != category.Code)
            errors["code"] = ["The code of a category does not change (component ids and rules carry it); add a new category instead."];
        if (request.Version is null)
            return EditConflicts.VersionMissing();
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (request.Version != category.Version)
            return EditConflicts.Conflict($"Category {category.Code}", request.Version.ToString(), category.Version.ToString(), CategoryDto.From(category));
        var before = CategoryDto.From(category);
        category.Edit(request.MajorNameZh!, request.MajorNameEn!, request.NameZh!, request.NameEn!, request.DepartmentKind!);
        db.Entry(category).Property(c => c.Version).OriginalValue = request.Version.Value;
        audit.Record("category.edit", "category", category.Id.ToString(), before, CategoryDto.From(category));
        return await SaveAsync(db, ct) ? TypedResults.Ok(CategoryDto.From(category)) : await CategoryConflictAsync(db, categoryId, request.Version.Value, ct);
    }

    private static Task<Results<Ok<CategoryDto>, ProblemHttpResult>> RetireCategory(
        Guid categoryId, DispatchDbContext db, AdminAudit audit, TimeProvider clock, CancellationToken ct) =>
        FlipCategoryAsync(categoryId, "category.retire", c => c.Retire(clock.GetUtcNow()), db, audit, ct);

    private static Task<Results<Ok<CategoryDto>, ProblemHttpResult>> RestoreCategory(
        Guid categoryId, DispatchDbContext db, AdminAudit audit, CancellationToken ct) =>
        FlipCategoryAsync(categoryId, "category.restore", c => c.Restore(), db, audit, ct);

    private static async Task<Results<Ok<CategoryDto>, ProblemHttpResult>> FlipCategoryAsync(
        Guid categoryId, string action, Action<Category> change, DispatchDbContext db, AdminAudit audit, CancellationToken ct)
    {
        var category = await db.Categories.Include(c => c.Conditions).SingleOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null)
            return CategoryNotFound(categoryId);
        var before = CategoryDto.From(category);
        change(category);
        if (db.Entry(category).State == EntityState.Unchanged)
            return TypedResults.Ok(before);
        audit.Record(action, "category", category.Id.ToString(), before, CategoryDto.From(category));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CategoryDto.From(category));
    }

    private static async Task<Results<Created<ConditionDto>, ValidationProblem, ProblemHttpResult>> CreateCondition(
        Guid categoryId, HttpRequest http, DispatchDbContext db, AdminAudit audit, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<ConditionRequest>(http, ct);
        if (problem is not null)
            return problem;
        var category = await db.Categories.Include(c => c.Conditions).SingleOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null)
            return CategoryNotFound(categoryId);
        var errors = Check(request!);
        var limit = EditTimeLimits.Parse(new TimeLimitRequest(request!.Limit, request.Unit), out var limitErrors);
        foreach (var (field, messages) in limitErrors)
            errors[field] = messages;
        if (errors.Count == 0 && category.Conditions.Any(c => c.NameZh == request.NameZh!.Trim()))
            errors["nameZh"] = [$"Category {category.Code} already has a condition {request.NameZh!.Trim()}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var condition = category.AddCondition(Guid.CreateVersion7(), request.NameZh!, request.NameEn!,
            request.ClosingStandardZh ?? "", request.ClosingStandardEn ?? "", limit!.Amount, Calendar(limit));
        db.CategoryConditions.Add(condition);
        audit.Record("condition.create", "condition", condition.Id.ToString(), null, ConditionDto.From(condition));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/categories/{categoryId}/conditions/{condition.Id}", ConditionDto.From(condition));
    }

    private static async Task<Results<Ok<ConditionDto>, ValidationProblem, ProblemHttpResult>> EditCondition(
        Guid categoryId, Guid conditionId, HttpRequest http, DispatchDbContext db, AdminAudit audit, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<ConditionRequest>(http, ct);
        if (problem is not null)
            return problem;
        var condition = await db.CategoryConditions.SingleOrDefaultAsync(c => c.Id == conditionId && c.CategoryId == categoryId, ct);
        if (condition is null)
            return ConditionNotFound(categoryId, conditionId);
        var errors = Check(request!);
        Domain.Calendar.TimeLimit? limit = null;
        if (request!.Limit is not null || request.Unit is not null)
        {
            limit = EditTimeLimits.Parse(new TimeLimitRequest(request.Limit, request.Unit), out var limitErrors);
            foreach (var (field, messages) in limitErrors)
                errors[field] = messages;
        }
        if (request.Version is null)
            return EditConflicts.VersionMissing();
        if (errors.Count == 0 && request.NameZh!.Trim() != condition.NameZh
            && await db.CategoryConditions.AnyAsync(c => c.CategoryId == categoryId && c.Id != conditionId && c.NameZh == request.NameZh.Trim(), ct))
            errors["nameZh"] = [$"This category already has a condition {request.NameZh.Trim()}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (request.Version != condition.Version)
            return EditConflicts.Conflict($"Condition {condition.NameZh}", request.Version.ToString(), condition.Version.ToString(), ConditionDto.From(condition));
        var before = ConditionDto.From(condition);
        condition.Edit(request.NameZh!, request.NameEn!, request.ClosingStandardZh ?? "", request.ClosingStandardEn ?? "");
        if (limit is not null)
            condition.SetLimit(limit);
        db.Entry(condition).Property(c => c.Version).OriginalValue = request.Version.Value;
        audit.Record("condition.edit", "condition", condition.Id.ToString(), before, ConditionDto.From(condition));
        if (await SaveAsync(db, ct))
            return TypedResults.Ok(ConditionDto.From(condition));
        var current = await db.CategoryConditions.AsNoTracking().SingleAsync(c => c.Id == conditionId, ct);
        return EditConflicts.Conflict($"Condition {current.NameZh}", request.Version.ToString(), current.Version.ToString(), ConditionDto.From(current));
    }

    private static Task<Results<Ok<ConditionDto>, ProblemHttpResult>> RetireCondition(
        Guid categoryId, Guid conditionId, DispatchDbContext db, AdminAudit audit, TimeProvider clock, CancellationToken ct) =>
        FlipConditionAsync(categoryId, conditionId, "condition.retire", c => c.Retire(clock.GetUtcNow()), db, audit, ct);

    private static Task<Results<Ok<ConditionDto>, ProblemHttpResult>> RestoreCondition(
        Guid categoryId, Guid conditionId, DispatchDbContext db, AdminAudit audit, CancellationToken ct) =>
        FlipConditionAsync(categoryId, conditionId, "condition.restore", c => c.Restore(), db, audit, ct);

    private static async Task<Results<Ok<ConditionDto>, ProblemHttpResult>> FlipConditionAsync(
        Guid categoryId, Guid conditionId, string action, Action<CategoryCondition> change, DispatchDbContext db, AdminAudit audit, CancellationToken ct)
    {
        var condition = await db.CategoryConditions.SingleOrDefaultAsync(c => c.Id == conditionId && c.CategoryId == categoryId, ct);
        if (condition is null)
            return ConditionNotFound(categoryId, conditionId);
        var before = ConditionDto.From(condition);
        change(condition);
        if (db.Entry(condition).State == EntityState.Unchanged)
            return TypedResults.Ok(before);
        audit.Record(action, "condition", condition.Id.ToString(), before, ConditionDto.From(condition));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ConditionDto.From(condition));
    }

    /// <summary>The fields a category's create and edit share.</summary>
    private static async Task<Dictionary<string, string[]>> CheckAsync(CategoryRequest r, DispatchDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "majorNameZh", r.MajorNameZh, Category.MaxNameZhLength, required: true);
        Text(errors, "majorNameEn", r.MajorNameEn, Category.MaxNameEnLength, required: true);
        Text(errors, "nameZh", r.NameZh, Category.MaxNameZhLength, required: true);
        Text(errors, "nameEn", r.NameEn, Category.MaxNameEnLength, required: true);
        var kind = r.DepartmentKind?.Trim();
        if (string.IsNullOrEmpty(kind))
            errors["departmentKind"] = [$"The responsible department kind is required ({TerritoryKind} for the street office)."];
        else if (kind != TerritoryKind && !await db.Departments.AnyAsync(d => d.Kind == kind, ct))
            errors["departmentKind"] = [$"No department is of kind '{kind}'; name the kind of an existing department, or {TerritoryKind}."];
        return errors;
    }

    private static Dictionary<string, string[]> Check(ConditionRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "nameZh", r.NameZh, Category.MaxNameZhLength, required: true);
        Text(errors, "nameEn", r.NameEn, Category.MaxNameEnLength, required: true);
        Text(errors, "closingStandardZh", r.ClosingStandardZh, Category.MaxClosingStandardLength, required: false);
        Text(errors, "closingStandardEn", r.ClosingStandardEn, Category.MaxClosingStandardLength, required: false);
        return errors;
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
                errors[field] = ["Required."];
        }
        else if (value.Trim().Length > max)
            errors[field] = [$"At most {max} characters (got {value.Trim().Length})."];
        else if (TextRules.FirstRefused(value) >= 0)
            errors[field] = [TextRules.Refusal(value, TextRules.FirstRefused(value))];
    }

    private static string Calendar(Domain.Calendar.TimeLimit limit) => Domain.Calendar.TimeLimit.UnitName(limit.Unit);

    private static async Task<bool> SaveAsync(DispatchDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static async Task<ProblemHttpResult> CategoryConflictAsync(DispatchDbContext db, Guid categoryId, uint sent, CancellationToken ct)
    {
        var current = await db.Categories.AsNoTracking().Include(c => c.Conditions).SingleAsync(c => c.Id == categoryId, ct);
        return EditConflicts.Conflict($"Category {current.Code}", sent.ToString(), current.Version.ToString(), CategoryDto.From(current));
    }

    private static ProblemHttpResult CategoryNotFound(Guid categoryId) =>
        TypedResults.Problem(title: "Category not found", detail: $"No category {categoryId}.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult ConditionNotFound(Guid categoryId, Guid conditionId) =>
        TypedResults.Problem(title: "Condition not found", detail: $"Category {categoryId} has no condition {conditionId}.",
            statusCode: StatusCodes.Status404NotFound);
}
