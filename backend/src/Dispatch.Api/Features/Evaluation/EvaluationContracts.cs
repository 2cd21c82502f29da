using System.Text.Json.Serialization;

namespace Dispatch.Api.Features.Evaluation;

// The evaluation API's public shapes (docs/api.md, "Evaluation"). Periodic reports and the evaluation page read
// exactly these records, so they change only together with the contract.

/// <summary>A period of China-time calendar days: <c>kind</c> is day|week|month|quarter|year|custom, <c>to</c> inclusive.</summary>
public sealed record PeriodDto(string Kind, DateOnly From, DateOnly To, string LabelZh, string LabelEn);

/// <summary>One indicator's definition: what it counts or divides, and which step's time places a case in the period.</summary>
public sealed record IndicatorDto(
    string Code, string Kind, string NameZh, string NameEn, string DefinitionZh, string DefinitionEn,
    string? Numerator, string? Denominator, string PlacedBy, IReadOnlyList<string> ObjectKinds);

/// <summary>A league table's question: one object kind over one period, optionally the children of one grid node.</summary>
public sealed record LeagueQuery([property: JsonPropertyName("object")] string ObjectKind, string Period, DateOnly Date, DateOnly? From = null, DateOnly? To = null, string? Parent = null);

/// <summary>A league table: one row per object with its counts, rates, score, grade and rank (1 = best).</summary>
public sealed record LeagueTable(
    [property: JsonPropertyName("object")] string ObjectKind, string? Parent, PeriodDto Period, PeriodDto? Previous, IReadOnlyList<string> Indicators,
    IReadOnlyList<LeagueRow> Rows, FigureSet Total);

public sealed record LeagueRow(
    string Key, string NameZh, string NameEn,
    IReadOnlyDictionary<string, long> Counts, IReadOnlyDictionary<string, double?> Rates,
    double? Score, string? Grade, string? GradeZh, string? GradeEn,
    int Rank, int? PreviousRank, int? RankChange, bool HasChildren);

/// <summary>Counts and the rates computed from them (a rate is null when its denominator is 0).</summary>
public sealed record FigureSet(IReadOnlyDictionary<string, long> Counts, IReadOnlyDictionary<string, double?> Rates);

/// <summary>A trend's question: <c>Count</c> periods of one kind ending with the one holding <c>Date</c>; no key = the whole city.</summary>
public sealed record TrendQuery([property: JsonPropertyName("object")] string ObjectKind, string? Key, string Period, DateOnly Date, int Count = 12);

public sealed record Trend([property: JsonPropertyName("object")] string ObjectKind, string? Key, string NameZh, string NameEn, IReadOnlyList<TrendPoint> Points);

public sealed record TrendPoint(PeriodDto Period, IReadOnlyDictionary<string, long> Counts, IReadOnlyDictionary<string, double?> Rates, double? Score);

/// <summary>The cases behind one count, newest step first, keyset-paged.</summary>
public sealed record CasesBehind(long Total, IReadOnlyList<CaseBehind> Items, string? NextCursor);

/// <summary><c>At</c> is the time of the step that placed the case in the count.</summary>
public sealed record CaseBehind(Guid CaseId, string Number, string Description, string State, DateTimeOffset At, bool? OnTime);

/// <summary>The composite-score configuration: one scheme per object kind (department, street, patroller).</summary>
public sealed record ScoringDto(int Version, IReadOnlyList<ScoringSchemeDto> Schemes);

public sealed record ScoringSchemeDto([property: JsonPropertyName("object")] string ObjectKind, IReadOnlyList<ScoringItemDto> Items, IReadOnlyList<GradeBandDto> Bands);

/// <summary><c>Indicator</c> is a rate code or <c>volume</c>; <c>Weight</c> in percent; <c>Inverted</c> scores 1 − x.</summary>
public sealed record ScoringItemDto(string Indicator, double Weight, bool Inverted);

/// <summary>A grade (excellent|good|pass|fail) reached when the score is at least <c>Min</c> (0..100).</summary>
public sealed record GradeBandDto(string Grade, double Min);
