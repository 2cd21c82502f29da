namespace Dispatch.Domain.Calendar;

/// <summary>A half-open span of instants [Start, End); an open-ended span ends at <see cref="DateTimeOffset.MaxValue"/>.</summary>
internal readonly record struct TimeInterval(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;

    public bool IsOpenEnded => End == DateTimeOffset.MaxValue;
}
