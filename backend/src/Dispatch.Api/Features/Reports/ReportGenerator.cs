using System.Text.Json;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Reports;

namespace Dispatch.Api.Features.Reports;

/// <summary>Takes a report's content snapshot from the evaluation figures as they are now.</summary>
public sealed class ReportGenerator(IReportSource source, TimeProvider clock)
{
    public static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), China).DateTime);

    public async Task<ReportContent> GenerateAsync(ReportPeriod period, int revision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var now = clock.GetUtcNow();
        var partial = Today(clock) <= period.To;
        var kind = ReportPeriod.KindCode(period.Kind);
        // The evaluation context is one DbContext: one query at a time.
        var departments = await source.LeagueAsync("department", period, ct);
        var streets = await source.LeagueAsync("street", period, ct);
        var city = await source.CityTrendAsync(kind, 2, period.To, ct);
        var trend = period.Kind == ReportKind.Quarter
            ? await source.CityTrendAsync("quarter", 4, period.To, ct)
            : await source.CityTrendAsync("month", 12, period.To, ct);

        var current = city.Count > 0 ? Figures(city[^1]) : ReportFigures.Empty;
        var before = city.Count > 1 ? Figures(city[^2]) : ReportFigures.Empty;
        var p = ReportPeriodDto.Of(period);
        var previous = ReportPeriodDto.Of(period.Previous);
        var (zh, en) = ReportTexts.Write(p, previous, partial, current, before, departments, streets);
        return new ReportContent(p, previous, period.Due, period.TitleZh, period.TitleEn, revision, now, partial, current, before,
            departments, streets, trend, zh, en);
    }

    private static ReportFigures Figures(ReportTrendPoint point) => new(point.Counts, point.Rates);

    public static string Serialize(ReportContent content) => JsonSerializer.Serialize(content, DispatchJson.Options);

    public static ReportContent Deserialize(string json) =>
        JsonSerializer.Deserialize<ReportContent>(json, DispatchJson.Options) ?? throw new InvalidOperationException("Empty report content.");
}
