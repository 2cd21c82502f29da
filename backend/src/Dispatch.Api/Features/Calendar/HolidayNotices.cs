using System.Security.Claims;
using System.Text.Json;
using Dispatch.Api.Audit;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Calendar;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Calendar;

public sealed record HolidayDto(string Name, DateOnly From, DateOnly To);
/// <summary>A holiday year; <c>version</c> (null for the embedded year) goes back with an edit of a stored year.</summary>
public sealed record HolidayYearDto(int Year, string Origin, IReadOnlyList<HolidayDto> Holidays, IReadOnlyList<DateOnly> ExtraWorkdays,
    string? UpdatedBy, DateTimeOffset? UpdatedAt, uint? Version);

/// <summary>
/// Something the command centre should act on: <c>next-year-missing</c> (from 1 November, next year's holidays are not
/// entered) or <c>year-missing</c> (this year's are not), with the year concerned.
/// </summary>
public sealed record CalendarWarningDto(string Code, int Year);

/// <summary><c>warnings</c> are given to the command-centre roles and administrators only (others cannot act on them).</summary>
public sealed record WorkingCalendarDto(string TimeZone, IReadOnlyList<string> WorkingPeriods, IReadOnlyList<HolidayYearDto> Years,
    IReadOnlyList<CalendarWarningDto> Warnings);

/// <summary><c>POST /api/calendar/parse-notice</c>: the notice's text as published; <c>year</c> when the text does not say it.</summary>
public sealed record ParseNoticeRequest(string? Text, int? Year);

/// <summary>A holiday year read from a notice's text, not stored: the form shows it, then stores it with <c>PUT</c>.</summary>
public sealed record ParsedNoticeDto(int Year, IReadOnlyList<HolidayDto> Holidays, IReadOnlyList<DateOnly> ExtraWorkdays);

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
            .Accepts<object>("application/json")
            .Audited("calendar.year.set");
        // Reading a text changes nothing, so any signed-in user may; only administrators store the result.
        app.MapPost("/api/calendar/parse-notice", ParseNotice).WithTags("Calendar").RequireAuthorization()
            .Accepts<ParseNoticeRequest>("application/json");
        return app;
    }

    private static async Task<Ok<WorkingCalendarDto>> GetCalendar(
        ClaimsPrincipal user, DispatchDbContext db, WorkingCalendars calendars, TimeProvider clock, CancellationToken ct)
    {
        var stored = await db.HolidayNotices.AsNoTracking().OrderBy(n => n.Year).ToListAsync(ct);
        var calendar = await calendars.GetAsync(db, ct);
        var years = stored.Select(n => ToDto(n.Year, "stored", n.Schedule, n.UpdatedBy, n.UpdatedAt, n.Version)).ToList();
        if (stored.All(n => n.Year != 2026))
            years.Add(ToDto(2026, "embedded", HolidayCalendarJson.LoadEmbedded2026(), null, null, null));
        var warnings = Roles.CommandCentre.Any(user.IsInRole)
            ? CalendarWarnings.For(TodayIn(calendar.Holidays.TimeZoneId, clock), years.Select(y => y.Year).ToHashSet())
            : [];
        return TypedResults.Ok(new WorkingCalendarDto(calendar.Holidays.TimeZoneId,
            calendar.WorkingPeriods.Select(p => $"{p.Start:HH\\:mm}-{p.End:HH\\:mm}").ToList(),
            years.OrderBy(y => y.Year).ToList(), warnings));
    }

    private static DateOnly TodayIn(string timeZoneId, TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DateTime);

    private static async Task<Results<Ok<ParsedNoticeDto>, ValidationProblem>> ParseNotice(HttpRequest http, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<ParseNoticeRequest>(http, ct);
        if (problem is not null)
            return problem;
        if (string.IsNullOrWhiteSpace(request!.Text))
            return Invalid("text", "Paste the notice's text (its numbered lines, e.g. “一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。”).");
        if (request.Text.Length > MaxJsonBytes)
            return Invalid("text", $"A notice is at most {MaxJsonBytes / 1024} K characters.");
        if (request.Year is { } y && y is < FirstYear or > LastYear)
            return Invalid("year", $"A year between {FirstYear} and {LastYear}.");
        try
        {
            var parsed = HolidayNoticeText.Parse(request.Text, request.Year);
            if (parsed.Year is < FirstYear or > LastYear)
                return Invalid("year", $"A year between {FirstYear} and {LastYear}.");
            // The same checks a stored year gets: make-up days on weekends, outside holidays, and dates near the year.
            _ = new HolidayNotice(parsed.Year, ToJson(parsed.Holidays, parsed.MakeUpWorkingDays), "parse", DateTimeOffset.UnixEpoch);
            return TypedResults.Ok(new ParsedNoticeDto(parsed.Year,
                parsed.Holidays.Select(h => new HolidayDto(h.Name, h.From, h.To)).ToList(), parsed.MakeUpWorkingDays));
        }
        catch (HolidayCalendarFormatException e)
        {
            return Invalid("text", e.Message);
        }
    }

    /// <summary>A year in the stored JSON form.</summary>
    private static string ToJson(IEnumerable<Holiday> holidays, IEnumerable<DateOnly> workdays) => JsonSerializer.Serialize(new
    {
        timeZone = WorkingCalendar.DefaultTimeZoneId,
        holidays = holidays.Select(h => new { name = h.Name, from = Iso(h.From), to = Iso(h.To) }),
        extraWorkdays = workdays.Select(Iso),
    }, StoredJson);

    private static readonly JsonSerializerOptions StoredJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Stores a year in the JSON form of <c>calendar-cn-2026.json</c>. Replacing a stored year needs the <c>version</c>
    /// it was read at, in the body beside <c>holidays</c>; a stale one is 409 with the current year.
    /// </summary>
    private static async Task<Results<Ok<HolidayYearDto>, ValidationProblem, ProblemHttpResult>> PutYear(
        int year, HttpRequest http, ClaimsPrincipal user, DispatchDbContext db, WorkingCalendars calendars, AdminAudit audit,
        TimeProvider clock, CancellationToken ct)
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
        if (!TryReadVersion(json, out var sent))
            return Invalid("version", "The version is the number read with the year.");
        HolidayYearDto? before = null;
        if (notice is not null)
        {
            before = ToDto(year, "stored", notice.Schedule, notice.UpdatedBy, notice.UpdatedAt, notice.Version);
            if (sent is null)
                return EditConflicts.VersionMissing();
            if (sent != notice.Version)
                return EditConflicts.Conflict($"The holiday year {year}", sent.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    notice.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), before);
        }
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

        audit.Record("calendar.year.set", "calendar", year.ToString(System.Globalization.CultureInfo.InvariantCulture), before,
            ToDto(year, "stored", notice.Schedule, notice.UpdatedBy, notice.UpdatedAt, null));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.HolidayNotices.AsNoTracking().SingleAsync(n => n.Year == year, ct);
            return EditConflicts.Conflict($"The holiday year {year}", sent?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                current.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ToDto(year, "stored", current.Schedule, current.UpdatedBy, current.UpdatedAt, current.Version));
        }
        calendars.Invalidate();
        var saved = await db.HolidayNotices.AsNoTracking().SingleAsync(n => n.Year == year, ct);
        return TypedResults.Ok(ToDto(year, "stored", saved.Schedule, saved.UpdatedBy, saved.UpdatedAt, saved.Version));
    }

    /// <summary>The optional <c>version</c> of the body; false when it is there but not a version number.</summary>
    private static bool TryReadVersion(string json, out uint? version)
    {
        version = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("version", out var v)
                || v.ValueKind == JsonValueKind.Null)
                return true;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetUInt32(out var number))
            {
                version = number;
                return true;
            }
            return false;
        }
        catch (JsonException)
        {
            // The notice's own reader names what is wrong with the body.
            return true;
        }
    }

    private static HolidayYearDto ToDto(int year, string origin, HolidaySchedule schedule, string? updatedBy, DateTimeOffset? updatedAt, uint? version) => new(
        year, origin,
        schedule.Holidays.Select(h => new HolidayDto(h.Name, h.From, h.To)).ToList(),
        schedule.MakeUpWorkingDays.Order().ToList(),
        updatedBy, updatedAt, version);

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
