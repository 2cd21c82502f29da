using Dispatch.Domain.Catalogue;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Catalogue;

/// <summary>A filing condition (立案条件) with its closing standard (结案条件) and handling limit.</summary>
public sealed record ConditionDto(
    Guid Id, string NameZh, string NameEn, decimal Limit, string Unit,
    string ClosingStandardZh = "", string ClosingStandardEn = "", bool Retired = false, uint Version = 0)
{
    public static ConditionDto From(CategoryCondition x) =>
        new(x.Id, x.NameZh, x.NameEn, x.Limit, x.Unit, x.ClosingStandardZh, x.ClosingStandardEn, x.IsRetired, x.Version);
}

/// <summary>A minor class of the catalogue. <c>retired</c> ones are listed only with <c>includeRetired=true</c>.</summary>
public sealed record CategoryDto(
    Guid Id, string Kind, string Code, string MajorCode, string MajorNameZh, string MajorNameEn,
    string NameZh, string NameEn, string DepartmentKind, IReadOnlyList<ConditionDto> Conditions,
    bool Retired = false, uint Version = 0)
{
    public static CategoryDto From(Category c) => From(c, includeRetired: true);

    public static CategoryDto From(Category c, bool includeRetired) => new(
        c.Id, KindName(c.Kind), c.Code, c.MajorCode, c.MajorNameZh, c.MajorNameEn,
        c.NameZh, c.NameEn, c.DepartmentKind,
        c.Conditions.Where(x => includeRetired || !x.IsRetired).OrderBy(x => x.Ordinal).Select(ConditionDto.From).ToList(),
        c.IsRetired, c.Version);

    public static string KindName(CategoryKind kind) => kind == CategoryKind.Component ? "component" : "event";
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
        app.MapGet("/api/categories", ListCategories).WithTags("Catalogue").RequireAuthorization()
            .WithDescription("The catalogue offered for new reports and filings: categories and conditions in use. "
                + "includeRetired=true adds the retired ones (administrators' view), each marked retired.");
        app.MapGet("/api/departments", ListDepartments).WithTags("Catalogue").RequireAuthorization();
        return app;
    }

    private static async Task<Results<Ok<List<CategoryDto>>, ValidationProblem>> ListCategories(
        string? includeRetired, DispatchDbContext db, CancellationToken ct)
    {
        var all = false;
        if (!string.IsNullOrEmpty(includeRetired) && !bool.TryParse(includeRetired, out all))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["includeRetired"] = ["Send true or false."] });
        var query = db.Categories.AsNoTracking().Include(c => c.Conditions).AsQueryable();
        if (!all)
            query = query.Where(c => c.RetiredAt == null);
        var categories = await query.OrderBy(c => c.Kind).ThenBy(c => c.Code).ToListAsync(ct);
        return TypedResults.Ok(categories.Select(c => CategoryDto.From(c, all)).ToList());
    }

    private static async Task<Ok<List<DepartmentDto>>> ListDepartments(DispatchDbContext db, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Key).ToListAsync(ct);
        var keys = departments.ToDictionary(d => d.Id, d => d.Key);
        return TypedResults.Ok(departments.Select(d => DepartmentDto.From(d, d.ParentId is { } p ? keys.GetValueOrDefault(p) : null)).ToList());
    }
}
