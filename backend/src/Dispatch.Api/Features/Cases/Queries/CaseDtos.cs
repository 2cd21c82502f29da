using System.Globalization;
using System.Security.Claims;
using Dispatch.Api.Features.Cases.Actions;
using Dispatch.Api.Features.Catalogue;
using Dispatch.Api.Features.Grids;
using Dispatch.Contracts.Cases;
using Dispatch.Domain.Calendar;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Catalogue;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Cases.Queries;

public sealed record PhotoDto(Guid Id, string Url, string ContentType, string Stage, int? TraceSequence = null);
/// <summary>
/// One row of a case's history. <c>code</c> says what happened (<c>dispatch.rule</c>, <c>escalate.auto</c> ...) and
/// <c>text</c> says it in the request's language (Accept-Language: zh-CN, the default, or en) with display names;
/// <c>opinion</c> is only what a person wrote. <c>actor</c> is the account's user name, <c>actorName</c> the person's
/// name (系统 / System for the software); <c>departmentName</c> names <c>departmentKey</c>.
/// </summary>
public sealed record TraceDto(string Action, string? FromState, string ToState, DateTimeOffset At, string Actor, string Role,
    string? DepartmentKey, string? Opinion, int Sequence = 0, bool? OnTime = null, IReadOnlyList<Guid>? Attachments = null,
    string Code = "", string Text = "", string ActorName = "", string? DepartmentName = null);
/// <summary>What a department asked for and waits to hear about: an extension (with the limit asked) or a suspension.</summary>
public sealed record PendingRequestDto(string Kind, decimal? Limit, string? Unit);

public sealed record CaseDto(
    Guid Id, string Number, string State, int Version, string Source, CategoryRef Category, ConditionRef? Condition,
    DepartmentRef? Department, double Longitude, double Latitude, string Description, string ReportedBy,
    DateTimeOffset ReportedAt, DateTimeOffset UpdatedAt, bool NeedsManualDispatch,
    IReadOnlyList<PhotoDto> Photos, IReadOnlyList<TraceDto> Trace,
    GridRef? UnitGrid = null, GridRef? Community = null, GridRef? Street = null, string? ResponsibilityGridCode = null,
    bool OutsideResponsibilityGrid = false,
    IReadOnlyList<string>? AllowedActions = null,
    string? DeadlineStage = null, DateTimeOffset? DeadlineStartedAt = null, DateTimeOffset? NextDeadline = null,
    string? Light = null, DateTimeOffset? SuspendedAt = null, PendingRequestDto? PendingRequest = null,
    int ExtensionCount = 0, int ReworkCount = 0, int ReturnCount = 0,
    bool Escalated = false, string? EscalationLevel = null, string? EscalatedTo = null, string? EscalationInstruction = null,
    bool SelfHandled = false, string? CallerName = null, string? CallerPhone = null, bool? CallbackSatisfied = null,
    string? ComponentId = null, IReadOnlyList<DepartmentRef>? AssistingDepartments = null, AssigneeDto? Assignee = null,
    string? AddressText = null, bool CallbackWanted = false);

/// <summary>内部派遣: the handler the case was given to inside the department, and the (sub-)unit they belong to.</summary>
public sealed record AssigneeDto(string UserName, string DisplayName, DepartmentRef? Department);

public static class CaseReads
{
    public static CaseSummary ToSummary(this Case c, Category category, Department? department) => new(
        c.Id, c.Number, c.State.ToString(), c.Version, category.Code, category.NameZh, category.NameEn,
        department?.Key, department?.NameZh, department?.NameEn, c.Longitude, c.Latitude, c.Description,
        c.NeedsManualDispatch, c.ReportedAt, c.UpdatedAt, c.Light?.ToString(), c.NextDeadline, c.Escalated, c.UnitGridCode ?? c.DistrictCode,
        c.AssigneeUserName);

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
            c.Longitude, c.Latitude, c.Description, c.NeedsManualDispatch, c.ReportedAt, c.UpdatedAt,
            c.Light == null ? null : c.Light.Value.ToString(), c.NextDeadline, c.Escalated, c.UnitGridCode ?? c.DistrictCode,
            c.AssigneeUserName);

    public static Task<CaseDto?> LoadDtoAsync(this DispatchDbContext db, Guid id, CancellationToken ct) =>
        db.LoadDtoAsync(id, null, ct);

    /// <summary>
    /// The case as <paramref name="viewer"/> sees it: with the actions the viewer may take now, and the caller's
    /// name and phone only for the command centre.
    /// </summary>
    public static async Task<CaseDto?> LoadDtoAsync(this DispatchDbContext db, Guid id, ClaimsPrincipal? viewer, CancellationToken ct)
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
        var commandCentre = viewer is not null && Roles.CommandCentre.Any(viewer.IsInRole);
        var photosByRow = c.Photos.Where(p => p.TraceSequence is not null).ToLookup(p => p.TraceSequence!.Value, p => p.Id);
        var names = await TraceNames.LoadAsync(db, c.Trace.ToList(), ct);
        var culture = CultureInfo.CurrentUICulture;
        return new CaseDto(
            c.Id, c.Number, c.State.ToString(), c.Version, c.Source.ToString().ToLowerInvariant(),
            new CategoryRef(category.Id, category.Code, category.NameZh, category.NameEn),
            condition is null ? null : new ConditionRef(condition.Id, condition.NameZh, condition.NameEn, condition.ClosingStandardZh, condition.ClosingStandardEn),
            department is null ? null : new DepartmentRef(department.Key, department.NameZh, department.NameEn),
            c.Longitude, c.Latitude, c.Description, c.ReportedBy, c.ReportedAt, c.UpdatedAt, c.NeedsManualDispatch,
            c.Photos.OrderBy(p => p.UploadedAt).ThenBy(p => p.Id)
                .Select(p => new PhotoDto(p.Id, $"/api/cases/{c.Id}/photos/{p.Id}", p.ContentType, p.Stage, p.TraceSequence)).ToList(),
            c.Trace.OrderBy(t => t.Sequence)
                .Select(t => new TraceDto(t.Action, t.FromState?.ToString(), t.ToState.ToString(), t.At, t.ActorUserName,
                    t.ActorRole, t.DepartmentKey, t.Opinion, t.Sequence, t.OnTime, photosByRow[t.Sequence].ToList(),
                    t.Code, TraceText.Render(t, names, culture), TraceText.ActorName(t.ActorUserName, t.ActorRole, names, culture),
                    TraceText.DepartmentName(t.DepartmentKey, names, culture))).ToList(),
            Grid(c.UnitGridCode), Grid(c.CommunityCode), Grid(c.StreetCode), c.ResponsibilityGridCode, c.OutsideResponsibilityGrid,
            viewer is null ? [] : CaseLifecycle.AllowedActions(c, LifecycleActors.Of(viewer)),
            c.DeadlineStage?.ToString(), c.DeadlineStartedAt, c.NextDeadline, c.Light?.ToString(), c.SuspendedAt,
            c.PendingRequest is { } pending
                ? new PendingRequestDto(pending.ToString(), c.RequestedLimitAmount,
                    c.RequestedLimitUnit is { } unit ? TimeLimit.UnitName(unit) : null)
                : null,
            c.ExtensionCount, c.ReworkCount, c.ReturnCount,
            c.Escalated, c.EscalationLevel?.ToString(), c.EscalatedTo, c.EscalationInstruction,
            c.SelfHandled, commandCentre ? c.CallerName : null, commandCentre ? c.CallerPhone : null, c.CallbackSatisfied,
            c.ComponentId,
            await (from a in db.CaseAssists.AsNoTracking()
                   join d in db.Departments on a.DepartmentId equals d.Id
                   where a.CaseId == c.Id
                   orderby d.Key
                   select new DepartmentRef(d.Key, d.NameZh, d.NameEn)).ToListAsync(ct),
            c.AssigneeUserName is { } assignee
                ? new AssigneeDto(assignee,
                    await db.Users.AsNoTracking().Where(u => u.UserName == assignee).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? assignee,
                    await db.Departments.AsNoTracking().Where(d => d.Key == c.AssigneeDepartmentKey)
                        .Select(d => new DepartmentRef(d.Key, d.NameZh, d.NameEn)).SingleOrDefaultAsync(ct))
                : null,
            c.AddressText, c.CallbackWanted);
    }
}
