using System.Security.Claims;
using Dispatch.Api.Audit;
using Dispatch.Persistence;
using Dispatch.Persistence.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Ledger;

/// <param name="Query">Filters and sort as the list's query string, without <c>?</c> (no cursor or limit).</param>
/// <param name="Columns">Column keys in display order (see the export's <c>columns</c>).</param>
public sealed record SavedLedgerRequest(string? Name, string? Query, IReadOnlyList<string>? Columns);

public sealed record SavedLedgerDto(Guid Id, string Kind, string Name, string Query, IReadOnlyList<string> Columns, DateTimeOffset UpdatedAt);

/// <summary>
/// Saved views (one account's own filters and columns) and ledger templates (台账模板, defined by administrators and
/// listed for every reader, e.g. 窨井盖隐患整改台账 = <c>category=component:0101-0110</c> with the component id column).
/// </summary>
public static class SavedLedgers
{
    private static readonly string[] NotSaved = ["cursor", "limit"];

    public static SavedLedgerDto ToDto(this SavedLedger l) => new(l.Id, l.Kind.ToString().ToLowerInvariant(), l.Name, l.Query,
        l.Columns.Split(',', StringSplitOptions.RemoveEmptyEntries), l.UpdatedAt);

    /// <summary>Checks a request: a name, a query the list accepts (filters, sort) and known columns.</summary>
    private static (string Name, string Query, string Columns)? Check(SavedLedgerRequest request, Dictionary<string, string[]> errors)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > SavedLedger.MaxNameLength)
            errors["name"] = [$"A name of 1 to {SavedLedger.MaxNameLength} characters is required."];
        var query = (request.Query ?? "").Trim().TrimStart('?');
        if (query.Length > SavedLedger.MaxQueryLength)
            errors["query"] = [$"The query is at most {SavedLedger.MaxQueryLength} characters."];
        var parsed = new QueryCollection(QueryHelpers.ParseQuery(query));
        var unknown = parsed.Keys.Where(k => !LedgerFilter.Names.Contains(k) && k != "sort").ToList();
        if (unknown.Count > 0)
            errors["query"] = [$"Unknown parameter {string.Join(", ", unknown)}; a saved ledger holds filters and a sort (not {string.Join(", ", NotSaved)})."];
        var filterErrors = new Dictionary<string, string[]>();
        LedgerFilter.Parse(parsed, filterErrors);
        LedgerSort.Parse(parsed["sort"].ToString(), filterErrors);
        foreach (var (key, value) in filterErrors)
            errors[$"query.{key}"] = value;
        var columns = LedgerColumns.Parse(string.Join(',', request.Columns ?? []), errors);
        if (errors.Count > 0 || columns is null)
            return null;
        return (name, query, string.Join(',', columns.Select(c => c.Key)));
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(title: "Ledger not found", detail: $"No saved ledger {id}.", statusCode: StatusCodes.Status404NotFound);

    public static async Task<Ok<List<SavedLedgerDto>>> ListViews(ClaimsPrincipal user, DispatchDbContext db, CancellationToken ct)
    {
        var owner = user.Identity!.Name!;
        var views = await db.SavedLedgers.AsNoTracking().Where(l => l.Kind == SavedLedgerKind.View && l.Owner == owner)
            .OrderBy(l => l.Name).ToListAsync(ct);
        return TypedResults.Ok(views.Select(v => v.ToDto()).ToList());
    }

    public static async Task<Ok<List<SavedLedgerDto>>> ListTemplates(DispatchDbContext db, CancellationToken ct)
    {
        var templates = await db.SavedLedgers.AsNoTracking().Where(l => l.Kind == SavedLedgerKind.Template)
            .OrderBy(l => l.Name).ToListAsync(ct);
        return TypedResults.Ok(templates.Select(v => v.ToDto()).ToList());
    }

    public static async Task<Results<Created<SavedLedgerDto>, ValidationProblem, ProblemHttpResult>> CreateView(
        SavedLedgerRequest request, ClaimsPrincipal user, DispatchDbContext db, TimeProvider clock, CancellationToken ct) =>
        await CreateAsync(SavedLedgerKind.View, user.Identity!.Name!, request, db, clock, null, ct);

    public static async Task<Results<Created<SavedLedgerDto>, ValidationProblem, ProblemHttpResult>> CreateTemplate(
        SavedLedgerRequest request, DispatchDbContext db, TimeProvider clock, AdminAudit audit, CancellationToken ct) =>
        await CreateAsync(SavedLedgerKind.Template, null, request, db, clock, audit, ct);

    private static async Task<Results<Created<SavedLedgerDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SavedLedgerKind kind, string? owner, SavedLedgerRequest request, DispatchDbContext db, TimeProvider clock, AdminAudit? audit,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (Check(request, errors) is not { } ok)
            return TypedResults.ValidationProblem(errors);
        if (await db.SavedLedgers.AnyAsync(l => l.Kind == kind && l.Owner == owner && l.Name == ok.Name, ct))
            return TypedResults.Problem(title: "Name taken", detail: $"A {kind.ToString().ToLowerInvariant()} named '{ok.Name}' exists.", statusCode: StatusCodes.Status409Conflict);
        var ledger = new SavedLedger(Guid.CreateVersion7(), kind, owner, ok.Name, ok.Query, ok.Columns, clock.GetUtcNow());
        db.SavedLedgers.Add(ledger);
        audit?.Record("ledger.create", "ledger", ledger.Id.ToString(), null, ledger.ToDto());
        await db.SaveChangesAsync(ct);
        var path = kind == SavedLedgerKind.View ? "/api/ledger/views" : "/api/ledger/templates";
        return TypedResults.Created($"{path}/{ledger.Id}", ledger.ToDto());
    }

    public static async Task<Results<Ok<SavedLedgerDto>, ValidationProblem, ProblemHttpResult>> UpdateView(
        Guid id, SavedLedgerRequest request, ClaimsPrincipal user, DispatchDbContext db, TimeProvider clock, CancellationToken ct) =>
        await UpdateAsync(SavedLedgerKind.View, user.Identity!.Name!, id, request, db, clock, null, ct);

    public static async Task<Results<Ok<SavedLedgerDto>, ValidationProblem, ProblemHttpResult>> UpdateTemplate(
        Guid id, SavedLedgerRequest request, DispatchDbContext db, TimeProvider clock, AdminAudit audit, CancellationToken ct) =>
        await UpdateAsync(SavedLedgerKind.Template, null, id, request, db, clock, audit, ct);

    private static async Task<Results<Ok<SavedLedgerDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        SavedLedgerKind kind, string? owner, Guid id, SavedLedgerRequest request, DispatchDbContext db, TimeProvider clock,
        AdminAudit? audit, CancellationToken ct)
    {
        var ledger = await db.SavedLedgers.SingleOrDefaultAsync(l => l.Id == id && l.Kind == kind && l.Owner == owner, ct);
        if (ledger is null)
            return NotFound(id);
        var errors = new Dictionary<string, string[]>();
        if (Check(request, errors) is not { } ok)
            return TypedResults.ValidationProblem(errors);
        if (await db.SavedLedgers.AnyAsync(l => l.Id != id && l.Kind == kind && l.Owner == owner && l.Name == ok.Name, ct))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"'{ok.Name}' is taken."] });
        var before = ledger.ToDto();
        ledger.Change(ok.Name, ok.Query, ok.Columns, clock.GetUtcNow());
        audit?.Record("ledger.update", "ledger", ledger.Id.ToString(), before, ledger.ToDto());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ledger.ToDto());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteView(Guid id, ClaimsPrincipal user, DispatchDbContext db, CancellationToken ct) =>
        await DeleteAsync(SavedLedgerKind.View, user.Identity!.Name!, id, db, null, ct);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteTemplate(Guid id, DispatchDbContext db, AdminAudit audit, CancellationToken ct) =>
        await DeleteAsync(SavedLedgerKind.Template, null, id, db, audit, ct);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(SavedLedgerKind kind, string? owner, Guid id, DispatchDbContext db,
        AdminAudit? audit, CancellationToken ct)
    {
        var ledger = await db.SavedLedgers.SingleOrDefaultAsync(l => l.Id == id && l.Kind == kind && l.Owner == owner, ct);
        if (ledger is null)
            return NotFound(id);
        audit?.Record("ledger.delete", "ledger", ledger.Id.ToString(), ledger.ToDto(), null);
        db.SavedLedgers.Remove(ledger);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
