using System.Globalization;
using System.Security.Claims;
using Dispatch.Api.Audit;
using Dispatch.Api.Features.Grids;
using Dispatch.Persistence;
using Dispatch.Persistence.Identity;
using Dispatch.Persistence.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Features.Ledger;

/// <summary>
/// The case ledger (台账): find any case (<c>GET /api/cases</c>), export what was found, save views and templates.
/// It reads cases through the case module's rules of who sees what; the case module knows nothing of it.
/// </summary>
public static class LedgerModule
{
    /// <summary>Exports of more rows than this run in the background; smaller ones stream straight to the browser.</summary>
    public const int BackgroundAbove = 20_000;

    public static IServiceCollection AddLedger(this IServiceCollection services) => services.AddSingleton<LedgerExportJobs>();

    public static IEndpointRouteBuilder MapLedger(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Ledger").RequireAuthorization();
        cases.MapGet("/", SearchCases.Handle).WithSummary("Find cases: filters, sort and keyset paging (台账)");
        cases.MapGet("/export", LedgerExport.Download).WithSummary("The filtered ledger as .xlsx or CSV, streamed");

        var ledger = app.MapGroup("/api/ledger").WithTags("Ledger").RequireAuthorization();
        ledger.MapPost("/exports", StartExport).WithSummary("Start a background export of the filtered ledger");
        ledger.MapGet("/exports/{id:guid}", ExportStatus);
        ledger.MapGet("/exports/{id:guid}/file", ExportFile);
        ledger.MapGet("/views", SavedLedgers.ListViews);
        ledger.MapPost("/views", SavedLedgers.CreateView);
        ledger.MapPut("/views/{id:guid}", SavedLedgers.UpdateView);
        ledger.MapDelete("/views/{id:guid}", SavedLedgers.DeleteView);
        ledger.MapGet("/templates", SavedLedgers.ListTemplates);

        var admin = app.MapGroup("/api/admin/ledger-templates").WithTags("Ledger").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        admin.MapPost("/", SavedLedgers.CreateTemplate).Audited("ledger.create");
        admin.MapPut("/{id:guid}", SavedLedgers.UpdateTemplate).Audited("ledger.update");
        admin.MapDelete("/{id:guid}", SavedLedgers.DeleteTemplate).Audited("ledger.delete");
        return app;
    }

    /// <summary>
    /// Starts an export of the filtered ledger (the list's query string, plus <c>format</c> and <c>columns</c>), or of a
    /// template with <c>template=&lt;id&gt;</c> (its filters and columns); answers 202 with the job to poll.
    /// </summary>
    private static async Task<Results<Accepted<ExportJobDto>, ValidationProblem>> StartExport(
        [AsParameters] LedgerParameters parameters, string? format, string? columns, Guid? template, HttpRequest request,
        ClaimsPrincipal user, DispatchDbContext db, GridDirectory grids, LedgerExportJobs jobs, CancellationToken ct)
    {
        _ = parameters;
        var errors = new Dictionary<string, string[]>();
        IQueryCollection query = request.Query;
        var name = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "ledger" : "台账";
        if (template is { } id)
        {
            var saved = await db.SavedLedgers.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id && l.Kind == SavedLedgerKind.Template, ct);
            if (saved is null)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["template"] = [$"No ledger template {id}."] });
            query = new QueryCollection(QueryHelpers.ParseQuery(saved.Query));
            columns ??= saved.Columns;
            name = saved.Name;
        }
        var f = LedgerExport.ParseFormat(format, errors);
        var picked = LedgerColumns.Parse(columns, errors);
        var selection = await SearchCases.SelectAsync(query, user, db, grids, errors, ct);
        if (selection is null || f is null || picked is null || errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        var job = jobs.Start(user, query, f.Value, picked, name, CultureInfo.CurrentUICulture);
        return TypedResults.Accepted($"/api/ledger/exports/{job.Id}", job);
    }

    private static Results<Ok<ExportJobDto>, ProblemHttpResult> ExportStatus(Guid id, ClaimsPrincipal user, LedgerExportJobs jobs) =>
        jobs.Find(id, user) is { } job ? TypedResults.Ok(job) : NoJob(id);

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> ExportFile(Guid id, ClaimsPrincipal user, LedgerExportJobs jobs)
    {
        var job = jobs.Find(id, user);
        if (job is null)
            return NoJob(id);
        if (jobs.ReadyFile(id, user) is not { } path)
            return TypedResults.Problem(title: "Export not ready", detail: $"Export {id} is {job.State}.", statusCode: StatusCodes.Status409Conflict);
        return TypedResults.PhysicalFile(path, LedgerExport.ContentType(Enum.Parse<ExportFormat>(job.Format, ignoreCase: true)), job.FileName);
    }

    private static ProblemHttpResult NoJob(Guid id) =>
        TypedResults.Problem(title: "Export not found", detail: $"No export {id} of yours on this server.", statusCode: StatusCodes.Status404NotFound);
}
