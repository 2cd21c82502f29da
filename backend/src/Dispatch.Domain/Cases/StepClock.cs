using Dispatch.Domain.Calendar;

namespace Dispatch.Domain.Cases;

/// <summary>
/// The clock of the step a case is in (DOMAIN §5), as a value over the case's own columns (<c>deadline_stage</c> …
/// <c>suspended_at</c>): when the step started and is due, when it turns yellow, the light shown, when the sweeper
/// must look next, and whether it stands still (挂账). Every change returns a new clock; <see cref="Case"/> keeps it.
/// </summary>
public sealed record StepClock(
    CaseStage? Stage,
    DateTimeOffset? StartedAt,
    DateTimeOffset? Due,
    DateTimeOffset? YellowAt,
    TimeLimitUnit? Unit,
    CaseLight? Light,
    DateTimeOffset? LightChangesAt,
    DateTimeOffset? SuspendedAt)
{
    public static readonly StepClock None = new(null, null, null, null, null, null, null, null);

    /// <summary>The running (or, while suspended, stopped) deadline of the step; null when no step is timed.</summary>
    public StageDeadline? Deadline =>
        Stage is { } stage && StartedAt is { } started && Due is { } due && YellowAt is { } yellow && Unit is { } unit
            ? new StageDeadline(stage, started, due, yellow, unit)
            : null;

    public bool IsSuspended => SuspendedAt is not null;

    /// <summary>Whether an action at <paramref name="at"/> that ends the step came in time; null when the step is untimed or stands still.</summary>
    public bool? OnTimeAt(DateTimeOffset at) => Due is { } due && SuspendedAt is null ? at <= due : null;

    /// <summary>A new step's clock (none when <paramref name="deadline"/> is null). It starts green; the sweeper turns it yellow or red.</summary>
    public StepClock Started(StageDeadline? deadline)
    {
        deadline = InUtc(deadline);
        return this with
        {
            Stage = deadline?.Stage,
            StartedAt = deadline?.StartedAt,
            Due = deadline?.Due,
            YellowAt = deadline?.YellowAt,
            Unit = deadline?.Unit,
            Light = deadline is null ? null : CaseLight.Green,
            LightChangesAt = deadline?.YellowAt,
        };
    }

    /// <summary>An approved extension (延期): the deadline moves by <paramref name="extension"/>, counted from the current one.</summary>
    public StepClock Extended(CaseClock? clock, TimeLimit extension, DateTimeOffset at)
    {
        if (Deadline is not { } current)
            return this;
        ArgumentNullException.ThrowIfNull(clock);
        return Moved(clock.Extend(current, extension), at);
    }

    /// <summary>挂账 approved: the clock stands still from <paramref name="at"/> and nothing is due.</summary>
    public StepClock Suspended(DateTimeOffset at) => this with { SuspendedAt = at, LightChangesAt = null };

    /// <summary>恢复: the clock runs again, its deadline moved by the time it stood still.</summary>
    public StepClock Resumed(CaseClock? clock, DateTimeOffset at)
    {
        var pausedAt = SuspendedAt ?? at;
        var running = this with { SuspendedAt = null };
        if (running.Deadline is not { } current)
            return running;
        ArgumentNullException.ThrowIfNull(clock);
        return running.Moved(clock.Resume(current, pausedAt, at), at);
    }

    /// <summary>
    /// What the sweeper should announce at <paramref name="now"/>: <see cref="CaseLight.Red"/> past the deadline,
    /// <see cref="CaseLight.Yellow"/> past 80 % when green; null when nothing is due or the light already says so.
    /// </summary>
    public CaseLight? ChangeAt(DateTimeOffset now)
    {
        if (LightChangesAt is not { } due || due > now || Deadline is not { } deadline || SuspendedAt is not null)
            return null;
        var light = deadline.LightAt(now);
        return light == CaseLight.Red || (light == CaseLight.Yellow && Light == CaseLight.Green) ? light : null;
    }

    /// <summary>Whether the sweeper has anything to look at now (it may find that nothing changed).</summary>
    public bool IsDueAt(DateTimeOffset now) =>
        LightChangesAt is { } due && due <= now && Deadline is not null && SuspendedAt is null;

    /// <summary>The light announced: red needs no more looks; yellow is looked at again at the deadline.</summary>
    public StepClock Showing(CaseLight light) => this with
    {
        Light = light,
        LightChangesAt = light switch
        {
            CaseLight.Green => YellowAt,
            CaseLight.Yellow => Due,
            _ => null,
        },
    };

    /// <summary>Nothing to announce (the light already shows it): look again only when it can next change.</summary>
    public StepClock Rescheduled() => this with
    {
        LightChangesAt = Light == CaseLight.Green ? YellowAt : Light == CaseLight.Yellow ? Due : null,
    };

    /// <summary>
    /// An extension or a resumption moved the deadline: the light may get better at once, but it only gets worse
    /// through the sweeper, so that every yellow and red is announced.
    /// </summary>
    private StepClock Moved(StageDeadline deadline, DateTimeOffset at)
    {
        deadline = InUtc(deadline)!;
        var now = deadline.LightAt(at);
        var light = Light is { } shown && shown < now ? shown : now;
        return this with
        {
            Due = deadline.Due,
            YellowAt = deadline.YellowAt,
            Light = light,
            LightChangesAt = SuspendedAt is not null ? null : light switch
            {
                CaseLight.Green => deadline.YellowAt,
                CaseLight.Yellow => deadline.Due,
                _ => null,
            },
        };
    }

    /// <summary>Instants are kept in UTC; the calendar's local offset is for display only.</summary>
    private static StageDeadline? InUtc(StageDeadline? d) => d is null ? null : d with
    {
        StartedAt = d.StartedAt.ToUniversalTime(),
        Due = d.Due.ToUniversalTime(),
        YellowAt = d.YellowAt.ToUniversalTime(),
    };
}
