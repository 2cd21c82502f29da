using Dispatch.Api.Features.Grids;
using Dispatch.Contracts.Cases;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Catalogue;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Cases;

public sealed record CategoryRef(Guid Id, string Code, string NameZh, string NameEn);
public sealed record ConditionRef(Guid Id, string NameZh, string NameEn);
public sealed record DepartmentRef(string Key, string NameZh, string NameEn);
public sealed record PhotoDto(Guid Id, string Url, string ContentType, string Stage);
public sealed record TraceDto(string Action, string? FromState, string ToState, DateTimeOffset At, string Actor, string Role,
    string? DepartmentKey, string? Opinion);

public sealed record CaseDto(
    Guid Id, string Number, string State, int Version, string Source, CategoryRef Category, ConditionRef? Condition,
    DepartmentRef? Department, double Longitude, double Latitude, string Description, string ReportedBy,
    DateTimeOffset ReportedAt, DateTimeOffset UpdatedAt, bool NeedsManualDispatch,
    IReadOnlyList<PhotoDto> Photos, IReadOnlyList<TraceDto> Trace,
    GridRef? UnitGrid = null, GridRef? Community = null, GridRef? Street = null, string? ResponsibilityGridCode = null,
    bool OutsideResponsibilityGrid = false);

public static class CaseReads
{
    public static CaseSummary ToSummary(this Case c, Category category, Department? department) => new(
        c.Id, c.Number, c.State.ToString(), c.Version, category.Code, category.NameZh, category.NameEn,
        department?.Key, department?.NameZh, department?.NameEn, c.Longitude, c.Latitude, c.Description,
        c.NeedsManualDispatch, c.ReportedAt, c.UpdatedAt);

    /// <summary>Board rows, joined in one query. Order and limit <paramref name="cases"/> before; the rows come back unordered.</summary>
    public static IQueryable<CaseSummary> Summaries(this DispatchDbContext db, IQueryable<Case> cases) =>
        from c in cases
        join category in db.Categories on c.CategoryId equals category.Id
        join d in db.Departments on c.DepartmentId equals (Guid?)d.Id into departments
        from department in departments.DefaultIfEmpty()
        select new CaseSummary(
            c.Id, c.Number, c.State.ToString(), c.Version, category.Code, category.NameZh, category.NameEn,
            department == null ? null : department.Key,
            department == null ? null : department.NameZh,
            department == null ? null : department.NameEn,
            c.Longitude, c.Latitude, c.Description, c.NeedsManualDispatch, c.ReportedAt, c.UpdatedAt);

    public static async Task<CaseDto?> LoadDtoAsync(this DispatchDbContext db, Guid id, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().AsSplitQuery()
            .Include(x => x.Trace).Include(x => x.Photos)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return null;
        var category = await db.Categories.AsNoTracking().SingleAsync(x => x.Id == c.CategoryId, ct);
        var condition = c.ConditionId is { } conditionId
            ? await db.CategoryConditions.AsNoTracking().SingleAsync(x => x.Id == conditionId, ct)
            : null;
        var department = c.DepartmentId is { } departmentId
            ? await db.Departments.AsNoTracking().SingleAsync(x => x.Id == departmentId, ct)
            : null;
        string?[] gridCodes = [c.UnitGridCode, c.CommunityCode, c.StreetCode];
        var gridNames = await db.GridNodes.AsNoTracking().Where(n => gridCodes.Contains(n.Code))
            .ToDictionaryAsync(n => n.Code, n => n.Name, ct);
        GridRef? Grid(string? code) => code is null ? null : new GridRef(code, gridNames.GetValueOrDefault(code, ""));
        return new CaseDto(
            c.Id, c.Number, c.State.ToString(), c.Version, c.Source.ToString().ToLowerInvariant(),
            new CategoryRef(category.Id, category.Code, category.NameZh, category.NameEn),
            condition is null ? null : new ConditionRef(condition.Id, condition.NameZh, condition.NameEn),
            department is null ? null : new DepartmentRef(department.Key, department.NameZh, department.NameEn),
            c.Longitude, c.Latitude, c.Description, c.ReportedBy, c.ReportedAt, c.UpdatedAt, c.NeedsManualDispatch,
            c.Photos.OrderBy(p => p.UploadedAt).ThenBy(p => p.Id)
                .Select(p => new PhotoDto(p.Id, $"/api/cases/{c.Id}/photos/{p.Id}", p.ContentType, p.Stage)).ToList(),
            c.Trace.OrderBy(t => t.Sequence)
                .Select(t => new TraceDto(t.Action, t.FromState?.ToString(), t.ToState.ToString(), t.At, t.ActorUserName,
                    t.ActorRole, t.DepartmentKey, t.Opinion)).ToList(),
            Grid(c.UnitGridCode), Grid(c.CommunityCode), Grid(c.StreetCode), c.ResponsibilityGridCode, c.OutsideResponsibilityGrid);
    }
}
