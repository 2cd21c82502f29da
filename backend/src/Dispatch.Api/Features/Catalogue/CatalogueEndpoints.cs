using Dispatch.Domain.Catalogue;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Catalogue;

public sealed record ConditionDto(Guid Id, string NameZh, string NameEn, decimal Limit, string Unit);

public sealed record CategoryDto(
    Guid Id, string Kind, string Code, string MajorCode, string MajorNameZh, string MajorNameEn,
    string NameZh, string NameEn, string DepartmentKind, IReadOnlyList<ConditionDto> Conditions)
{
    public static CategoryDto From(Category c) => new(
        c.Id, c.Kind == CategoryKind.Component ? "component" : "event", c.Code, c.MajorCode, c.MajorNameZh, c.MajorNameEn,
        c.NameZh, c.NameEn, c.DepartmentKind,
        c.Conditions.OrderBy(x => x.Ordinal).Select(x => new ConditionDto(x.Id, x.NameZh, x.NameEn, x.Limit, x.Unit)).ToList());
}

/// <summary>
/// A department as every signed-in user sees it. <c>retired</c> ones stay in the list (old cases and reports name them)
/// but are not to be offered as a choice; <c>parentKey</c> names the department a sub-unit belongs to.
/// </summary>
public sealed record DepartmentDto(string Key, string NameZh, string NameEn, string Kind, string Level, bool Retired = false, string? ParentKey = null)
{
    public static DepartmentDto From(Department d, string? parentKey = null) =>
        new(d.Key, d.NameZh, d.NameEn, d.Kind, d.Level, d.Retired, parentKey);
}

public static class CatalogueEndpoints
{
    public static IEndpointRouteBuilder MapCatalogueEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/categories", ListCategories).WithTags("Catalogue").RequireAuthorization();
        app.MapGet("/api/departments", ListDepartments).WithTags("Catalogue").RequireAuthorization();
        return app;
    }

    private static async Task<Ok<List<CategoryDto>>> ListCategories(DispatchDbContext db, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().Include(c => c.Conditions)
            .OrderBy(c => c.Kind).ThenBy(c => c.Code).ToListAsync(ct);
        return TypedResults.Ok(categories.Select(CategoryDto.From).ToList());
    }

    private static async Task<Ok<List<DepartmentDto>>> ListDepartments(DispatchDbContext db, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Key).ToListAsync(ct);
        var keys = departments.ToDictionary(d => d.Id, d => d.Key);
        return TypedResults.Ok(departments.Select(d => DepartmentDto.From(d, d.ParentId is { } p ? keys.GetValueOrDefault(p) : null)).ToList());
    }
}
