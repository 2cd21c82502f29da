using Dispatch.Domain.Calendar;

namespace Dispatch.Domain.Cases;

/// <summary>
/// The running clock of one step: when it started, when it runs out, and the instant its light turns yellow.
/// The yellow instant is worked out once, when the deadline is set, so that the sweeper needs no calendar
/// arithmetic: it compares stored instants.
/// </summary>
public sealed record StageDeadline(CaseStage Stage, DateTimeOffset StartedAt, DateTimeOffset Due, DateTimeOffset YellowAt, TimeLimitUnit Unit)
{
    public CaseLight LightAt(DateTimeOffset now) =>
        now >= Due ? CaseLight.Red : now >= YellowAt ? CaseLight.Yellow : CaseLight.Green;
}

/// <summary>
/// Sets the deadlines of one case's steps from their time limits on the working calendar (docs/domain.md §5): starts a
/// step's clock, moves it for an approved extension (延期) and for the time a suspension (挂账) stopped it.
/// </summary>
public sealed class CaseClock
{
    public const double DefaultYellowFraction = 0.8;

    private readonly Func<CaseStage, TimeLimit?> _limits;

    /// <param name="limits">The limit of each step for this case; null where a step is not timed.</param>
    /// <param name="yellowFraction">Share of the limit after which the light is yellow.</param>
    public CaseClock(DeadlineCalculator calculator, Func<CaseStage, TimeLimit?> limits, double yellowFraction = DefaultYellowFraction)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        ArgumentNullException.ThrowIfNull(limits);
        if (!(yellowFraction is > 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(yellowFraction), yellowFraction, "The yellow light comes after a share of the limit between 0 and 1.");
        Calculator = calculator;
        _limits = limits;
        YellowFraction = yellowFraction;
    }

    public DeadlineCalculator Calculator { get; }
    public double YellowFraction { get; }

    public TimeLimit? LimitOf(CaseStage stage) => _limits(stage);

    /// <summary>The clock of <paramref name="stage"/> started at <paramref name="at"/>; null when the step has no limit.</summary>
    public StageDeadline? Start(CaseStage stage, DateTimeOffset at) =>
        _limits(stage) is { } limit ? Start(stage, at, limit) : null;

    public StageDeadline Start(CaseStage stage, DateTimeOffset at, TimeLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var due = Calculator.Deadline(at, limit);
        return new StageDeadline(stage, at, due, YellowPoint(at, due, limit.Unit), limit.Unit);
    }

    /// <summary>An approved extension: the extra limit counts from the current deadline; the light is measured over the whole span.</summary>
    public StageDeadline Extend(StageDeadline current, TimeLimit extension)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(extension);
        var due = Calculator.Extend(current.Due, extension);
        // A clock-time extension of a working-time step (or the reverse) is measured on the step's own clock.
        return current with { Due = due, YellowAt = YellowPoint(current.StartedAt, due, current.Unit) };
    }

    /// <summary>
    /// After a suspension from <paramref name="pausedAt"/> to <paramref name="resumedAt"/>: the deadline and the
    /// yellow instant move by the time the step's clock would have counted during the pause.
    /// </summary>
    public StageDeadline Resume(StageDeadline current, DateTimeOffset pausedAt, DateTimeOffset resumedAt)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (resumedAt < pausedAt)
            throw new ArgumentException("A suspension cannot end before it began.", nameof(resumedAt));
        return current with
        {
            Due = Shift(current.Due, current.Unit, pausedAt, resumedAt),
            YellowAt = Shift(current.YellowAt, current.Unit, pausedAt, resumedAt),
        };
    }

    private DateTimeOffset Shift(DateTimeOffset instant, TimeLimitUnit unit, DateTimeOffset pausedAt, DateTimeOffset resumedAt)
    {
        if (instant <= pausedAt)
            return instant;
        var remaining = RunningTime(pausedAt, instant, unit);
        var limit = IsWorkingTime(unit) ? TimeLimit.WorkingHours(Hours(remaining)) : TimeLimit.UrgentHours(Hours(remaining));
        return Calculator.Deadline(pausedAt, limit, [(pausedAt, resumedAt)])!.Value;
    }

    /// <summary>The instant at which <see cref="YellowFraction"/> of the clock time from start to due has run.</summary>
    private DateTimeOffset YellowPoint(DateTimeOffset start, DateTimeOffset due, TimeLimitUnit unit)
    {
        var total = RunningTime(start, due, unit);
        var yellow = TimeSpan.FromTicks((long)Math.Round(total.Ticks * YellowFraction));
        var limit = IsWorkingTime(unit) ? TimeLimit.WorkingHours(Hours(yellow)) : TimeLimit.UrgentHours(Hours(yellow));
        return Calculator.Deadline(start, limit);
    }

    private TimeSpan RunningTime(DateTimeOffset from, DateTimeOffset to, TimeLimitUnit unit) =>
        IsWorkingTime(unit) ? Calculator.WorkingTimeBetween(from, to) : to > from ? to - from : TimeSpan.Zero;

    private static bool IsWorkingTime(TimeLimitUnit unit) => unit is TimeLimitUnit.WorkingHours or TimeLimitUnit.WorkingDays;

    private static decimal Hours(TimeSpan span) => (decimal)span.Ticks / TimeSpan.TicksPerHour;
}
