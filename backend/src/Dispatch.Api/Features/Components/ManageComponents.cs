using Dispatch.Api.Audit;
using Dispatch.Api.Features.Catalogue;
using Dispatch.Api.Features.Grids;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Components;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Components;

/// <summary>One page of the inventory, with the number of components the filters match.</summary>
public sealed record ComponentPage(IReadOnlyList<ComponentDto> Items, int Total, int Page, int PageSize);

/// <summary>
/// An edit of one census record. The id and with it the category never change; owner is a department key (empty:
/// no owner on record); the point must lie in the component's district and decides its unit grid.
/// </summary>
public sealed record ComponentEditRequest(string? Owner, string? Maintainer, string? State, double? Longitude, double? Latitude, uint? Version);

/// <summary>部件普查 administration: the inventory as a searchable list and map, edits of one record, retire and restore.</summary>
public static class ManageComponents
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// Filters: <c>q</c> matches the id's digits or the maintainer; <c>category</c> a 4-digit code; <c>grid</c> a grid
    /// code prefix (district, street, community or unit); <c>condition</c> one of the condition names;
    /// <c>includeRetired</c> lists retired records too. Ordered by id.
    /// </summary>
    public static async Task<Results<Ok<ComponentPage>, ValidationProblem>> List(
        string? q, string? category, string? grid, string? condition, string? includeRetired, string? page, string? pageSize,
        DispatchDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var pageNumber = Number(page, "page", 1, int.MaxValue, 1, errors);
        var size = Number(pageSize, "pageSize", 1, MaxPageSize, 50, errors);
        var all = false;
        if (!string.IsNullOrEmpty(includeRetired) && !bool.TryParse(includeRetired, out all))
            errors["includeRetired"] = ["Send true or false."];
        if (!string.IsNullOrEmpty(grid) && (grid.Length > 15 || !grid.All(char.IsAsciiDigit)))
            errors["grid"] = [$"'{grid}' is not a grid code (up to 15 digits)."];
        ComponentCondition? wanted = null;
        if (!string.IsNullOrEmpty(condition))
        {
            wanted = Enum.GetValues<ComponentCondition>().Cast<ComponentCondition?>().FirstOrDefault(c => ComponentConditions.Name(c!.Value) == condition);
            if (wanted is null)
                errors["condition"] = [$"'{condition}' is not a condition: {string.Join(", ", Enum.GetValues<ComponentCondition>().Select(ComponentConditions.Name))}."];
        }
        Category? only = null;
        if (!string.IsNullOrEmpty(category))
        {
            only = await db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Kind == CategoryKind.Component && c.Code == category, ct);
            if (only is null)
                errors["category"] = [$"'{category}' is not the 4-digit code of a component category."];
        }
        if (q is { Length: > 64 })
            errors["q"] = ["At most 64 characters."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var query = db.Components.AsNoTracking().AsQueryable();
        if (!all)
            query = query.Where(c => c.RetiredAt == null);
        if (only is not null)
            query = query.Where(c => c.CategoryId == only.Id);
        if (!string.IsNullOrEmpty(grid))
            query = query.Where(c => c.UnitGridCode.StartsWith(grid));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(c => c.Id.Contains(text) || (c.Maintainer != null && EF.Functions.ILike(c.Maintainer, "%" + text + "%")));
        }
        var views = query.WithCases(db);
        views = wanted switch
        {
            null => views,
            ComponentCondition.UnderRepair => views.Where(v => v.UnderRepair),
            ComponentCondition.ReportedDamaged => views.Where(v => !v.UnderRepair && v.Reported),
            ComponentCondition.Intact => views.Where(v => v.Component.State != ComponentState.Abandoned && v.Component.State != ComponentState.Removed
                && !v.UnderRepair && !v.Reported && (v.Component.State == ComponentState.Intact || v.RepairedSinceCensus)),
            { } c => views.Where(v => v.Component.State == Census(c) && (c == ComponentCondition.Abandoned || c == ComponentCondition.Removed
                || (!v.UnderRepair && !v.Reported && !v.RepairedSinceCensus))),
        };
        var total = await views.CountAsync(ct);
        var found = await views.OrderBy(v => v.Component.Id).Skip((pageNumber - 1) * size).Take(size).ToListAsync(ct);
        var (categories, departments) = await LookupsAsync(db, ct);
        return TypedResults.Ok(new ComponentPage(found.Select(v => Dto(v, categories, departments)).ToList(), total, pageNumber, size));
    }

    public static async Task<Results<Ok<ComponentDto>, ValidationProblem, ProblemHttpResult>> Edit(
        string id, HttpRequest http, DispatchDbContext db, GridDirectory grids, AdminAudit audit, TimeProvider clock, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<ComponentEditRequest>(http, ct);
        if (problem is not null)
            return problem;
        var component = await db.Components.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (component is null)
            return NotFound(id);
        if (request!.Version is null)
            return EditConflicts.VersionMissing();
        var categories = await db.Categories.AsNoTracking().Where(c => c.Kind == CategoryKind.Component).ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Key, StringComparer.Ordinal, ct);
        var row = new ComponentRow("body", id, ComponentCode.Parse(id).CategoryCode, request.Owner, request.Maintainer, request.State,
            request.Longitude, request.Latitude, null);
        var rowErrors = new Dictionary<string, string[]>();
        var drafts = ImportComponents.Check([row], categories, departments, await grids.GetAsync(ct), rowErrors);
        if (rowErrors.Count > 0)
            return TypedResults.ValidationProblem(rowErrors.ToDictionary(e => e.Key.StartsWith("body.", StringComparison.Ordinal) ? e.Key[5..] : e.Key, e => e.Value));
        if (request.Version != component.Version)
            return EditConflicts.Conflict($"Component {id}", request.Version.ToString(), component.Version.ToString(), await DtoAsync(db, id, ct));
        var before = await DtoAsync(db, id, ct);
        component.Update(drafts[0], clock.GetUtcNow());
        db.Entry(component).Property(c => c.Version).OriginalValue = request.Version.Value;
        audit.Record("component.edit", "component", id, before, ComponentDto.From(component,
            categories.Values.Single(c => c.Id == component.CategoryId),
            departments.Values.SingleOrDefault(d => d.Id == component.OwnerDepartmentId)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await DtoAsync(db, id, ct);
            return EditConflicts.Conflict($"Component {id}", request.Version.ToString(), current.Version.ToString(), current);
        }
        return TypedResults.Ok(await DtoAsync(db, id, ct));
    }

    public static Task<Results<Ok<ComponentDto>, ProblemHttpResult>> Retire(
        string id, DispatchDbContext db, AdminAudit audit, TimeProvider clock, CancellationToken ct) =>
        FlipAsync(id, "component.retire", c => c.Retire(clock.GetUtcNow()), db, audit, ct);

    public static Task<Results<Ok<ComponentDto>, ProblemHttpResult>> Restore(
        string id, DispatchDbContext db, AdminAudit audit, TimeProvider clock, CancellationToken ct) =>
        FlipAsync(id, "component.restore", c => c.Restore(clock.GetUtcNow()), db, audit, ct);

    private static async Task<Results<Ok<ComponentDto>, ProblemHttpResult>> FlipAsync(
        string id, string action, Action<Component> change, DispatchDbContext db, AdminAudit audit, CancellationToken ct)
    {
        var component = await db.Components.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (component is null)
            return NotFound(id);
        var before = await DtoAsync(db, id, ct);
        change(component);
        if (db.Entry(component).State == EntityState.Unchanged)
            return TypedResults.Ok(before);
        audit.Record(action, "component", id, before, before with { Retired = component.IsRetired, UpdatedAt = component.UpdatedAt });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DtoAsync(db, id, ct));
    }

    /// <summary>One component as the API shows it, with its condition from the cases.</summary>
    internal static async Task<ComponentDto> DtoAsync(DispatchDbContext db, string id, CancellationToken ct)
    {
        var view = await db.Components.AsNoTracking().Where(c => c.Id == id).WithCases(db).SingleAsync(ct);
        var (categories, departments) = await LookupsAsync(db, ct);
        return Dto(view, categories, departments);
    }

    private static ComponentDto Dto(ComponentView v, Dictionary<Guid, Category> categories, Dictionary<Guid, Department> departments) =>
        ComponentDto.From(v.Component, categories[v.Component.CategoryId],
            v.Component.OwnerDepartmentId is { } o ? departments.GetValueOrDefault(o) : null, condition: v.Condition);

    private static async Task<(Dictionary<Guid, Category>, Dictionary<Guid, Department>)> LookupsAsync(DispatchDbContext db, CancellationToken ct) =>
        (await db.Categories.AsNoTracking().Where(c => c.Kind == CategoryKind.Component).ToDictionaryAsync(c => c.Id, ct),
            await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, ct));

    private static ComponentState Census(ComponentCondition c) => c switch
    {
        ComponentCondition.Damaged => ComponentState.Damaged,
        ComponentCondition.Missing => ComponentState.Missing,
        ComponentCondition.Abandoned => ComponentState.Abandoned,
        ComponentCondition.Removed => ComponentState.Removed,
        _ => ComponentState.Intact,
    };

    private static int Number(string? text, string field, int min, int max, int fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
            return fallback;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            return n;
        errors[field] = [$"'{text}' is not a whole number from {min} to {max}."];
        return fallback;
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(title: "Component not found", detail: $"No component {id} in the inventory.", statusCode: StatusCodes.Status404NotFound);
}
