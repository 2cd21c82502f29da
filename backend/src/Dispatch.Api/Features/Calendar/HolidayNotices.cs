using System.Security.Claims;
using Dispatch.Domain.Calendar;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Calendar;

public sealed record HolidayDto(string Name, DateOnly From, DateOnly To);
public sealed record HolidayYearDto(int Year, string Origin, IReadOnlyList<HolidayDto> Holidays, IReadOnlyList<DateOnly> ExtraWorkdays,
    string? UpdatedBy, DateTimeOffset? UpdatedAt);
public sealed record WorkingCalendarDto(string TimeZone, IReadOnlyList<string> WorkingPeriods, IReadOnlyList<HolidayYearDto> Years);

/// <summary>
/// The working calendar (docs/domain.md §5): anyone signed in may read it; administrators add a year's state holiday notice
/// (or correct one) in the JSON form of <c>calendar-cn-2026.json</c>. Deadlines set afterwards count on it.
/// </summary>
public static class HolidayNotices
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    private const int MaxJsonBytes = 64 * 1024;

    public static IServiceCollection AddWorkingCalendars(this IServiceCollection services) =>
        services.AddSingleton<WorkingCalendars>();

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/calendar", GetCalendar).WithTags("Calendar").RequireAuthorization();
        app.MapPut("/api/calendar/years/{year:int}", PutYear).WithTags("Calendar")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .Accepts<object>("application/json");
        return app;
    }

    private static async Task<Ok<WorkingCalendarDto>> GetCalendar(DispatchDbContext db, WorkingCalendars calendars, CancellationToken ct)
    {
        var stored = await db.HolidayNotices.AsNoTracking().OrderBy(n => n.Year).ToListAsync(ct);
        var calendar = await calendars.GetAsync(db, ct);
        var years = stored.Select(n => ToDto(n.Year, "stored", n.Schedule, n.UpdatedBy, n.UpdatedAt)).ToList();
        if (stored.All(n => n.Year != 2026))
            years.Add(ToDto(2026, "embedded", HolidayCalendarJson.LoadEmbedded2026(), null, null));
        return TypedResults.Ok(new WorkingCalendarDto(calendar.Holidays.TimeZoneId,
            calendar.WorkingPeriods.Select(p => $"{p.Start:HH\\:mm}-{p.End:HH\\:mm}").ToList(),
            years.OrderBy(y => y.Year).ToList()));
    }

    private static async Task<Results<Ok<HolidayYearDto>, ValidationProblem, ProblemHttpResult>> PutYear(
        int year, HttpRequest http, ClaimsPrincipal user, DispatchDbContext db, WorkingCalendars calendars, TimeProvider clock, CancellationToken ct)
    {
        if (year is < FirstYear or > LastYear)
            return Invalid("year", $"A year between {FirstYear} and {LastYear}.");
        if (!http.HasJsonContentType())
            return TypedResults.Problem(title: "Unsupported media type", detail: "Send the year's notice as application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        if (http.ContentLength > MaxJsonBytes)
            return Invalid("body", $"A notice is at most {MaxJsonBytes / 1024} KB.");
        using var reader = new StreamReader(http.Body);
        var json = await reader.ReadToEndAsync(ct);

        var notice = await db.HolidayNotices.SingleOrDefaultAsync(n => n.Year == year, ct);
        try
        {
            if (notice is null)
                db.HolidayNotices.Add(notice = new HolidayNotice(year, json, user.Identity!.Name!, clock.GetUtcNow()));
            else
                notice.Update(json, user.Identity!.Name!, clock.GetUtcNow());
        }
        catch (HolidayCalendarFormatException e)
        {
            return Invalid("body", e.Message);
        }

        // The new year must agree with every other year on the dates they share (元旦 across the new year, say).
        var others = await db.HolidayNotices.AsNoTracking().Where(n => n.Year != year).ToListAsync(ct);
        try
        {
            _ = WorkingCalendars.Merge(others.Append(notice));
        }
        catch (ArgumentException e)
        {
            return TypedResults.Problem(title: "The notice contradicts another year", detail: e.Message,
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["body"] = [e.Message] } });
        }

        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return TypedResults.Ok(ToDto(year, "stored", notice.Schedule, notice.UpdatedBy, notice.UpdatedAt));
    }

    private static HolidayYearDto ToDto(int year, string origin, HolidaySchedule schedule, string? updatedBy, DateTimeOffset? updatedAt) => new(
        year, origin,
        schedule.Holidays.Select(h => new HolidayDto(h.Name, h.From, h.To)).ToList(),
        schedule.MakeUpWorkingDays.Order().ToList(),
        updatedBy, updatedAt);

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
