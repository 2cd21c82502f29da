using Dispatch.Domain.Calendar;
using Dispatch.Domain.Cases;

namespace Dispatch.Domain.Tests.Cases;

/// <summary>The step clock and escalation as values: each change returns a new value and leaves the old one as it was.</summary>
public sealed class StepClockAndEscalationTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly CaseClock Clock = new(
        new DeadlineCalculator(new WorkingCalendar(HolidayCalendarJson.LoadEmbedded2026())),
        _ => TimeLimit.WorkingHours(4));

    private static DateTimeOffset At(int hour, int minute = 0) => new(2026, 3, 2, hour, minute, 0, China);

    [Fact]
    public void A_started_clock_is_green_in_utc_and_announces_yellow_then_red_once_each()
    {
        var clock = StepClock.None.Started(Clock.Start(CaseStage.Handle, At(9)));

        Assert.Equal((CaseLight.Green, TimeSpan.Zero), (clock.Light, clock.Due!.Value.Offset));
        Assert.Equal(At(15, 30), clock.Due);
        Assert.Null(clock.ChangeAt(At(14, 41)));
        Assert.Equal(CaseLight.Yellow, clock.ChangeAt(At(14, 42)));

        var yellow = clock.Showing(CaseLight.Yellow);
        Assert.Equal(At(15, 30), yellow.LightChangesAt);
        Assert.Null(yellow.ChangeAt(At(15, 0)));
        Assert.Equal(CaseLight.Red, yellow.ChangeAt(At(15, 30)));
        Assert.Null(yellow.Showing(CaseLight.Red).LightChangesAt);
        Assert.Equal(CaseLight.Green, clock.Light);
    }

    [Fact]
    public void A_suspended_clock_is_never_due_and_resuming_moves_the_deadline_by_the_time_it_stood_still()
    {
        var clock = StepClock.None.Started(Clock.Start(CaseStage.Handle, At(9)));

        var suspended = clock.Suspended(At(10));
        Assert.False(suspended.IsDueAt(At(17)));
        Assert.Null(suspended.OnTimeAt(At(17)));

        var resumed = suspended.Resumed(Clock, new DateTimeOffset(2026, 3, 3, 10, 0, 0, China));
        Assert.Null(resumed.SuspendedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 15, 30, 0, China), resumed.Due);
    }

    [Fact]
    public void Escalation_climbs_street_district_city_and_a_leaders_instruction_keeps_the_level()
    {
        var street = Escalation.None.UpOneLevel("450304001", "450304", At(12));
        var district = street.UpOneLevel("450304001", "450304", At(13));
        var city = district.UpOneLevel("450304001", "450304", At(14));

        Assert.Equal((EscalationLevel.Street, "450304001"), (street.Level!.Value, street.To!));
        Assert.Equal((EscalationLevel.District, "450304"), (district.Level!.Value, district.To!));
        Assert.Equal((EscalationLevel.City, "450300"), (city.Level!.Value, city.To!));
        Assert.Equal((EscalationLevel.District, "450304"), (Escalation.None.UpOneLevel(null, "450304", At(12)).Level!.Value, Escalation.None.UpOneLevel(null, "450304", At(12)).To!));

        var instructed = district.ByLeader("今天内处理", At(15));
        Assert.Equal((true, EscalationLevel.District, "今天内处理"), (instructed.Escalated, instructed.Level!.Value, instructed.Instruction!));
        Assert.Null(district.Instruction);
    }
}
