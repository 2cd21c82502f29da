using Dispatch.Domain.Reports;

namespace Dispatch.Api.Features.Reports;

/// <summary>
/// One report revision as lists show it. <c>revision</c> is the report's own number within its period (1, 2 …);
/// <c>version</c> is the row version an edit or a publication sends back (409 when it is stale).
/// </summary>
public sealed record ReportSummaryDto(Guid Id, string Kind, string Period, int Year, int Revision, string State, string TitleZh, string TitleEn,
    DateOnly From, DateOnly To, DateOnly Due, bool Partial, bool Scheduled, DateTimeOffset GeneratedAt, string GeneratedBy,
    DateTimeOffset? PublishedAt, string? PublishedBy, uint Version)
{
    public static ReportSummaryDto Of(EvaluationReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return Of(new ReportHead(r.Id, r.Kind, r.Period, r.Year, r.Revision, r.State, r.Scheduled, r.GeneratedAt, r.GeneratedBy, r.PublishedAt,
            r.PublishedBy, r.Version));
    }

    public static ReportSummaryDto Of(ReportHead r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var p = ReportPeriod.TryParse(r.Kind, r.Period, out _) ?? throw new InvalidOperationException($"Stored period {r.Period} is not a {r.Kind} period.");
        // Partial: the figures were taken before the period's last day was over.
        var partial = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.GeneratedAt, ReportGenerator.China).DateTime) <= p.To;
        return new(r.Id, ReportPeriod.KindCode(r.Kind), r.Period, r.Year, r.Revision, r.State == ReportState.Published ? "published" : "draft",
            p.TitleZh, p.TitleEn, p.From, p.To, p.Due, partial, r.Scheduled, r.GeneratedAt, r.GeneratedBy, r.PublishedAt, r.PublishedBy, r.Version);
    }
}

/// <summary>A report's columns without its content and files, for lists.</summary>
public sealed record ReportHead(Guid Id, ReportKind Kind, string Period, int Year, int Revision, ReportState State, bool Scheduled,
    DateTimeOffset GeneratedAt, string GeneratedBy, DateTimeOffset? PublishedAt, string? PublishedBy, uint Version);

/// <summary>A report with its content snapshot.</summary>
public sealed record ReportDto(ReportSummaryDto Report, ReportContent Content);

public sealed record ReportListDto(IReadOnlyList<ReportSummaryDto> Items);

/// <param name="Kind">month, quarter or year.</param>
/// <param name="Period">2026-09, 2026-Q3 or 2026.</param>
public sealed record GenerateReportRequest(string? Kind, string? Period);

public sealed record PublishReportRequest(uint? Version);

/// <summary>A draft's texts as a person edited them (paragraphs, Chinese and English).</summary>
public sealed record EditReportRequest(IReadOnlyList<string>? TextZh, IReadOnlyList<string>? TextEn, uint? Version);
