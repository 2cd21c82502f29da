using Dispatch.Api.Features.Grids;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Catalogue;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Open311;

/// <summary>
/// GET requests, GET a request, GET tokens and GET servicerequestupdates: cases as service requests. Every case is a
/// request whose id is its case number; what the public may read is what is shown: the state as open or closed with a
/// short note, the department that holds it, its deadline, its place; never people's names, phone numbers or the
/// opinions written inside the centre.
/// </summary>
public static class Open311Requests
{
    /// <summary>The default and the longest window of a list (the specification's 90 days).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);
    public const int MaxRequests = 1000;

    public static bool IsClosed(CaseState state) => state.IsTerminal();

    public static string Status(CaseState state) => IsClosed(state) ? "closed" : "open";

    /// <summary>状态说明: a public line about where the case stands, with the department's name where one holds it.</summary>
    public static string StatusNotes(CaseState state, string? department) => state switch
    {
        CaseState.Reported => "已收到，等待受理员核实",
        CaseState.Verifying => "正在现场核实",
        CaseState.ToFile => "已受理，等待立案",
        CaseState.ToDispatch => "已立案，等待派遣",
        CaseState.Dispatched => department is null ? "已派遣，等待处置部门签收" : $"已派遣至{department}，等待签收",
        CaseState.Handling => department is null ? "处置部门正在处置" : $"{department}正在处置",
        CaseState.FedBack => "处置部门已反馈，等待核查",
        CaseState.Checking => "正在现场核查处置结果",
        CaseState.ToClose => "核查通过，等待结案",
        CaseState.Closed => "已办结",
        CaseState.Archived => "已办结，已回访",
        CaseState.NotAccepted => "经核实不予受理",
        CaseState.Voided => "经审核不予立案",
        CaseState.Returned => "正在重新派遣",
        CaseState.Suspended => "暂缓处置（挂账）",
        _ => "处理中",
    };

    /// <summary>The names the mapping needs: categories and departments are small, read whole.</summary>
    public sealed record Names(IReadOnlyDictionary<Guid, Category> Categories, IReadOnlyDictionary<Guid, string> DepartmentsById,
        IReadOnlyDictionary<string, string> DepartmentsByKey, GridSnapshot Grid)
    {
        public static async Task<Names> LoadAsync(DispatchDbContext db, GridDirectory grids, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(db);
            ArgumentNullException.ThrowIfNull(grids);
            var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
            var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Key, d.NameZh }).ToListAsync(ct);
            return new Names(categories, departments.ToDictionary(d => d.Id, d => d.NameZh),
                departments.ToDictionary(d => d.Key, d => d.NameZh, StringComparer.Ordinal), await grids.GetAsync(ct));
        }

        public string? Department(Case c) => c.DepartmentId is { } id ? DepartmentsById.GetValueOrDefault(id) : null;

        /// <summary>The place in words: the reporter's address text, or else the district, street and community of the point.</summary>
        public string? Address(Case c)
        {
            if (c.AddressText is { Length: > 0 } text)
                return text;
            var parts = new[] { c.DistrictCode, c.StreetCode, c.CommunityCode }.OfType<string>()
                .Select(code => Grid.Find(code)?.Name).OfType<string>().ToList();
            return parts.Count == 0 ? null : string.Concat(parts);
        }
    }

    public static Open311Object ToRequest(Case c, Names names)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(names);
        var category = names.Categories[c.CategoryId];
        var department = names.Department(c);
        var open = !IsClosed(c.State);
        // Text nobody in the centre has looked at yet is not published: a report waiting for an acceptor shows no description.
        var reviewed = c.State is not (CaseState.Reported or CaseState.Verifying or CaseState.NotAccepted);
        return new Open311Object()
            .With("service_request_id", c.Number)
            .With("status", Status(c.State))
            .With("status_notes", StatusNotes(c.State, department))
            .With("service_name", category.NameZh)
            .With("service_code", Open311Services.ServiceCode(category))
            .With("description", reviewed ? c.Description : null)
            .With("agency_responsible", department)
            .With("requested_datetime", c.ReportedAt)
            .With("updated_datetime", c.UpdatedAt)
            .With("expected_datetime", open ? c.NextDeadline : null)
            .With("address", names.Address(c))
            .With("address_id", c.UnitGridCode)
            .With("lat", c.Latitude)
            .With("long", c.Longitude);
    }

    public static async Task<IResult> List(HttpRequest http, Open311Format format, DispatchDbContext db, GridDirectory grids,
        TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var query = http.Query;
        var errors = new List<string>();
        IQueryable<Case> cases = db.Cases.AsNoTracking();

        var ids = Split(query["service_request_id"]);
        if (ids.Count > 0)
        {
            // The specification: service_request_id overrides every other argument.
            if (ids.Count > MaxRequests)
                return Open311Document.Error(format, StatusCodes.Status400BadRequest, $"service_request_id names at most {MaxRequests} requests.");
            cases = cases.Where(c => ids.Contains(c.Number));
        }
        else
        {
            var codes = Split(query["service_code"]);
            if (codes.Count > 0)
            {
                var categoryIds = new List<Guid>();
                foreach (var code in codes)
                {
                    if (await Open311Services.FindAsync(db, code, ct) is { } category)
                        categoryIds.Add(category.Id);
                    else
                        errors.Add($"service_code {code} was not found.");
                }
                cases = cases.Where(c => categoryIds.Contains(c.CategoryId));
            }

            var statuses = Split(query["status"]);
            if (statuses.Any(s => s is not ("open" or "closed")))
                errors.Add("status is open or closed (several may be given, comma separated).");
            else if (statuses.Count > 0 && !(statuses.Contains("open") && statuses.Contains("closed")))
            {
                var terminal = Enum.GetValues<CaseState>().Where(IsClosed).ToList();
                cases = statuses.Contains("closed")
                    ? cases.Where(c => terminal.Contains(c.State))
                    : cases.Where(c => !terminal.Contains(c.State));
            }

            if (Range(query, clock, errors) is var (start, end))
                cases = cases.Where(c => c.ReportedAt >= start && c.ReportedAt <= end);
        }
        if (errors.Count > 0)
            return Open311Document.Error(format, StatusCodes.Status400BadRequest, [.. errors]);

        var found = await cases.OrderByDescending(c => c.ReportedAt).Take(MaxRequests).ToListAsync(ct);
        var names = await Names.LoadAsync(db, grids, ct);
        return Open311Document.Ok(format, "service_requests",
            new Open311List("request", found.Select(c => (object)ToRequest(c, names)).ToList()));
    }

    public static async Task<IResult> One(string id, Open311Format format, DispatchDbContext db, GridDirectory grids, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Number == id, ct);
        if (found is null)
            return Open311Document.Error(format, StatusCodes.Status404NotFound, $"service_request_id {id} was not found.");
        var names = await Names.LoadAsync(db, grids, ct);
        return Open311Document.Ok(format, "service_requests", new Open311List("request", [ToRequest(found, names)]));
    }

    /// <summary>
    /// Requests are realtime, so a POST answers with the service_request_id and never a token. A case's id works as its
    /// token all the same, for clients that look a request up that way.
    /// </summary>
    public static async Task<IResult> Token(string token, Open311Format format, DispatchDbContext db, CancellationToken ct)
    {
        var number = Guid.TryParse(token, out var id)
            ? await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Number).SingleOrDefaultAsync(ct)
            : null;
        if (number is null)
            return Open311Document.Error(format, StatusCodes.Status404NotFound, $"token {token} was not found.");
        return Open311Document.Ok(format, "service_requests", new Open311List("request",
            [new Open311Object().With("service_request_id", number).With("token", token)]));
    }

    /// <summary>
    /// The servicerequestupdates extension: one update per change of a case's state in the window (the report, and each
    /// step that moved it), oldest first, with the public note of the state it moved to. Warnings, escalations and the
    /// centre's inner assignments are not updates to the public.
    /// </summary>
    public static async Task<IResult> Updates(HttpRequest http, Open311Format format, DispatchDbContext db, GridDirectory grids,
        TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var errors = new List<string>();
        if (Range(http.Query, clock, errors) is not var (start, end) || errors.Count > 0)
            return Open311Document.Error(format, StatusCodes.Status400BadRequest, [.. errors]);

        var rows = await db.CaseTraces.AsNoTracking()
            .Where(t => t.At >= start && t.At <= end && (t.FromState == null || t.FromState != t.ToState))
            .Join(db.Cases.AsNoTracking(), t => t.CaseId, c => c.Id, (t, c) => new { t.Id, c.Number, t.ToState, t.At, t.DepartmentKey, t.Sequence })
            .OrderBy(x => x.At).ThenBy(x => x.Sequence)
            .Take(MaxRequests)
            .ToListAsync(ct);
        var names = await Names.LoadAsync(db, grids, ct);
        var updates = rows.Select(r =>
        {
            var department = r.ToState is CaseState.Dispatched or CaseState.Handling && r.DepartmentKey is { } key
                ? names.DepartmentsByKey.GetValueOrDefault(key)
                : null;
            return (object)new Open311Object()
                .With("update_id", r.Id.ToString())
                .With("service_request_id", r.Number)
                .With("status", Status(r.ToState))
                .With("updated_datetime", r.At)
                .With("description", StatusNotes(r.ToState, department));
        }).ToList();
        return Open311Document.Ok(format, "service_requests_updates", new Open311List("request_update", updates));
    }

    /// <summary>start_date and end_date: by default the last 90 days, and never a longer window.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End)? Range(IQueryCollection query, TimeProvider clock, List<string> errors)
    {
        DateTimeOffset? start = null, end = null;
        if (query.TryGetValue("start_date", out var s) && s.ToString().Length > 0)
        {
            if (Open311Document.TryParseW3c(s.ToString(), out var at))
                start = at;
            else
                errors.Add("start_date is a W3C date-time with an offset, e.g. 2026-12-01T00:00:00+08:00.");
        }
        if (query.TryGetValue("end_date", out var e) && e.ToString().Length > 0)
        {
            if (Open311Document.TryParseW3c(e.ToString(), out var at))
                end = at;
            else
                errors.Add("end_date is a W3C date-time with an offset, e.g. 2026-12-31T23:59:59+08:00.");
        }
        if (errors.Count > 0)
            return null;
        var to = end ?? (start is { } from ? Min(from + Window, clock.GetUtcNow()) : clock.GetUtcNow());
        var since = start ?? to - Window;
        if (since > to)
        {
            errors.Add("start_date is after end_date.");
            return null;
        }
        if (to - since > Window)
        {
            errors.Add("start_date and end_date may not span more than 90 days.");
            return null;
        }
        return (since, to);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static List<string> Split(Microsoft.Extensions.Primitives.StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToList();
}
