namespace Dispatch.Domain.Evaluation;

/// <summary>One weighted term of a composite score: a rate code, or <see cref="Scoring.Volume"/>; <c>Inverted</c> scores 1 − x.</summary>
public sealed record ScoringItem(string Indicator, double Weight, bool Inverted);

/// <summary>A grade reached when the score (0..100) is at least <c>Min</c>.</summary>
public sealed record GradeBand(string Grade, double Min);

/// <summary>How one object kind is scored: weighted terms (percent, summing to 100) and grade bands.</summary>
public sealed record ScoringScheme(string ObjectKind, IReadOnlyList<ScoringItem> Items, IReadOnlyList<GradeBand> Bands);

/// <summary>
/// Composite scores (综合评价, docs/domain.md §6). The weights are configuration; these are the defaults. A term
/// whose rate is unknown (denominator 0) is left out and the others are weighed up to 100 %; with no known term
/// there is no score.
/// </summary>
public static class Scoring
{
    /// <summary>The volume term: the object's workload as a share of the largest in the same table (0..1).</summary>
    public const string Volume = "volume";

    public static IReadOnlyList<string> Grades { get; } = ["excellent", "good", "pass", "fail"];

    /// <summary>The object kinds a scheme may be set for; regions below the street use the street's scheme.</summary>
    public static IReadOnlyList<string> SchemeKinds { get; } = [ObjectKinds.Department, ObjectKinds.Street, ObjectKinds.Patroller];

    public static string GradeZh(string grade) => grade switch
    {
        "excellent" => "优秀",
        "good" => "良好",
        "pass" => "合格",
        _ => "不合格",
    };

    public static string GradeEn(string grade) => grade switch
    {
        "excellent" => "Excellent",
        "good" => "Good",
        "pass" => "Pass",
        _ => "Fail",
    };

    private static readonly GradeBand[] DefaultBands = [new("excellent", 90), new("good", 80), new("pass", 60), new("fail", 0)];

    public static IReadOnlyList<ScoringScheme> Defaults { get; } =
    [
        // DOMAIN §6: 30 % 结案率 + 30 % 按期处置率 + 30 % (1 − 返工率) + 10 % volume band.
        new(ObjectKinds.Department,
            [new("closeRate", 30, false), new("onTimeHandleRate", 30, false), new("reworkRate", 30, true), new(Volume, 10, false)],
            DefaultBands),
        // Regions (district, street, community, unit): the loop's outcome in the place.
        new(ObjectKinds.Street,
            [new("closeRate", 35, false), new("onTimeCloseRate", 35, false), new("reworkRate", 20, true), new("validRate", 10, false)],
            DefaultBands),
        // DOMAIN §6: 40 % 有效上报率 + 20 % (1 − 漏报率) + 20 % 按时核实率 + 20 % 按时核查率. Missed reports are not
        // measured yet (they need public reports matched against patrol grids), so that 20 % weighs report volume.
        new(ObjectKinds.Patroller,
            [new("validRate", 40, false), new(Volume, 20, false), new("onTimeVerifyRate", 20, false), new("onTimeCheckRate", 20, false)],
            DefaultBands),
    ];

    /// <summary>Which scheme scores an object kind: regions use the street's; kinds without a scheme have no score.</summary>
    public static string? SchemeFor(string objectKind) => objectKind switch
    {
        ObjectKinds.Department => ObjectKinds.Department,
        ObjectKinds.District or ObjectKinds.Street or ObjectKinds.Community or ObjectKinds.Unit => ObjectKinds.Street,
        ObjectKinds.Patroller => ObjectKinds.Patroller,
        _ => null,
    };

    /// <summary>The count that measures an object's volume: cases due to close, or for patrollers reports.</summary>
    public static string VolumeCount(string objectKind) => objectKind == ObjectKinds.Patroller ? "reported" : "closeDue";

    /// <summary>The score 0..100 of one object; <paramref name="volume"/> is its volume share (null leaves the term out).</summary>
    public static double? Score(ScoringScheme scheme, IReadOnlyDictionary<string, double?> rates, double? volume)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(rates);
        double sum = 0, weights = 0;
        foreach (var item in scheme.Items)
        {
            var x = item.Indicator == Volume ? volume : rates.GetValueOrDefault(item.Indicator);
            if (x is not { } value)
                continue;
            value = Math.Clamp(value, 0, 1);
            sum += item.Weight * (item.Inverted ? 1 - value : value);
            weights += item.Weight;
        }
        return weights == 0 ? null : Math.Round(sum / weights * 100, 2);
    }

    /// <summary>The highest band whose minimum the score reaches.</summary>
    public static string? Grade(ScoringScheme scheme, double? score)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return score is not { } s ? null : scheme.Bands.OrderByDescending(b => b.Min).FirstOrDefault(b => s >= b.Min)?.Grade;
    }

    /// <summary>What is wrong with a configuration, by field path; empty when it is sound.</summary>
    public static Dictionary<string, string[]> Validate(IReadOnlyList<ScoringScheme>? schemes)
    {
        var errors = new Dictionary<string, string[]>();
        if (schemes is null || schemes.Count == 0)
        {
            errors["schemes"] = ["Name at least one scheme."];
            return errors;
        }
        var rateCodes = Indicators.Rates.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < schemes.Count; i++)
        {
            var s = schemes[i];
            var at = $"schemes[{i}]";
            if (!SchemeKinds.Contains(s.ObjectKind))
                errors[$"{at}.object"] = [$"A scheme is for one of: {string.Join(", ", SchemeKinds)}."];
            else if (schemes.Take(i).Any(o => o.ObjectKind == s.ObjectKind))
                errors[$"{at}.object"] = [$"Two schemes for {s.ObjectKind}."];
            if (s.Items is null || s.Items.Count == 0)
                errors[$"{at}.items"] = ["A scheme weighs at least one indicator."];
            else
            {
                for (var j = 0; j < s.Items.Count; j++)
                {
                    var item = s.Items[j];
                    if (item.Indicator != Volume && !rateCodes.Contains(item.Indicator))
                        errors[$"{at}.items[{j}].indicator"] = [$"'{item.Indicator}' is not a rate code nor '{Volume}'."];
                    if (!double.IsFinite(item.Weight) || item.Weight <= 0 || item.Weight > 100)
                        errors[$"{at}.items[{j}].weight"] = ["A weight is a percentage above 0 and at most 100."];
                }
                var total = s.Items.Sum(x => x.Weight);
                if (Math.Abs(total - 100) > 1e-6)
                    errors[$"{at}.items"] = [$"The weights add up to {total}, not 100."];
            }
            if (s.Bands is null || s.Bands.Count != Grades.Count || Grades.Any(g => s.Bands.Count(b => b.Grade == g) != 1))
                errors[$"{at}.bands"] = [$"Give one band for each grade: {string.Join(", ", Grades)}."];
            else
            {
                var ordered = Grades.Select(g => s.Bands.Single(b => b.Grade == g).Min).ToList();
                if (ordered.Any(m => !double.IsFinite(m) || m < 0 || m > 100) || ordered.Zip(ordered.Skip(1)).Any(p => p.First <= p.Second))
                    errors[$"{at}.bands"] = ["Minimums are 0..100 and fall strictly from excellent to fail."];
                else if (ordered[^1] != 0)
                    errors[$"{at}.bands"] = ["The fail band starts at 0, so every score has a grade."];
            }
        }
        return errors;
    }
}
