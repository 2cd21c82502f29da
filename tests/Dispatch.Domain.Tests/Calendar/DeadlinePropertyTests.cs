using Dispatch.Domain.Calendar;
using static Dispatch.Domain.Tests.Calendar.Calendars;

namespace Dispatch.Domain.Tests.Calendar;

public class DeadlinePropertyTests
{
    private const int Seed = 20260101;
    private const int Cases = 2000;
    private static readonly DeadlineCalculator Deadlines = China2026Deadlines;
    private static readonly DateTimeOffset YearStart = At("2026-01-01T00:00:00+08:00");

    [Fact]
    public void Working_time_up_to_the_deadline_equals_the_limit_for_random_starts_in_2026()
    {
        var random = new Random(Seed);
        for (var i = 0; i < Cases; i++)
        {
            var start = RandomInstantIn2026(random);
            var hundredths = random.Next(1, 6000); // 0.01 h to 60 h in steps of 36 s
            var limit = TimeLimit.WorkingHours(hundredths / 100m);
            var expected = TimeSpan.FromSeconds(hundredths * 36);

            var deadline = Deadlines.Deadline(start, limit);

            Assert.Equal(expected, Deadlines.WorkingTimeBetween(start, deadline));
            // The earliest such instant: a second before, the limit is not yet used up.
            Assert.True(Deadlines.WorkingTimeBetween(start, deadline.AddSeconds(-1)) < expected, $"{start:O} + {limit} gave {deadline:O}, which is not the earliest");
            Assert.True(China2026.IsWorkingDay(China2026.DateOf(deadline)), $"{start:O} + {limit} gave {deadline:O}, not on a working day");
            Assert.Equal(TimeSpan.FromHours(8), deadline.Offset);
        }
    }

    [Fact]
    public void A_pause_moves_the_deadline_by_exactly_the_working_time_it_holds()
    {
        var random = new Random(Seed + 1);
        for (var i = 0; i < Cases; i++)
        {
            var start = RandomInstantIn2026(random);
            var limit = TimeLimit.WorkingHours(random.Next(1, 6000) / 100m);
            var pauseFrom = start.AddMinutes(random.Next(-600, 6000));
            var pauseTo = pauseFrom.AddMinutes(random.Next(0, 6000));

            var deadline = Deadlines.Deadline(start, limit, [(pauseFrom, pauseTo)]);

            Assert.NotNull(deadline);
            var due = deadline.Value;
            var from = pauseFrom > start ? pauseFrom : start;
            var to = pauseTo < due ? pauseTo : due;
            var lost = Deadlines.WorkingTimeBetween(from, to);
            Assert.Equal(limit.ToDuration(), Deadlines.WorkingTimeBetween(start, due) - lost);
        }
    }

    private static DateTimeOffset RandomInstantIn2026(Random random) => YearStart.AddSeconds(random.NextInt64(0, 365L * 24 * 3600));
}
