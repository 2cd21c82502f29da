namespace Dispatch.Domain.Reports;

/// <summary>A report's life: a draft may be regenerated and edited; a published one never changes again.</summary>
public enum ReportState
{
    Draft,
    Published,
}

/// <summary>The rendered files of a report, stored when it is published (Chinese and English).</summary>
public sealed record ReportFiles(byte[] XlsxZh, byte[] DocxZh, byte[] XlsxEn, byte[] DocxEn);

/// <summary>
/// A periodic evaluation report (综合评价通报) of one period, in one revision. Its content is a JSON snapshot of the
/// figures and texts taken when it was generated. Publishing freezes it: content and files are stored and never
/// change (the methods below refuse, and a database trigger refuses any update or delete of a published row). A
/// correction is a new revision of the same period, generated from the data as it is then; every revision is kept.
/// </summary>
public sealed class EvaluationReport
{
    public const int MaxTextLength = 4000;

    private EvaluationReport() { }

    public static EvaluationReport Draft(Guid id, ReportPeriod period, int revision, string content, bool scheduled, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(revision, 1);
        return new EvaluationReport
        {
            Id = id, Kind = period.Kind, Period = period.Code, Year = period.Year, Revision = revision, State = ReportState.Draft,
            Content = content, Scheduled = scheduled, GeneratedBy = by, GeneratedAt = at,
        };
    }

    public Guid Id { get; private set; }
    public ReportKind Kind { get; private set; }
    /// <summary>The period code: <c>2026-09</c>, <c>2026-Q3</c>, <c>2026</c>.</summary>
    public string Period { get; private set; } = "";
    public int Year { get; private set; }
    /// <summary>1 for the first report of the period, 2 for its first correction, and so on.</summary>
    public int Revision { get; private set; }
    public ReportState State { get; private set; }
    /// <summary>The content snapshot (JSON): period, city totals, league tables, trend, texts.</summary>
    public string Content { get; private set; } = "";
    /// <summary>Whether the schedule created this draft (rather than a person).</summary>
    public bool Scheduled { get; private set; }
    public string GeneratedBy { get; private set; } = "";
    public DateTimeOffset GeneratedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public byte[]? XlsxZh { get; private set; }
    public byte[]? DocxZh { get; private set; }
    public byte[]? XlsxEn { get; private set; }
    public byte[]? DocxEn { get; private set; }
    /// <summary>Row version for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    public ReportPeriod PeriodValue => ReportPeriod.TryParse(Kind, Period, out _)
        ?? throw new InvalidOperationException($"Stored period {Period} is not a {Kind} period.");

    /// <summary>Replaces a draft's content with one generated from the data as it is now.</summary>
    public void Regenerate(string content, string by, DateTimeOffset at)
    {
        EnsureDraft();
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        Content = content;
        GeneratedBy = by;
        GeneratedAt = at;
    }

    /// <summary>Replaces a draft's content after a person edited its texts.</summary>
    public void EditContent(string content)
    {
        EnsureDraft();
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        Content = content;
    }

    /// <summary>Freezes the report with the files rendered from its content.</summary>
    public void Publish(ReportFiles files, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(files);
        EnsureDraft();
        XlsxZh = files.XlsxZh;
        DocxZh = files.DocxZh;
        XlsxEn = files.XlsxEn;
        DocxEn = files.DocxEn;
        PublishedBy = by;
        PublishedAt = at;
        State = ReportState.Published;
    }

    private void EnsureDraft()
    {
        if (State == ReportState.Published)
            throw new InvalidOperationException($"Report {Period} revision {Revision} is published and frozen; generate a new revision instead.");
    }
}
