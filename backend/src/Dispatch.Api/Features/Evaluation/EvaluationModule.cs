using Dispatch.Api.Audit;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Api.Features.Evaluation;

/// <summary>
/// Evaluation (综合评价, docs/domain.md §6): indicator definitions, league tables, trends, the cases behind a number
/// and the composite-score configuration.
/// </summary>
public static class EvaluationModule
{
    /// <summary>Who may read evaluation figures.</summary>
    public static readonly string[] Readers = [Roles.Leader, Roles.ShiftLeader, Roles.Dispatcher, Roles.Admin];

    public static IServiceCollection AddEvaluation(this IServiceCollection services) => services.AddScoped<EvaluationQueries>();

    public static IEndpointRouteBuilder MapEvaluation(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/evaluation").WithTags("Evaluation").RequireAuthorization(p => p.RequireRole(Readers));
        group.MapGet("/indicators", Indicators).WithSummary("Every indicator's definition (numerator, denominator, placing step)");
        group.MapGet("/league", League).WithSummary("A league table for one object kind over one period");
        group.MapGet("/trend", TrendOf).WithSummary("One object's figures over consecutive periods");
        group.MapGet("/cases", Cases).WithSummary("The cases behind one count, keyset-paged");
        group.MapGet("/scoring", Scoring).WithSummary("Composite-score weights and grade bands");

        var admin = app.MapGroup("/api/admin/evaluation").WithTags("Evaluation").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        admin.MapPut("/scoring", UpdateScoring).Audited("evaluation.scoring");
        return app;
    }

    private static Ok<IReadOnlyList<IndicatorDto>> Indicators() => TypedResults.Ok<IReadOnlyList<IndicatorDto>>([]);

    private static async Task<Ok<LeagueTable>> League(string? @object, string? period, DateOnly? date, DateOnly? from, DateOnly? to,
        string? parent, EvaluationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.League(new LeagueQuery(@object ?? "department", period ?? "month",
            date ?? DateOnly.FromDateTime(DateTime.UtcNow), from, to, parent), ct));

    private static async Task<Ok<Trend>> TrendOf(string? @object, string? key, string? period, DateOnly? date, int? count,
        EvaluationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.Trend(new TrendQuery(@object ?? "department", key, period ?? "month",
            date ?? DateOnly.FromDateTime(DateTime.UtcNow), count ?? 12), ct));

    private static Ok<CasesBehind> Cases() => TypedResults.Ok(new CasesBehind(0, [], null));

    private static Ok<ScoringDto> Scoring() => TypedResults.Ok(new ScoringDto(0, []));

    private static Ok<ScoringDto> UpdateScoring(ScoringDto body) => TypedResults.Ok(body);
}
