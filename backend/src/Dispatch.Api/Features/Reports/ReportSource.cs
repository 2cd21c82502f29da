using Dispatch.Api.Features.Evaluation;
using Dispatch.Domain.Reports;

namespace Dispatch.Api.Features.Reports;

/// <summary>Where a report's figures come from: the evaluation feature's league tables and trends.</summary>
public interface IReportSource
{
    /// <summary>The league table of <paramref name="objectKind"/> (department, street) for the period, with rank changes.</summary>
    Task<ReportTable> LeagueAsync(string objectKind, ReportPeriod period, CancellationToken ct);

    /// <summary>The whole city's <paramref name="count"/> periods of <paramref name="periodKind"/> up to the one holding <paramref name="date"/>, oldest first.</summary>
    Task<IReadOnlyList<ReportTrendPoint>> CityTrendAsync(string periodKind, int count, DateOnly date, CancellationToken ct);
}

/// <summary>
/// The report's figures from <see cref="EvaluationQueries"/>: the same queries, and so the same numbers, as the
/// evaluation API answers for the same period.
/// </summary>
public sealed class EvaluationReportSource(EvaluationQueries queries) : IReportSource
{
    public async Task<ReportTable> LeagueAsync(string objectKind, ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var league = await queries.League(new LeagueQuery(objectKind, ReportPeriod.KindCode(period.Kind), period.From), ct);
        var rows = league.Rows.Select(r => new ReportRow(r.Key, r.NameZh, r.NameEn, r.Counts, r.Rates, r.Score, r.Grade, r.GradeZh, r.GradeEn,
            r.Rank, r.PreviousRank, r.RankChange)).OrderBy(r => r.Rank).ToList();
        return new ReportTable(league.ObjectKind, league.Indicators, rows, new ReportFigures(league.Total.Counts, league.Total.Rates));
    }

    public async Task<IReadOnlyList<ReportTrendPoint>> CityTrendAsync(string periodKind, int count, DateOnly date, CancellationToken ct)
    {
        var trend = await queries.Trend(new TrendQuery("department", null, periodKind, date, count), ct);
        return trend.Points.Select(p => new ReportTrendPoint(p.Period.LabelZh, p.Period.LabelEn, p.Period.From, p.Counts, p.Rates, p.Score)).ToList();
    }
}
