using System.ComponentModel.DataAnnotations;
using Dispatch.Domain.Calendar;
using Dispatch.Domain.Cases;

namespace Dispatch.Api.Features.Cases.Clocks;

/// <summary>A time limit as configuration writes it: <c>{ "Limit": 0.5, "Unit": "working_hours" }</c>.</summary>
public sealed class LimitOption
{
    public decimal Limit { get; set; }
    /// <summary>working_hours | urgent_hours | working_days | calendar_days</summary>
    public string Unit { get; set; } = "working_hours";

    public TimeLimit ToTimeLimit() => new(Limit, TimeLimit.ParseUnit(Unit));

    public bool IsValid()
    {
        try
        {
            _ = ToTimeLimit();
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>Limits of the steps around handling (docs/domain.md §5: file + dispatch ≤ 30 min, check ≤ 1 h). Null: the step is not timed.</summary>
public sealed class StepLimitOptions
{
    public LimitOption? Accept { get; set; } = new() { Limit = 0.5m };
    public LimitOption? Verify { get; set; } = new() { Limit = 2 };
    public LimitOption? File { get; set; } = new() { Limit = 0.25m };
    public LimitOption? Dispatch { get; set; } = new() { Limit = 0.25m };
    public LimitOption? Check { get; set; } = new() { Limit = 1 };
    public LimitOption? Close { get; set; } = new() { Limit = 1 };

    public LimitOption? For(CaseStage stage) => stage switch
    {
        CaseStage.Accept => Accept,
        CaseStage.Verify => Verify,
        CaseStage.File => File,
        CaseStage.Dispatch => Dispatch,
        CaseStage.Check => Check,
        CaseStage.Close => Close,
        _ => null,
    };

    public IEnumerable<LimitOption> All() => new[] { Accept, Verify, File, Dispatch, Check, Close }.OfType<LimitOption>();
}

/// <summary>Time limits, traffic lights and the sweeper (docs/domain.md §5).</summary>
public sealed class SlaOptions
{
    public const string SectionName = "Sla";

    /// <summary>Run the sweeper on worker nodes.</summary>
    public bool SweeperEnabled { get; set; } = true;
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);
    [Range(1, 10_000)]
    public int SweepBatchSize { get; set; } = 200;
    /// <summary>Share of a limit after which the light turns yellow.</summary>
    [Range(0.01, 1.0)]
    public double YellowFraction { get; set; } = CaseClock.DefaultYellowFraction;
    public StepLimitOptions Steps { get; set; } = new();
    /// <summary>Handling limit of a case whose category has no filing condition with a limit.</summary>
    public LimitOption DefaultHandling { get; set; } = new() { Limit = 1, Unit = "working_days" };
    /// <summary>Area class (A 核心区 / B 一般区 / C) of grids no entry of <see cref="AreaClasses"/> covers.</summary>
    [Required, StringLength(8, MinimumLength = 1)]
    public string DefaultAreaClass { get; set; } = "B";
    /// <summary>Grid code (any level) → area class; the longest code that prefixes the case's unit grid wins.</summary>
    public Dictionary<string, string> AreaClasses { get; set; } = [];

    public static bool Validate(SlaOptions o) =>
        o.Steps.All().All(l => l.IsValid())
        && o.DefaultHandling.IsValid()
        && o.AreaClasses.Values.All(v => v.Length is > 0 and <= 8);

    public string AreaClassOf(string? gridCode)
    {
        if (gridCode is null)
            return DefaultAreaClass;
        var best = AreaClasses
            .Where(kv => gridCode.StartsWith(kv.Key, StringComparison.Ordinal))
            .OrderByDescending(kv => kv.Key.Length)
            .Select(kv => kv.Value)
            .FirstOrDefault();
        return best ?? DefaultAreaClass;
    }
}
