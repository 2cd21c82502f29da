using System.Text.RegularExpressions;
using Dispatch.Api.Audit;
using Dispatch.Api.Features.Grids;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Grids;
using Dispatch.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Departments;

/// <summary>
/// Administrators keep the list of departments (部门管理): create one, edit it (name, kind, jurisdiction, phones, parent
/// unit) from the version they read, retire it once nothing open points at it, restore it. Every change writes one
/// audit row in the same transaction; bad input changes nothing and names the field.
/// </summary>
public static partial class ManageDepartments
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex KeyPattern();

    public static async Task<Ok<List<AdminDepartmentDto>>> List(DispatchDbContext db, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Key).ToListAsync(ct);
        var open = await db.Cases.AsNoTracking().Where(c => c.DepartmentId != null && !DepartmentBlockers.Finished.Contains(c.State))
            .GroupBy(c => c.DepartmentId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var assisting = await (from a in db.CaseAssists
                               join c in db.Cases on a.CaseId equals c.Id
                               where !DepartmentBlockers.Finished.Contains(c.State)
                               group a by a.DepartmentId into g
                               select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var keys = departments.ToDictionary(d => d.Id, d => d.Key);
        return TypedResults.Ok(departments.Select(d => AdminDepartmentDto.From(d, d.ParentId is { } p ? keys.GetValueOrDefault(p) : null,
            open.GetValueOrDefault(d.Id), assisting.GetValueOrDefault(d.Id))).ToList());
    }

    public static Ok<List<DepartmentKindDto>> Kinds() =>
        TypedResults.Ok(DepartmentKinds.All.Select(k => new DepartmentKindDto(k.Code, k.NameZh, k.NameEn)).ToList());

    public static async Task<Results<Created<AdminDepartmentDto>, ValidationProblem>> Create(
        HttpRequest http, DispatchDbContext db, GridDirectory grids, AdminAudit audit, TimeProvider clock, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<DepartmentRequest>(http, ct);
        if (problem is not null)
            return problem;
        var errors = new Dictionary<string, string[]>();
        var key = request!.Key?.Trim();
        if (string.IsNullOrEmpty(key))
            errors["key"] = ["A key is required: 2 to 64 lower-case letters, digits and dashes, e.g. xs-municipal-roads."];
        else if (!KeyPattern().IsMatch(key))
            errors["key"] = [$"'{key}' is not a key: 2 to 64 lower-case letters, digits and dashes, starting with a letter or digit."];
        else if (await db.Departments.AnyAsync(d => d.Key == key, ct))
            errors["key"] = [$"A department with key '{key}' exists already."];
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var details = await ValidateAsync(request, id, db, grids, errors, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var department = Department.Create(id, key!, details!);
        db.Departments.Add(department);
        var dto = AdminDepartmentDto.From(department, request.ParentKey?.Trim() is { Length: > 0 } parent ? parent : null);
        audit.Record("department.create", "department", department.Key, null, dto.ForAudit());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/admin/departments/{department.Key}", dto with { Version = department.Version });
    }

    public static async Task<Results<Ok<AdminDepartmentDto>, ValidationProblem, ProblemHttpResult>> Edit(
        string key, HttpRequest http, DispatchDbContext db, GridDirectory grids, AdminAudit audit, CancellationToken ct)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Key == key, ct);
        if (department is null)
            return NotFound(key);
        var (request, problem) = await JsonBody.ReadAsync<DepartmentRequest>(http, ct);
        if (problem is not null)
            return problem;
        if (request!.Version is not { } version)
            return EditConflicts.VersionMissing();
        var errors = new Dictionary<string, string[]>();
        if (request.Key is { } sentKey && sentKey.Trim() != key)
            errors["key"] = ["A department's key never changes; leave it out or send the same key."];
        var details = await ValidateAsync(request, department.Id, db, grids, errors, ct);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var before = await DtoAsync(db, department, ct);
        if (version != department.Version)
            return EditConflicts.Conflict($"Department {key}", version.ToString(), department.Version.ToString(), before);

        department.Edit(details!);
        var after = await DtoAsync(db, department, ct);
        return await SaveAsync(db, department, version, audit, "department.edit", before, after, ct);
    }

    public static async Task<Results<Ok<AdminDepartmentDto>, ValidationProblem, ProblemHttpResult>> Retire(
        string key, HttpRequest http, DispatchDbContext db, AdminAudit audit, TimeProvider clock, CancellationToken ct)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Key == key, ct);
        if (department is null)
            return NotFound(key);
        var (version, problem) = await OptionalVersionAsync(http, ct);
        if (problem is not null)
            return problem;
        var before = await DtoAsync(db, department, ct);
        if (version is { } sent && sent != department.Version)
            return EditConflicts.Conflict($"Department {key}", sent.ToString(), department.Version.ToString(), before);
        if (department.Retired)
            return TypedResults.Problem(title: "Already retired", detail: $"Department {key} was retired at {department.RetiredAt:O}.",
                statusCode: StatusCodes.Status409Conflict);
        var now = clock.GetUtcNow();
        var blockers = await DepartmentBlockers.FindAsync(db, department, now, ct);
        if (blockers.Any)
            return TypedResults.Problem(title: "Still in use",
                detail: $"Department {key} cannot be retired while something still points at it: "
                    + $"{blockers.OpenCases.Count} open case(s) it leads, {blockers.AssistingCases.Count} it assists on, "
                    + $"{blockers.Rules.Count} routing rule(s), {blockers.Accounts.Count} account(s), {blockers.SubUnits.Count} sub-unit(s) in service. "
                    + "Move or finish them first.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["blockers"] = blockers });

        department.Retire(now);
        return await SaveAsync(db, department, department.Version, audit, "department.retire", before, await DtoAsync(db, department, ct), ct);
    }

    public static async Task<Results<Ok<AdminDepartmentDto>, ValidationProblem, ProblemHttpResult>> Restore(
        string key, HttpRequest http, DispatchDbContext db, AdminAudit audit, CancellationToken ct)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Key == key, ct);
        if (department is null)
            return NotFound(key);
        var (version, problem) = await OptionalVersionAsync(http, ct);
        if (problem is not null)
            return problem;
        var before = await DtoAsync(db, department, ct);
        if (version is { } sent && sent != department.Version)
            return EditConflicts.Conflict($"Department {key}", sent.ToString(), department.Version.ToString(), before);
        if (!department.Retired)
            return TypedResults.Problem(title: "In service", detail: $"Department {key} is not retired.", statusCode: StatusCodes.Status409Conflict);
        if (department.ParentId is { } parentId && await db.Departments.AnyAsync(p => p.Id == parentId && p.RetiredAt != null, ct))
            return TypedResults.Problem(title: "Parent retired", detail: $"Department {key} is a sub-unit of {before.ParentKey}, which is retired: restore that first.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["parentKey"] = [$"{before.ParentKey} is retired."] } });

        department.Restore();
        return await SaveAsync(db, department, department.Version, audit, "department.restore", before, await DtoAsync(db, department, ct), ct);
    }

    /// <summary>
    /// Commits the change with its audit row, guarded by the row version the change was made from: a concurrent edit
    /// that committed first makes this one lose with 409 and the record as it is now.
    /// </summary>
    private static async Task<Results<Ok<AdminDepartmentDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        DispatchDbContext db, Department department, uint version, AdminAudit audit, string action,
        AdminDepartmentDto before, AdminDepartmentDto after, CancellationToken ct)
    {
        db.Entry(department).Property(d => d.Version).OriginalValue = version;
        audit.Record(action, "department", department.Key, before.ForAudit(), after.ForAudit());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == department.Id, ct);
            return EditConflicts.Conflict($"Department {department.Key}", version.ToString(), current.Version.ToString(),
                await DtoAsync(db, current, ct));
        }
        return TypedResults.Ok(after with { Version = department.Version });
    }

    private static async Task<(uint? Version, ValidationProblem? Problem)> OptionalVersionAsync(HttpRequest http, CancellationToken ct)
    {
        if (http.ContentLength is 0 || (http.ContentLength is null && string.IsNullOrEmpty(http.ContentType)))
            return (null, null);
        var (request, problem) = await JsonBody.ReadAsync<DepartmentVersionRequest>(http, ct);
        return (request?.Version, problem);
    }

    /// <summary>The checked details of <paramref name="r"/>, or null with the field errors added to <paramref name="errors"/>.</summary>
    private static async Task<DepartmentDetails?> ValidateAsync(DepartmentRequest r, Guid id, DispatchDbContext db, GridDirectory grids,
        Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var nameZh = r.NameZh?.Trim();
        var nameEn = r.NameEn?.Trim();
        if (string.IsNullOrEmpty(nameZh))
            errors["nameZh"] = ["The Chinese name is required."];
        else if (nameZh.Length > Department.MaxNameZhLength)
            errors["nameZh"] = [$"At most {Department.MaxNameZhLength} characters."];
        if (nameEn is { Length: > Department.MaxNameEnLength })
            errors["nameEn"] = [$"At most {Department.MaxNameEnLength} characters."];

        var kind = r.Kind?.Trim();
        if (string.IsNullOrEmpty(kind))
            errors["kind"] = ["The kind is required: " + string.Join(", ", DepartmentKinds.All.Select(k => k.Code)) + "."];
        else if (!DepartmentKinds.IsKnown(kind))
            errors["kind"] = [$"'{kind}' is not a kind of department; known kinds: {string.Join(", ", DepartmentKinds.All.Select(k => k.Code))}."];

        var snapshot = await grids.GetAsync(ct);
        var codes = new List<string>();
        GridNodeInfo? main = null;
        if (r.JurisdictionCodes is not { Count: > 0 } sent)
            errors["jurisdictionCodes"] = ["Name at least one grid node the department has jurisdiction over."];
        else if (sent.Count > Department.MaxJurisdictionCodes)
            errors["jurisdictionCodes"] = [$"At most {Department.MaxJurisdictionCodes} grid nodes."];
        else
        {
            for (var i = 0; i < sent.Count; i++)
            {
                var code = sent[i]?.Trim() ?? "";
                if (!GridCode.TryParse(code, out _, out var error))
                    errors[$"jurisdictionCodes[{i}]"] = [error];
                else if (snapshot.Find(code) is not { } node)
                    errors[$"jurisdictionCodes[{i}]"] = [$"No grid node {code}."];
                else if (codes.Contains(code))
                    errors[$"jurisdictionCodes[{i}]"] = [$"{code} is named twice."];
                else
                {
                    codes.Add(code);
                    main ??= node;
                }
            }
        }

        var level = r.Level?.Trim();
        if (string.IsNullOrEmpty(level))
            level = main is null ? null : LevelOf(main.Level);
        else if (!DepartmentKinds.Levels.Contains(level))
            errors["level"] = [$"'{level}' is not a level: {string.Join(", ", DepartmentKinds.Levels)}."];

        var contact = Phone(r.ContactPhone, "contactPhone", errors);
        var duty = Phone(r.DutyPhone, "dutyPhone", errors);

        Guid? parentId = null;
        if (r.ParentKey?.Trim() is { Length: > 0 } parentKey)
        {
            var parent = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Key == parentKey, ct);
            if (parent is null)
                errors["parentKey"] = [$"No department '{parentKey}'."];
            else if (parent.Id == id)
                errors["parentKey"] = ["A department cannot be its own sub-unit."];
            else if (parent.Retired)
                errors["parentKey"] = [$"{parentKey} is retired; choose a department in service."];
            else if (await IsUnderAsync(db, parent.Id, id, ct))
                errors["parentKey"] = [$"{parentKey} is itself a sub-unit of this department; that would make a loop."];
            else
                parentId = parent.Id;
        }

        if (errors.Count > 0)
            return null;
        return new DepartmentDetails(kind!, level ?? "district", nameZh!, string.IsNullOrEmpty(nameEn) ? nameZh! : nameEn, codes, contact, duty, parentId);
    }

    private static string? Phone(string? phone, string field, Dictionary<string, string[]> errors)
    {
        var value = phone?.Trim();
        if (string.IsNullOrEmpty(value))
            return null;
        if (!PhoneNumbers.IsValid(value))
            errors[field] = [$"'{value}' is not a phone number: a mobile (13800000000), a landline (0773-2825000, extension after '-'), or a service number (12345)."];
        return value;
    }

    /// <summary>Whether <paramref name="departmentId"/> lies under <paramref name="ancestorId"/> in the tree of sub-units.</summary>
    private static async Task<bool> IsUnderAsync(DispatchDbContext db, Guid departmentId, Guid ancestorId, CancellationToken ct)
    {
        var parents = await db.Departments.AsNoTracking().Where(d => d.ParentId != null).ToDictionaryAsync(d => d.Id, d => d.ParentId!.Value, ct);
        var seen = new HashSet<Guid>();
        for (var current = departmentId; parents.TryGetValue(current, out var parent) && seen.Add(current); current = parent)
        {
            if (parent == ancestorId)
                return true;
        }
        return false;
    }

    private static string LevelOf(GridLevel level) => level switch
    {
        GridLevel.City => "city",
        GridLevel.District => "district",
        GridLevel.Street => "street",
        _ => "community",
    };

    internal static async Task<AdminDepartmentDto> DtoAsync(DispatchDbContext db, Department d, CancellationToken ct)
    {
        var parentKey = d.ParentId is { } p ? await db.Departments.AsNoTracking().Where(x => x.Id == p).Select(x => x.Key).SingleOrDefaultAsync(ct) : null;
        return AdminDepartmentDto.From(d, parentKey);
    }

    private static ProblemHttpResult NotFound(string key) =>
        TypedResults.Problem(title: "Department not found", detail: $"No department '{key}'.", statusCode: StatusCodes.Status404NotFound);
}
