using Dispatch.Domain.Calendar;

namespace Dispatch.Domain.Tests.Calendar;

public class TimeLimitTests
{
    [Theory]
    [InlineData("4", "working_hours", 4, TimeLimitUnit.WorkingHours)]
    [InlineData("6", "urgent_hours", 6, TimeLimitUnit.UrgentHours)]
    [InlineData("3", "working_days", 3, TimeLimitUnit.WorkingDays)]
    [InlineData("1", "calendar_days", 1, TimeLimitUnit.CalendarDays)]
    [InlineData("0.5", "working_hours", 0.5, TimeLimitUnit.WorkingHours)]
    [InlineData(" 2 ", " urgent_hours ", 2, TimeLimitUnit.UrgentHours)]
    public void Catalogue_limits_are_parsed(string amount, string unit, double expectedAmount, TimeLimitUnit expectedUnit)
    {
        Assert.Equal(new TimeLimit((decimal)expectedAmount, expectedUnit), TimeLimit.Parse(amount, unit));
    }

    [Theory]
    [InlineData("4", "hours")]
    [InlineData("4", "Working_Hours")]
    [InlineData("-1", "working_hours")]
    [InlineData("four", "working_days")]
    [InlineData("1.5", "working_days")]
    [InlineData("", "working_days")]
    public void Malformed_catalogue_limits_are_refused(string amount, string unit)
    {
        Assert.Throws<FormatException>(() => TimeLimit.Parse(amount, unit));
    }

    [Theory]
    [InlineData(TimeLimitUnit.WorkingHours, "working_hours")]
    [InlineData(TimeLimitUnit.UrgentHours, "urgent_hours")]
    [InlineData(TimeLimitUnit.WorkingDays, "working_days")]
    [InlineData(TimeLimitUnit.CalendarDays, "calendar_days")]
    public void Unit_names_round_trip(TimeLimitUnit unit, string name)
    {
        Assert.Equal(name, TimeLimit.UnitName(unit));
        Assert.Equal(unit, TimeLimit.ParseUnit(name));
    }

    [Fact]
    public void A_limit_prints_as_the_catalogue_writes_it()
    {
        Assert.Equal("1.5 working_hours", TimeLimit.WorkingHours(1.5m).ToString());
    }

    [Fact]
    public void Durations_follow_the_unit()
    {
        Assert.Equal(new TimeSpan(1, 30, 0), TimeLimit.WorkingHours(1.5m).ToDuration());
        Assert.Equal(TimeSpan.FromHours(48), TimeLimit.CalendarDays(2).ToDuration());
        Assert.Throws<InvalidOperationException>(() => TimeLimit.WorkingDays(1).ToDuration());
    }

    [Fact]
    public void Negative_limits_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.UrgentHours(-1));
    }
}
