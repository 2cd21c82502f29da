using System.Globalization;
using Dispatch.Api.Audit;
using Dispatch.Api.Hosting;
using Dispatch.Domain.Reports;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Reports;

/// <summary>
/// Periodic evaluation reports (综合评价通报) under <c>/api/evaluation/reports</c>. Leaders, shift leaders,
/// dispatchers and administrators read them; leaders and administrators generate, edit and publish them, and each
/// of those changes writes an audit row.
/// </summary>
public static class ReportEndpoints
{
    public static readonly string[] Readers = [Roles.Leader, Roles.ShiftLeader, Roles.Dispatcher, Roles.Admin];
    public static readonly string[] Writers = [Roles.Leader, Roles.Admin];

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/evaluation/reports").WithTags("Evaluation reports").RequireAuthorization(p => p.RequireRole(Readers));
        read.MapGet("/", List).WithSummary("Reports of a kind and year, every revision, newest period first");
        read.MapGet("/{id:guid}", Get).WithSummary("One report revision with its content");
        read.MapGet("/{id:guid}/file.xlsx", (Guid id, string? lang, DispatchDbContext db, CancellationToken ct) =>
            Download(id, lang, ReportFormat.Xlsx, db, ct)).WithSummary("The report as a workbook (one sheet per table)");
        read.MapGet("/{id:guid}/file.docx", (Guid id, string? lang, DispatchDbContext db, CancellationToken ct) =>
            Download(id, lang, ReportFormat.Docx, db, ct)).WithSummary("The report as a Word document with tables and a chart");

        var write = app.MapGroup("/api/evaluation/reports").WithTags("Evaluation reports").RequireAuthorization(p => p.RequireRole(Writers));
        write.MapPost("/", Generate).WithSummary("Generate a draft of a period, or regenerate its draft, or start its next revision")
            .Audited("evaluation.report.generate");
        write.MapPut("/{id:guid}", Edit).WithSummary("Edit a draft's texts (version checked)").Audited("evaluation.report.edit");
        write.MapPost("/{id:guid}/publish", Publish).WithSummary("Publish a draft: its content and files are frozen")
            .Audited("evaluation.report.publish");
        return app;
    }

    private enum ReportFormat
    {
        Xlsx,
        Docx,
    }

    private static async Task<Results<Ok<ReportListDto>, ValidationProblem>> List(string? kind, string? year, DispatchDbContext db,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        ReportKind? k = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (ReportPeriod.TryParseKind(kind, out var parsed))
                k = parsed;
            else
                errors["kind"] = [$"'{kind}' is not a report kind; use month, quarter or year."];
        }
        int? y = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= ReportPeriod.MinYear and <= ReportPeriod.MaxYear)
                y = parsed;
            else
                errors["year"] = [$"'{year}' is not a year between {ReportPeriod.MinYear} and {ReportPeriod.MaxYear}."];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var rows = db.EvaluationReports.AsNoTracking();
        if (k is { } kk)
            rows = rows.Where(r => r.Kind == kk);
        if (y is { } yy)
            rows = rows.Where(r => r.Year == yy);
        var list = await Heads(rows).ToListAsync(ct);
        var items = list.Select(h => ReportSummaryDto.Of(h)).OrderByDescending(r => r.To).ThenBy(r => r.Kind, StringComparer.Ordinal)
            .ThenByDescending(r => r.Revision).ToList();
        return TypedResults.Ok(new ReportListDto(items));
    }

    private static IQueryable<ReportHead> Heads(IQueryable<EvaluationReport> rows) =>
        rows.Select(r => new ReportHead(r.Id, r.Kind, r.Period, r.Year, r.Revision, r.State, r.Scheduled, r.GeneratedAt, r.GeneratedBy,
            r.PublishedAt, r.PublishedBy, r.Version));

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> Get(Guid id, DispatchDbContext db, CancellationToken ct)
    {
        var found = await db.EvaluationReports.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { Head = new ReportHead(r.Id, r.Kind, r.Period, r.Year, r.Revision, r.State, r.Scheduled, r.GeneratedAt, r.GeneratedBy,
                r.PublishedAt, r.PublishedBy, r.Version), r.Content })
            .SingleOrDefaultAsync(ct);
        return found is null ? NotFound(id) : TypedResults.Ok(new ReportDto(ReportSummaryDto.Of(found.Head), ReportGenerator.Deserialize(found.Content)));
    }

    private static ReportDto Dto(EvaluationReport report) => new(ReportSummaryDto.Of(report), ReportGenerator.Deserialize(report.Content));

    private static async Task<Results<Created<ReportDto>, Ok<ReportDto>, ValidationProblem, ProblemHttpResult>> Generate(
        HttpRequest http, DispatchDbContext db, ReportGenerator generator, AdminAudit audit, TimeProvider clock, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<GenerateReportRequest>(http, ct);
        if (problem is not null)
            return problem;
        if (!ReportPeriod.TryParseKind(request!.Kind, out var kind))
            return JsonBody.Invalid("kind", $"'{request.Kind}' is not a report kind; use month, quarter or year.");
        var period = ReportPeriod.TryParse(kind, request.Period, out var error);
        if (period is null)
            return JsonBody.Invalid("period", error!);
        if (period.From > ReportGenerator.Today(clock))
            return JsonBody.Invalid("period", $"{period.Code} has not begun yet; a report covers a period that has begun.");

        var by = http.HttpContext.User.Identity?.Name ?? "system";
        var revisions = await db.EvaluationReports.Where(r => r.Kind == kind && r.Period == period.Code).OrderByDescending(r => r.Revision).ToListAsync(ct);
        var draft = revisions.FirstOrDefault(r => r.State == ReportState.Draft);
        try
        {
            if (draft is not null)
            {
                var before = ReportSummaryDto.Of(draft);
                var content = await generator.GenerateAsync(period, draft.Revision, ct);
                draft.Regenerate(ReportGenerator.Serialize(content), by, clock.GetUtcNow());
                audit.Record("evaluation.report.generate", "evaluation-report", $"{period.Code} r{draft.Revision}", before,
                    ReportSummaryDto.Of(draft));
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(Dto(draft));
            }
            var revision = (revisions.FirstOrDefault()?.Revision ?? 0) + 1;
            var generated = await generator.GenerateAsync(period, revision, ct);
            var report = EvaluationReport.Draft(Guid.CreateVersion7(), period, revision, ReportGenerator.Serialize(generated), scheduled: false, by,
                clock.GetUtcNow());
            db.EvaluationReports.Add(report);
            audit.Record("evaluation.report.generate", "evaluation-report", $"{period.Code} r{revision}", null,
                ReportSummaryDto.Of(report));
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/evaluation/reports/{report.Id}", Dto(report));
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return TypedResults.Problem(title: "Generated by someone else",
                detail: $"Another request generated a report of {period.Code} at the same moment; reload the list.",
                statusCode: StatusCodes.Status409Conflict);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(title: "Changed by someone else",
                detail: $"The draft of {period.Code} changed or was published while it was regenerated; reload the list.",
                statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Results<Ok<ReportDto>, ValidationProblem, ProblemHttpResult>> Edit(Guid id, HttpRequest http, DispatchDbContext db,
        AdminAudit audit, CancellationToken ct)
    {
        var report = await db.EvaluationReports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
            return NotFound(id);
        var (request, problem) = await JsonBody.ReadAsync<EditReportRequest>(http, ct);
        if (problem is not null)
            return problem;
        if (request!.Version is not { } version)
            return EditConflicts.VersionMissing();
        var errors = new Dictionary<string, string[]>();
        CheckText(request.TextZh, "textZh", errors);
        CheckText(request.TextEn, "textEn", errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var before = Dto(report);
        if (version != report.Version)
            return EditConflicts.Conflict($"Report {report.Period} revision {report.Revision}", version.ToString(CultureInfo.InvariantCulture),
                report.Version.ToString(CultureInfo.InvariantCulture), before);
        if (report.State == ReportState.Published)
            return Frozen(report);
        var content = before.Content with
        {
            TextZh = request.TextZh?.Select(t => t.Trim()).Where(t => t.Length > 0).ToList() ?? before.Content.TextZh,
            TextEn = request.TextEn?.Select(t => t.Trim()).Where(t => t.Length > 0).ToList() ?? before.Content.TextEn,
        };
        report.EditContent(ReportGenerator.Serialize(content));
        return await SaveAsync(db, report, version, audit, "evaluation.report.edit",
            new { before.Content.TextZh, before.Content.TextEn }, new { content.TextZh, content.TextEn }, ct);
    }

    private static void CheckText(IReadOnlyList<string>? paragraphs, string field, Dictionary<string, string[]> errors)
    {
        if (paragraphs is null)
            return;
        if (paragraphs.Count > 20)
            errors[field] = ["At most 20 paragraphs."];
        else if (paragraphs.Sum(p => p.Length) > EvaluationReport.MaxTextLength)
            errors[field] = [$"At most {EvaluationReport.MaxTextLength} characters in all."];
        else if (paragraphs.All(p => string.IsNullOrWhiteSpace(p)))
            errors[field] = ["Write at least one paragraph, or leave the field out to keep the texts."];
    }

    private static async Task<Results<Ok<ReportDto>, ValidationProblem, ProblemHttpResult>> Publish(Guid id, HttpRequest http, DispatchDbContext db,
        AdminAudit audit, TimeProvider clock, CancellationToken ct)
    {
        var report = await db.EvaluationReports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
            return NotFound(id);
        var (request, problem) = await JsonBody.ReadAsync<PublishReportRequest>(http, ct);
        if (problem is not null)
            return problem;
        if (request!.Version is not { } version)
            return EditConflicts.VersionMissing();
        var before = Dto(report);
        if (version != report.Version)
            return EditConflicts.Conflict($"Report {report.Period} revision {report.Revision}", version.ToString(CultureInfo.InvariantCulture),
                report.Version.ToString(CultureInfo.InvariantCulture), before);
        if (report.State == ReportState.Published)
            return Frozen(report);
        var files = new ReportFiles(
            await ReportSpreadsheet.RenderAsync(before.Content, zh: true, ct), await ReportDocument.RenderAsync(before.Content, zh: true, ct),
            await ReportSpreadsheet.RenderAsync(before.Content, zh: false, ct), await ReportDocument.RenderAsync(before.Content, zh: false, ct));
        report.Publish(files, http.HttpContext.User.Identity?.Name ?? "system", clock.GetUtcNow());
        return await SaveAsync(db, report, version, audit, "evaluation.report.publish", before.Report,
            ReportSummaryDto.Of(report), ct);
    }

    private static async Task<Results<Ok<ReportDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(DispatchDbContext db, EvaluationReport report,
        uint version, AdminAudit audit, string action, object before, object after, CancellationToken ct)
    {
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        audit.Record(action, "evaluation-report", $"{report.Period} r{report.Revision}", before, after);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.EvaluationReports.AsNoTracking().SingleAsync(r => r.Id == report.Id, ct);
            return EditConflicts.Conflict($"Report {report.Period} revision {report.Revision}", version.ToString(CultureInfo.InvariantCulture),
                current.Version.ToString(CultureInfo.InvariantCulture), Dto(current));
        }
        return TypedResults.Ok(Dto(report));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Download(Guid id, string? lang, ReportFormat format,
        DispatchDbContext db, CancellationToken ct)
    {
        bool zh;
        if (string.IsNullOrWhiteSpace(lang) || lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            zh = true;
        else if (lang.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            zh = false;
        else
            return JsonBody.Invalid("lang", $"'{lang}' is not a report language; use zh or en.");
        var report = await db.EvaluationReports.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Kind, r.Period, r.Revision, r.State }).SingleOrDefaultAsync(ct);
        if (report is null)
            return NotFound(id);
        byte[] bytes;
        if (report.State == ReportState.Published)
        {
            var stored = db.EvaluationReports.AsNoTracking().Where(r => r.Id == id);
            bytes = (format, zh) switch
            {
                (ReportFormat.Xlsx, true) => await stored.Select(r => r.XlsxZh).SingleAsync(ct),
                (ReportFormat.Xlsx, false) => await stored.Select(r => r.XlsxEn).SingleAsync(ct),
                (ReportFormat.Docx, true) => await stored.Select(r => r.DocxZh).SingleAsync(ct),
                _ => await stored.Select(r => r.DocxEn).SingleAsync(ct),
            } ?? throw new InvalidOperationException($"Published report {id} has no stored file.");
        }
        else
        {
            var content = ReportGenerator.Deserialize(await db.EvaluationReports.Where(r => r.Id == id).Select(r => r.Content).SingleAsync(ct));
            bytes = format == ReportFormat.Xlsx
                ? await ReportSpreadsheet.RenderAsync(content, zh, ct)
                : await ReportDocument.RenderAsync(content, zh, ct);
        }
        var p = ReportPeriod.TryParse(report.Kind, report.Period, out _)!;
        var name = zh
            ? $"{p.TitleZh}（第{report.Revision}版{(report.State == ReportState.Draft ? "，草稿" : "")}）"
            : $"{p.TitleEn} (revision {report.Revision}{(report.State == ReportState.Draft ? ", draft" : "")})";
        return format == ReportFormat.Xlsx
            ? TypedResults.File(bytes, ReportSpreadsheet.ContentType, name + ".xlsx")
            : TypedResults.File(bytes, ReportDocument.ContentType, name + ".docx");
    }

    private static ProblemHttpResult Frozen(EvaluationReport report) =>
        TypedResults.Problem(title: "Published", statusCode: StatusCodes.Status409Conflict,
            detail: $"Report {report.Period} revision {report.Revision} is published and frozen; generate the period again to start revision {report.Revision + 1}.");

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(title: "Report not found", detail: $"No evaluation report {id}.", statusCode: StatusCodes.Status404NotFound);
}
