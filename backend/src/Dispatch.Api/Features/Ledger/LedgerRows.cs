using System.Globalization;
using Dispatch.Api.Features.Grids;
using Dispatch.Domain.Cases;
using Dispatch.Persistence;

namespace Dispatch.Api.Features.Ledger;

/// <summary>
/// One row of the ledger (台账): the case as a list shows it. Grid codes come with their names; <c>overdue</c> says
/// some step ran past its limit, whatever the light shows now.
/// </summary>
public sealed record LedgerRow(
    Guid Id, string Number, string State, string Source, string CategoryKind, string CategoryCode, string CategoryNameZh, string CategoryNameEn,
    string? ConditionNameZh, string? ConditionNameEn, string? DepartmentKey, string? DepartmentNameZh, string? DepartmentNameEn,
    string Description, string ReportedBy, DateTimeOffset ReportedAt, DateTimeOffset? DispatchedAt, DateTimeOffset? ClosedAt,
    DateTimeOffset UpdatedAt, DateTimeOffset? Deadline, string? Light,
    string? StreetCode, string? StreetName, string? CommunityCode, string? CommunityName, string? GridCode, string? GridName,
    string? ComponentId, int ReworkCount, int ExtensionCount, bool Escalated, bool Overdue,
    double Longitude, double Latitude, string? AddressText = null, bool CallbackWanted = false);

/// <param name="Items">The page's rows in the asked order.</param>
/// <param name="Next">The cursor for the next page; null on the last.</param>
/// <param name="Total">How many cases match, counted on the first page only (null on later pages).</param>
/// <param name="Sort">The sort the page and its cursor follow.</param>
public sealed record LedgerPage(IReadOnlyList<LedgerRow> Items, string? Next, int? Total, string Sort);

/// <summary>A ledger row as an export writes it: the list's row plus the time of each step and whether steps were on time.</summary>
public sealed record LedgerRecord(
    LedgerRow Row, DateTimeOffset? AcceptedAt, DateTimeOffset? FiledAt, DateTimeOffset? FedBackAt, DateTimeOffset? CheckedAt,
    bool? HandledOnTime, bool LateStep);

/// <summary>The projections behind the list and the exports, each one query with its joins.</summary>
public static class LedgerRows
{
    /// <summary>
    /// The columns a ledger reads, before grid names are added. Properties set by name (not a constructor), so that
    /// EF can order and filter over the projection: joins do not keep the order of the cases they start from.
    /// </summary>
    public sealed class Flat
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = "";
        public CaseState State { get; init; }
        public CaseSource Source { get; init; }
        public Domain.Catalogue.CategoryKind CategoryKind { get; init; }
        public string CategoryCode { get; init; } = "";
        public string CategoryNameZh { get; init; } = "";
        public string CategoryNameEn { get; init; } = "";
        public string? ConditionNameZh { get; init; }
        public string? ConditionNameEn { get; init; }
        public string? DepartmentKey { get; init; }
        public string? DepartmentNameZh { get; init; }
        public string? DepartmentNameEn { get; init; }
        public string Description { get; init; } = "";
        public string ReportedBy { get; init; } = "";
        public DateTimeOffset ReportedAt { get; init; }
        public DateTimeOffset? DispatchedAt { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public DateTimeOffset? Deadline { get; init; }
        public CaseLight? Light { get; init; }
        public string? StreetCode { get; init; }
        public string? CommunityCode { get; init; }
        public string? UnitGridCode { get; init; }
        public string DistrictCode { get; init; } = "";
        public string? ComponentId { get; init; }
        public int ReworkCount { get; init; }
        public int ExtensionCount { get; init; }
        public bool Escalated { get; init; }
        public bool WasOverdue { get; init; }
        public double Longitude { get; init; }
        public double Latitude { get; init; }
        public string? AddressText { get; init; }
        public bool CallbackWanted { get; init; }
    }

    /// <summary>A flat row with the step times an export adds.</summary>
    public sealed record Stepped(Flat Case, DateTimeOffset? AcceptedAt, DateTimeOffset? FiledAt, DateTimeOffset? FedBackAt,
        DateTimeOffset? CheckedAt, bool? HandledOnTime, bool LateStep);

    private static IQueryable<Flat> Project(DispatchDbContext db, IQueryable<Case> cases) =>
        from c in cases
        join category in db.Categories on c.CategoryId equals category.Id
        join co in db.CategoryConditions on c.ConditionId equals (Guid?)co.Id into conditions
        from condition in conditions.DefaultIfEmpty()
        join d in db.Departments on c.DepartmentId equals (Guid?)d.Id into departments
        from department in departments.DefaultIfEmpty()
        select new Flat
        {
            Id = c.Id, Number = c.Number, State = c.State, Source = c.Source, CategoryKind = category.Kind, CategoryCode = category.Code,
            CategoryNameZh = category.NameZh, CategoryNameEn = category.NameEn,
            ConditionNameZh = condition == null ? null : condition.NameZh, ConditionNameEn = condition == null ? null : condition.NameEn,
            DepartmentKey = department == null ? null : department.Key, DepartmentNameZh = department == null ? null : department.NameZh,
            DepartmentNameEn = department == null ? null : department.NameEn, Description = c.Description, ReportedBy = c.ReportedBy,
            ReportedAt = c.ReportedAt, DispatchedAt = c.DispatchedAt, ClosedAt = c.ClosedAt, UpdatedAt = c.UpdatedAt,
            Deadline = c.NextDeadline, Light = c.Light, StreetCode = c.StreetCode, CommunityCode = c.CommunityCode,
            UnitGridCode = c.UnitGridCode, DistrictCode = c.DistrictCode, ComponentId = c.ComponentId, ReworkCount = c.ReworkCount,
            ExtensionCount = c.ExtensionCount, Escalated = c.Escalated, WasOverdue = c.WasOverdue, Longitude = c.Longitude,
            Latitude = c.Latitude, AddressText = c.AddressText, CallbackWanted = c.CallbackWanted,
        };

    /// <summary>List rows of <paramref name="ordered"/> (ordered and limited before); the order is kept.</summary>
    public static IQueryable<Flat> ListQuery(DispatchDbContext db, IQueryable<Case> ordered) => Project(db, ordered);

    /// <summary>Export rows: the list's, plus step times and on-time flags from the trace, one correlated lookup each.</summary>
    public static IQueryable<Stepped> ExportQuery(DispatchDbContext db, IQueryable<Case> cases, LedgerSort sort) =>
        from f in sort.Order(Project(db, cases))
        select new Stepped(f,
            db.CaseTraces.Where(t => t.CaseId == f.Id && t.Action == CaseAction.Accept).Min(t => (DateTimeOffset?)t.At),
            db.CaseTraces.Where(t => t.CaseId == f.Id && t.Action == CaseAction.File).Min(t => (DateTimeOffset?)t.At),
            db.CaseTraces.Where(t => t.CaseId == f.Id && (t.Action == CaseAction.Feedback || t.Action == CaseAction.SelfHandle)).Max(t => (DateTimeOffset?)t.At),
            db.CaseTraces.Where(t => t.CaseId == f.Id && t.Action == CaseAction.Check).Max(t => (DateTimeOffset?)t.At),
            db.CaseTraces.Where(t => t.CaseId == f.Id && t.Action == CaseAction.Feedback).OrderByDescending(t => t.Sequence).Select(t => t.OnTime).FirstOrDefault(),
            db.CaseTraces.Any(t => t.CaseId == f.Id && t.OnTime == false));

    public static LedgerRow ToRow(Flat f, GridSnapshot grids)
    {
        string? Name(string? code) => code is null ? null : grids.Find(code)?.Name;
        return new LedgerRow(f.Id, f.Number, f.State.ToString(), f.Source.ToString().ToLowerInvariant(),
            f.CategoryKind.ToString().ToLowerInvariant(), f.CategoryCode, f.CategoryNameZh, f.CategoryNameEn,
            f.ConditionNameZh, f.ConditionNameEn, f.DepartmentKey, f.DepartmentNameZh, f.DepartmentNameEn, f.Description, f.ReportedBy,
            f.ReportedAt, f.DispatchedAt, f.ClosedAt, f.UpdatedAt, f.Deadline, f.Light?.ToString(),
            f.StreetCode, Name(f.StreetCode), f.CommunityCode, Name(f.CommunityCode), f.UnitGridCode ?? f.DistrictCode,
            Name(f.UnitGridCode ?? f.DistrictCode), f.ComponentId, f.ReworkCount, f.ExtensionCount, f.Escalated, f.WasOverdue,
            f.Longitude, f.Latitude, f.AddressText, f.CallbackWanted);
    }

    public static LedgerRecord ToRecord(Stepped s, GridSnapshot grids) =>
        new(ToRow(s.Case, grids), s.AcceptedAt, s.FiledAt, s.FedBackAt, s.CheckedAt, s.HandledOnTime, s.LateStep);

    /// <summary>The cursor value of a row under <paramref name="sort"/>.</summary>
    public static string Cursor(LedgerSort sort, LedgerRow row) =>
        sort.Cursor(sort.ValueOf(row.ReportedAt, row.UpdatedAt, row.DispatchedAt, row.ClosedAt, row.Deadline, row.Number), row.Id);

    public static string Invariant(DateTimeOffset? at) =>
        at is { } a ? a.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";
}
