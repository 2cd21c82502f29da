using Dispatch.Domain.Reports;

namespace Dispatch.Api.Features.Reports;

/// <summary>A period as the report shows it.</summary>
public sealed record ReportPeriodDto(string Kind, string Code, DateOnly From, DateOnly To, string LabelZh, string LabelEn)
{
    public static ReportPeriodDto Of(ReportPeriod p) => new(ReportPeriod.KindCode(p.Kind), p.Code, p.From, p.To, p.LabelZh, p.LabelEn);
}

/// <summary>Counts and rates of one object (or the city) in one period; rates are fractions 0..1, null without a denominator.</summary>
public sealed record ReportFigures(IReadOnlyDictionary<string, long> Counts, IReadOnlyDictionary<string, double?> Rates)
{
    public static readonly ReportFigures Empty = new(new Dictionary<string, long>(), new Dictionary<string, double?>());

    public long? Count(string code) => Counts.TryGetValue(code, out var n) ? n : null;

    public double? Rate(string code) => Rates.TryGetValue(code, out var x) ? x : null;
}

/// <summary>One row of a league table as the evaluation API answered it when the report was generated.</summary>
public sealed record ReportRow(string Key, string NameZh, string NameEn, IReadOnlyDictionary<string, long> Counts,
    IReadOnlyDictionary<string, double?> Rates, double? Score, string? Grade, string? GradeZh, string? GradeEn, int Rank,
    int? PreviousRank, int? RankChange)
{
    public string Name(bool zh) => zh ? NameZh : (string.IsNullOrWhiteSpace(NameEn) ? NameZh : NameEn);

    public string? GradeName(bool zh) => zh ? GradeZh : GradeEn ?? GradeZh;
}

/// <summary>A league table of one object kind (department, street): the indicator codes it shows, its rows in rank order, its total.</summary>
public sealed record ReportTable([property: System.Text.Json.Serialization.JsonPropertyName("object")] string ObjectKind, IReadOnlyList<string> Indicators, IReadOnlyList<ReportRow> Rows, ReportFigures Total);

/// <summary>One point of the city's trend.</summary>
public sealed record ReportTrendPoint(string LabelZh, string LabelEn, DateOnly? From, IReadOnlyDictionary<string, long> Counts,
    IReadOnlyDictionary<string, double?> Rates, double? Score);

/// <summary>
/// What a report says, as a snapshot: the period and the one before it, the city's totals, the league tables of
/// departments and streets with rank changes, the city's trend and the generated paragraphs (Chinese and English).
/// Published reports keep this JSON unchanged; their files are rendered from it.
/// </summary>
/// <param name="Partial">The period had not ended when the figures were taken: they are an interim state.</param>
public sealed record ReportContent(
    ReportPeriodDto Period,
    ReportPeriodDto Previous,
    DateOnly Due,
    string TitleZh,
    string TitleEn,
    int Revision,
    DateTimeOffset GeneratedAt,
    bool Partial,
    ReportFigures City,
    ReportFigures PreviousCity,
    ReportTable Departments,
    ReportTable Streets,
    IReadOnlyList<ReportTrendPoint> Trend,
    IReadOnlyList<string> TextZh,
    IReadOnlyList<string> TextEn)
{
    public string Title(bool zh) => zh ? TitleZh : TitleEn;

    public IReadOnlyList<string> Text(bool zh) => zh ? TextZh : TextEn;
}
