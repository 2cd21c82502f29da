using System.Globalization;
using Dispatch.Api.Audit;
using Dispatch.Api.Hosting;
using Dispatch.Contracts.Grids;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Grids;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Dispatch.Persistence.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Grids;

/// <summary>A patroller assigned to a grid, as the administrator sees them.</summary>
public sealed record AssignedPatrollerDto(string UserName, string DisplayName, bool Enabled);

/// <summary>责任人: a name and a phone, not an account (a 网格长 is often a community cadre without one).</summary>
public sealed record ResponsiblePersonDto(string Name, string? Phone);

/// <summary>Who takes on-site tasks while nobody is on duty: <c>street-supervisors</c> or <c>shift-leaders</c>, and who they are.</summary>
public sealed record OnSiteFallbackDto(string Holder, IReadOnlyList<string> People);

/// <summary>
/// A responsibility grid with its patrollers and responsible person. <c>onDuty</c>: an enabled patroller is assigned;
/// otherwise <c>fallback</c> names who takes its verification and check tasks. <c>version</c> goes back with an edit.
/// </summary>
public sealed record PatrolGridDto(
    string Code, string Name, string? StreetCode, string? StreetName, string? CommunityCode, string? CommunityName,
    IReadOnlyList<string> UnitGridCodes, IReadOnlyList<AssignedPatrollerDto> Patrollers, ResponsiblePersonDto? ResponsiblePerson,
    bool OnDuty, OnSiteFallbackDto? Fallback, uint Version, DateTimeOffset? AssignedAt);

/// <summary>A patroller account for the picker, with the grids it walks now; <c>gridScope</c> set to a street makes it that street's supervisor.</summary>
public sealed record PatrollerAccountDto(string UserName, string DisplayName, bool Enabled, string? GridScope, IReadOnlyList<string> Grids);

/// <summary><c>PUT /api/admin/grids/responsibility/{code}</c>: the whole assignment, and the version it was made from.</summary>
public sealed record SetPatrolGridRequest(IReadOnlyList<string>? Patrollers, ResponsiblePersonDto? ResponsiblePerson, uint? Version);

/// <summary>The summary of a grid import in the audit log (the layer itself is too large to keep there).</summary>
public sealed record GridImportAudit(int NodesCreated, int NodesUpdated, int ResponsibilityGridsCreated, int ResponsibilityGridsUpdated);

/// <summary>
/// 巡查网格: who walks each responsibility grid and who answers for it, set by an administrator. A patroller may walk
/// several grids and a grid may have several patrollers. Assignments by hand replace the patrollers an import wrote.
/// </summary>
public static class PatrolAssignments
{
    private const int MaxPhoneLength = ResponsibilityGrid.MaxPhoneLength;

    public static async Task<Ok<List<PatrolGridDto>>> List(DispatchDbContext db, GridDirectory directory, OnSiteDuty duty, CancellationToken ct)
    {
        var grids = await db.ResponsibilityGrids.AsNoTracking().Include(g => g.Units).Include(g => g.Patrollers)
            .AsSplitQuery().OrderBy(g => g.Code).ToListAsync(ct);
        var people = await PeopleAsync(db, duty, ct);
        var snapshot = await directory.GetAsync(ct);
        return TypedResults.Ok(grids.Select(g => ToDto(g, people, snapshot)).ToList());
    }

    public static async Task<Ok<List<PatrollerAccountDto>>> Patrollers(DispatchDbContext db, OnSiteDuty duty, CancellationToken ct)
    {
        var people = await PeopleAsync(db, duty, ct);
        var walked = await db.ResponsibilityGrids.AsNoTracking().SelectMany(g => g.Patrollers)
            .Select(p => new { p.UserName, p.ResponsibilityGridCode }).ToListAsync(ct);
        return TypedResults.Ok(people.Patrollers.Values.OrderBy(p => p.UserName, StringComparer.Ordinal)
            .Select(p => new PatrollerAccountDto(p.UserName, p.DisplayName, p.Enabled, p.GridScope,
                walked.Where(w => w.UserName == p.UserName).Select(w => w.ResponsibilityGridCode).Order(StringComparer.Ordinal).ToList()))
            .ToList());
    }

    public static async Task<Results<Ok<PatrolGridDto>, ValidationProblem, ProblemHttpResult>> Set(
        string code, HttpRequest http, DispatchDbContext db, GridDirectory directory, OnSiteDuty duty, AdminAudit audit,
        TimeProvider clock, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<SetPatrolGridRequest>(http, ct);
        if (problem is not null)
            return problem;
        var grid = await db.ResponsibilityGrids.Include(g => g.Units).Include(g => g.Patrollers).AsSplitQuery()
            .SingleOrDefaultAsync(g => g.Code == code, ct);
        if (grid is null)
            return TypedResults.Problem(title: "Responsibility grid not found", detail: $"No responsibility grid '{code}'.",
                statusCode: StatusCodes.Status404NotFound,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["code"] = [$"No responsibility grid '{code}'."] } });

        var people = await PeopleAsync(db, duty, ct);
        var errors = Check(request!, people);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (request!.Version is not { } sent)
            return EditConflicts.VersionMissing();
        var snapshot = await directory.GetAsync(ct);
        var before = ToDto(grid, people, snapshot);
        if (sent != grid.Version)
            return EditConflicts.Conflict($"Responsibility grid {code}", sent.ToString(CultureInfo.InvariantCulture),
                grid.Version.ToString(CultureInfo.InvariantCulture), before);

        var now = clock.GetUtcNow();
        grid.Assign(request.Patrollers ?? [], request.ResponsiblePerson?.Name, request.ResponsiblePerson?.Phone, now);
        var after = ToDto(grid, people, snapshot);
        audit.Record("grid.patrollers.set", "grid", code, before, after);
        // The other nodes reload their grid (patrollers decide the outside-the-grid flag) when this commits.
        db.Outbox.Add(OutboxMessage.Create(new GridsChanged(0, 0, now), now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.ResponsibilityGrids.AsNoTracking().Include(g => g.Units).Include(g => g.Patrollers).AsSplitQuery()
                .SingleAsync(g => g.Code == code, ct);
            return EditConflicts.Conflict($"Responsibility grid {code}", sent.ToString(CultureInfo.InvariantCulture),
                current.Version.ToString(CultureInfo.InvariantCulture), ToDto(current, people, snapshot));
        }
        await directory.ReloadAsync(ct);
        var saved = await db.ResponsibilityGrids.AsNoTracking().Include(g => g.Units).Include(g => g.Patrollers).AsSplitQuery()
            .SingleAsync(g => g.Code == code, ct);
        return TypedResults.Ok(ToDto(saved, people, snapshot));
    }

    private static Dictionary<string, string[]> Check(SetPatrolGridRequest r, People people)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var patrollers = r.Patrollers ?? [];
        if (r.Patrollers is null)
            errors["patrollers"] = ["Send the list of patrollers' user names (an empty list leaves the grid to the fallback)."];
        else if (patrollers.Count > ResponsibilityGrid.MaxPatrollers)
            errors["patrollers"] = [$"At most {ResponsibilityGrid.MaxPatrollers} patrollers walk one grid."];
        for (var i = 0; i < patrollers.Count; i++)
        {
            var name = patrollers[i];
            var field = $"patrollers[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (string.IsNullOrWhiteSpace(name))
                errors[field] = ["A user name, not an empty string."];
            else if (patrollers.Take(i).Contains(name, StringComparer.Ordinal))
                errors[field] = [$"'{name}' is listed twice."];
            else if (people.Patrollers.TryGetValue(name, out var p))
            {
                if (!p.Enabled)
                    errors[field] = [$"'{name}' is a disabled account; enable it first, or pick another patroller."];
            }
            else if (people.AllUserNames.Contains(name))
                errors[field] = [$"'{name}' is not a patroller (监督员); only patroller accounts walk a grid."];
            else
                errors[field] = [$"No account '{name}'."];
        }
        if (r.ResponsiblePerson is { } person)
        {
            if (string.IsNullOrWhiteSpace(person.Name))
                errors["responsiblePerson.name"] = ["The responsible person's name; send null for no responsible person."];
            else if (person.Name.Trim().Length > ResponsibilityGrid.MaxPersonNameLength)
                errors["responsiblePerson.name"] = [$"At most {ResponsibilityGrid.MaxPersonNameLength} characters."];
            if (person.Phone is { Length: > 0 } phone
                && (phone.Trim().Length > MaxPhoneLength || !phone.Trim().All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '-' or '+')))
                errors["responsiblePerson.phone"] = [$"A phone number of digits, spaces, '-' and '+', at most {MaxPhoneLength} characters."];
        }
        return errors;
    }

    private sealed record Person(string UserName, string DisplayName, bool Enabled, string? GridScope);

    private sealed record People(
        Dictionary<string, Person> Patrollers, HashSet<string> AllUserNames, IReadOnlyList<(string UserName, string? GridScope)> ShiftLeaders);

    private static async Task<People> PeopleAsync(DispatchDbContext db, OnSiteDuty duty, CancellationToken ct)
    {
        var enabled = (await duty.EnabledInRole(Roles.Patroller).Select(u => u.UserName!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var patrollerRole = db.Roles.Where(r => r.Name == Roles.Patroller).Select(r => r.Id);
        var holders = db.UserRoles.Where(ur => patrollerRole.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var patrollers = await db.Users.AsNoTracking().Where(u => holders.Contains(u.Id))
            .Select(u => new { u.UserName, u.DisplayName, u.GridScope }).ToListAsync(ct);
        var all = await db.Users.AsNoTracking().Select(u => u.UserName!).ToListAsync(ct);
        var leaders = await duty.EnabledInRole(Roles.ShiftLeader).Select(u => new { u.UserName, u.GridScope }).ToListAsync(ct);
        return new People(
            patrollers.ToDictionary(p => p.UserName!, p => new Person(p.UserName!, p.DisplayName, enabled.Contains(p.UserName!), p.GridScope), StringComparer.Ordinal),
            all.ToHashSet(StringComparer.Ordinal),
            leaders.Select(l => (l.UserName!, l.GridScope)).ToList());
    }

    private static PatrolGridDto ToDto(ResponsibilityGrid g, People people, GridSnapshot snapshot)
    {
        var units = g.Units.Select(u => u.UnitGridCode).Order(StringComparer.Ordinal).ToList();
        GridCode? first = units.Count > 0 && GridCode.TryParse(units[0], out var parsed) ? parsed : null;
        var street = first?.At(GridLevel.Street).Value;
        var community = first?.At(GridLevel.Community).Value;
        var assigned = g.Patrollers.Select(p => p.UserName).Order(StringComparer.Ordinal)
            .Select(n => people.Patrollers.TryGetValue(n, out var p)
                ? new AssignedPatrollerDto(n, p.DisplayName, p.Enabled)
                : new AssignedPatrollerDto(n, n, false))
            .ToList();
        var onDuty = assigned.Any(p => p.Enabled);
        OnSiteFallbackDto? fallback = null;
        if (!onDuty)
        {
            var supervisors = people.Patrollers.Values.Where(p => p.Enabled && street is not null && p.GridScope == street)
                .Select(p => p.UserName).Order(StringComparer.Ordinal).ToList();
            fallback = supervisors.Count > 0
                ? new OnSiteFallbackDto(OnSiteFallback.Name(OnSiteHolder.StreetSupervisors), supervisors)
                : new OnSiteFallbackDto(OnSiteFallback.Name(OnSiteHolder.ShiftLeaders), people.ShiftLeaders
                    .Where(l => l.GridScope is null || (first is { } unit && GridCode.TryParse(l.GridScope, out var scope) && scope.Contains(unit)))
                    .Select(l => l.UserName).Order(StringComparer.Ordinal).ToList());
        }
        return new PatrolGridDto(g.Code, g.Name, street, street is null ? null : snapshot.Find(street)?.Name,
            community, community is null ? null : snapshot.Find(community)?.Name, units, assigned,
            g.ResponsiblePersonName is { } name ? new ResponsiblePersonDto(name, g.ResponsiblePersonPhone) : null,
            onDuty, fallback, g.Version, g.AssignedAt);
    }
}
