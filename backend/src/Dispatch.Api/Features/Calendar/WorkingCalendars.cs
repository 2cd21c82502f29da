using System.Diagnostics;
using Dispatch.Domain.Calendar;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Calendar;

/// <summary>
/// The working calendar every deadline is counted on: the embedded 2026 notice merged with the years administrators
/// stored (a stored year replaces an embedded one). Held in memory and reloaded at most once a minute, or at once on
/// the node where an administrator changed it.
/// </summary>
public sealed class WorkingCalendars
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private sealed record Snapshot(WorkingCalendar Calendar, long LoadedAt);

    private volatile Snapshot? _current;

    public async Task<WorkingCalendar> GetAsync(DispatchDbContext db, CancellationToken ct)
    {
        var current = _current;
        if (current is not null && Stopwatch.GetElapsedTime(current.LoadedAt) < MaxAge)
            return current.Calendar;
        var notices = await db.HolidayNotices.AsNoTracking().ToListAsync(ct);
        var calendar = new WorkingCalendar(Merge(notices));
        _current = new Snapshot(calendar, Stopwatch.GetTimestamp());
        return calendar;
    }

    public void Invalidate() => _current = null;

    /// <summary>The schedule of the embedded notices and <paramref name="stored"/>.</summary>
    /// <exception cref="ArgumentException">Two years contradict each other on a date.</exception>
    public static HolidaySchedule Merge(IEnumerable<HolidayNotice> stored)
    {
        var years = stored.ToDictionary(n => n.Year, n => n.Schedule);
        years.TryAdd(2026, HolidayCalendarJson.LoadEmbedded2026());
        return HolidaySchedule.Merge(years.OrderBy(kv => kv.Key).Select(kv => kv.Value));
    }
}
