using System.Security.Claims;
using System.Text.Json;
using Dispatch.Api.Audit;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Evaluation;
using Dispatch.Persistence;
using Dispatch.Persistence.Evaluation;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Evaluation;

/// <summary>
/// Evaluation (综合评价, docs/domain.md §6): indicator definitions, league tables, trends, the cases behind a number
/// and the composite-score configuration. Figures come from the evaluation facts the case module writes with its
/// trace rows; this feature only reads them.
/// </summary>
public static class EvaluationModule
{
    /// <summary>Who may read evaluation figures.</summary>
    public static readonly string[] Readers = [Roles.Leader, Roles.ShiftLeader, Roles.Dispatcher, Roles.Admin];

    public const int MaxPageSize = 200;

    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddEvaluation(this IServiceCollection services) => services.AddScoped<EvaluationQueries>();

    public static IEndpointRouteBuilder MapEvaluation(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/evaluation").WithTags("Evaluation").RequireAuthorization(p => p.RequireRole(Readers));
        group.MapGet("/indicators", ListIndicators).WithSummary("Every indicator's definition (numerator, denominator, placing step)");
        group.MapGet("/league", League).WithSummary("A league table for one object kind over one period");
        group.MapGet("/trend", TrendOf).WithSummary("One object's (or the city's) figures over consecutive periods");
        group.MapGet("/cases", Cases).WithSummary("The cases behind one count, keyset-paged");
        group.MapGet("/scoring", GetScoring).WithSummary("Composite-score weights and grade bands");

        var admin = app.MapGroup("/api/admin/evaluation").WithTags("Evaluation").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        admin.MapPut("/scoring", PutScoring).Audited("evaluation.scoring").WithSummary("Replace the composite-score configuration (version checked)");
        return app;
    }

    private static Ok<IReadOnlyList<IndicatorDto>> ListIndicators() => TypedResults.Ok<IReadOnlyList<IndicatorDto>>(
        Indicators.All.Select(i => new IndicatorDto(i.Code, i.Kind, i.NameZh, i.NameEn, i.DefinitionZh, i.DefinitionEn,
            i.Numerator, i.Denominator, i.PlacedBy, i.ObjectKinds)).ToList());

    /// <summary>Reads the common query parameters, collecting errors by parameter name.</summary>
    private sealed class Reader(HttpRequest request, TimeProvider clock)
    {
        public Dictionary<string, string[]> Errors { get; } = [];

        public string? Text(string name) => request.Query.TryGetValue(name, out var v) && v.Count > 0 && !string.IsNullOrWhiteSpace(v[^1]) ? v[^1] : null;

        public DateOnly? Date(string name)
        {
            if (Text(name) is not { } text)
                return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
                return d;
            Errors[name] = [$"'{text}' is not a date (YYYY-MM-DD)."];
            return null;
        }

        public string Object(bool required = true)
        {
            var kind = Text("object");
            if (kind is null)
            {
                if (required)
                    Errors["object"] = [$"Name the object kind: {string.Join(", ", ObjectKinds.All)}."];
                return ObjectKinds.Department;
            }
            if (!ObjectKinds.All.Contains(kind))
                Errors["object"] = [$"'{kind}' is not one of {string.Join(", ", ObjectKinds.All)}."];
            return kind;
        }

        public string Period(bool customAllowed = true)
        {
            var kind = Text("period") ?? "month";
            var parsed = EvaluationPeriod.ParseKind(kind);
            if (parsed is null || (!customAllowed && parsed == PeriodKind.Custom))
                Errors["period"] = [$"'{kind}' is not one of day, week, month, quarter, year{(customAllowed ? ", custom" : "")}."];
            return kind;
        }

        public DateOnly Today => EvaluationPeriod.DayOf(clock.GetUtcNow());

        /// <summary>The period the parameters name, or null (with errors) when they do not.</summary>
        public EvaluationPeriod? ResolvedPeriod(string kind, DateOnly date, DateOnly? from, DateOnly? to)
        {
            if (Errors.Count > 0)
                return null;
            try
            {
                return EvaluationPeriodDtos.Resolve(kind, date, from, to);
            }
            catch (BadEvaluationQueryException e)
            {
                Errors[e.Parameter] = [e.Message];
                return null;
            }
        }
    }

    private static async Task<Results<Ok<LeagueTable>, ValidationProblem>> League(HttpRequest request, TimeProvider clock,
        EvaluationQueries queries, CancellationToken ct)
    {
        var r = new Reader(request, clock);
        var kind = r.Object();
        var period = r.Period();
        var date = r.Date("date") ?? r.Today;
        var (from, to) = (r.Date("from"), r.Date("to"));
        var parent = r.Text("parent");
        if (parent is not null && EvaluationQueries.ParentColumnOf(kind) is null && !r.Errors.ContainsKey("object"))
            r.Errors["parent"] = ["Only street, community and unit tables take a parent (a district, street or community code)."];
        else if (parent is not null && (parent.Length > 15 || !parent.All(char.IsAsciiDigit)))
            r.Errors["parent"] = [$"'{parent}' is not a grid code."];
        if (r.ResolvedPeriod(period, date, from, to) is null)
            return TypedResults.ValidationProblem(r.Errors);
        return TypedResults.Ok(await queries.League(new LeagueQuery(kind, period, date, from, to, parent), ct));
    }

    private static async Task<Results<Ok<Trend>, ValidationProblem>> TrendOf(HttpRequest request, TimeProvider clock,
        EvaluationQueries queries, CancellationToken ct)
    {
        var r = new Reader(request, clock);
        var kind = r.Object();
        var period = r.Period(customAllowed: false);
        var date = r.Date("date") ?? r.Today;
        var count = 12;
        if (r.Text("count") is { } c && (!int.TryParse(c, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) || count is < 1 or > 60))
            r.Errors["count"] = ["count is a whole number from 1 to 60."];
        var key = r.Text("key");
        if (key is { Length: > 256 })
            r.Errors["key"] = ["A key has at most 256 characters."];
        if (r.Errors.Count > 0)
            return TypedResults.ValidationProblem(r.Errors);
        return TypedResults.Ok(await queries.Trend(new TrendQuery(kind, key, period, date, count), ct));
    }

    private static async Task<Results<Ok<CasesBehind>, ValidationProblem>> Cases(HttpRequest request, TimeProvider clock,
        EvaluationQueries queries, CancellationToken ct)
    {
        var r = new Reader(request, clock);
        var kind = r.Object();
        var periodKind = r.Period();
        var date = r.Date("date") ?? r.Today;
        var (from, to) = (r.Date("from"), r.Date("to"));
        var key = r.Text("key");
        if (key is { Length: > 256 })
            r.Errors["key"] = ["A key has at most 256 characters."];
        var code = r.Text("indicator");
        var count = code is null ? null : Indicators.Counts.FirstOrDefault(i => i.Code == code);
        if (count is null)
            r.Errors["indicator"] = [code is null ? "Name the count (indicator=<count code>)." : $"'{code}' is not a count code."];
        (DateTimeOffset, Guid)? after = null;
        if (r.Text("cursor") is { } cursor && (after = CasesCursor.Decode(cursor)) is null)
            r.Errors["cursor"] = ["The cursor is not one this server gave out."];
        var limit = 50;
        if (r.Text("limit") is { } l && (!int.TryParse(l, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxPageSize))
            r.Errors["limit"] = [$"limit is a whole number from 1 to {MaxPageSize}."];
        var period = r.ResolvedPeriod(periodKind, date, from, to);
        if (period is null || count is null)
            return TypedResults.ValidationProblem(r.Errors);
        return TypedResults.Ok(await queries.Cases(kind, key, count, period, after, limit, ct));
    }

    private static ScoringDto ToDto(int version, IReadOnlyList<ScoringScheme> schemes) => new(version, schemes.Select(s =>
        new ScoringSchemeDto(s.ObjectKind, s.Items.Select(i => new ScoringItemDto(i.Indicator, i.Weight, i.Inverted)).ToList(),
            s.Bands.Select(b => new GradeBandDto(b.Grade, b.Min)).ToList())).ToList());

    private static async Task<Ok<ScoringDto>> GetScoring(EvaluationQueries queries, CancellationToken ct)
    {
        var (version, schemes) = await queries.ScoringAsync(ct);
        return TypedResults.Ok(ToDto(version, schemes));
    }

    /// <summary>A null where a scheme, an item or a band belongs, by field path (JSON allows <c>[null]</c>).</summary>
    private static Dictionary<string, string[]> NullsIn(ScoringDto body)
    {
        var errors = new Dictionary<string, string[]>();
        var schemes = body.Schemes ?? [];
        for (var i = 0; i < schemes.Count; i++)
        {
            if (schemes[i] is not { } scheme)
            {
                errors[$"schemes[{i}]"] = ["A scheme is an object, not null."];
                continue;
            }
            var items = scheme.Items ?? [];
            for (var j = 0; j < items.Count; j++)
                if (items[j] is null)
                    errors[$"schemes[{i}].items[{j}]"] = ["An item is an object, not null."];
            var bands = scheme.Bands ?? [];
            for (var j = 0; j < bands.Count; j++)
                if (bands[j] is null)
                    errors[$"schemes[{i}].bands[{j}]"] = ["A band is an object, not null."];
        }
        return errors;
    }

    private static async Task<Results<Ok<ScoringDto>, ValidationProblem, ProblemHttpResult>> PutScoring(ScoringDto? body,
        ClaimsPrincipal user, DispatchDbContext db, EvaluationQueries queries, AdminAudit audit, TimeProvider clock, CancellationToken ct)
    {
        if (body is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the scoring configuration."] });
        var holes = NullsIn(body);
        if (holes.Count > 0)
            return TypedResults.ValidationProblem(holes);
        var schemes = (body.Schemes ?? []).Select(s => new ScoringScheme(s.ObjectKind ?? "",
            (s.Items ?? []).Select(i => new ScoringItem(i.Indicator ?? "", i.Weight, i.Inverted)).ToList(),
            (s.Bands ?? []).Select(b => new GradeBand(b.Grade ?? "", b.Min)).ToList())).ToList();
        var errors = Scoring.Validate(schemes);
        foreach (var kind in Scoring.SchemeKinds.Where(k => schemes.All(s => s.ObjectKind != k)))
            errors[$"schemes"] = [$"Give a scheme for each of {string.Join(", ", Scoring.SchemeKinds)} ({kind} is missing)."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var (version, current) = await queries.ScoringAsync(ct);
        var before = ToDto(version, current);
        if (body.Version != version)
            return EditConflicts.Conflict("The scoring configuration", body.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                version.ToString(System.Globalization.CultureInfo.InvariantCulture), before);
        var json = JsonSerializer.Serialize(schemes, StoredJson);
        var name = user.Identity?.Name ?? "admin";
        var stored = await db.EvaluationScorings.SingleOrDefaultAsync(s => s.Id == EvaluationScoring.SingletonId, ct);
        if (stored is null)
            db.EvaluationScorings.Add(stored = new EvaluationScoring(json, name, clock.GetUtcNow()));
        else
            stored.Update(json, name, clock.GetUtcNow());
        var after = ToDto(stored.Version, schemes);
        audit.Record("evaluation.scoring", "evaluation-scoring", "scoring", before, after);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            var (nowVersion, nowSchemes) = await queries.ScoringAsync(ct);
            return EditConflicts.Conflict("The scoring configuration", body.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                nowVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), ToDto(nowVersion, nowSchemes));
        }
        return TypedResults.Ok(after);
    }
}
