using Dispatch.Domain.Reports;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Features.Reports;

public sealed class ReportScheduleOptions
{
    public const string SectionName = "Reports";

    /// <summary>Whether worker nodes create the drafts of ended periods on their own.</summary>
    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>How often a worker looks for an ended period without a report.</summary>
    public TimeSpan ScheduleInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// The schedule's one pass: for each kind, the latest ended period (China time) without any report gets its first
/// draft, once. Several workers may run it at the same moment: the unique key (kind, period, revision) lets one
/// insert win and the others find the row taken and move on.
/// </summary>
public sealed class ScheduledReports(DispatchDbContext db, ReportGenerator generator, TimeProvider clock, ILogger<ScheduledReports> logger)
{
    public const string Actor = "schedule";

    /// <summary>Creates the missing drafts; answers the periods this call created.</summary>
    public async Task<IReadOnlyList<string>> RunOnceAsync(CancellationToken ct)
    {
        var today = ReportGenerator.Today(clock);
        var created = new List<string>();
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            var period = ReportPeriod.LastEnded(kind, today);
            if (await db.EvaluationReports.AnyAsync(r => r.Kind == kind && r.Period == period.Code, ct))
                continue;
            var content = await generator.GenerateAsync(period, 1, ct);
            var report = EvaluationReport.Draft(Guid.CreateVersion7(), period, 1, ReportGenerator.Serialize(content), scheduled: true, Actor,
                clock.GetUtcNow());
            db.EvaluationReports.Add(report);
            try
            {
                await db.SaveChangesAsync(ct);
                created.Add(period.Code);
                logger.LogInformation("Scheduled report draft created: {Kind} {Period}", kind, period.Code);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // Another node (or a person) made it first: that report stands.
                db.ChangeTracker.Clear();
            }
        }
        return created;
    }
}

/// <summary>The report schedule of worker nodes: a pass at start and every <see cref="ReportScheduleOptions.ScheduleInterval"/>.</summary>
public sealed class ReportScheduler(IServiceScopeFactory scopes, IOptions<ReportScheduleOptions> options, ILogger<ReportScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.ScheduleEnabled)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ScheduledReports>().RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // the schedule must outlive database outages; the next pass retries
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Report schedule pass failed; retrying in {Interval}", settings.ScheduleInterval);
            }
            try
            {
                await Task.Delay(settings.ScheduleInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
