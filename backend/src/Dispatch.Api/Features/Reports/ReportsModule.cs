using Dispatch.Api.Hosting;

namespace Dispatch.Api.Features.Reports;

/// <summary>
/// Periodic evaluation reports (通报): monthly, quarterly and yearly, drafted on schedule by worker nodes and on
/// demand, published and frozen, as a workbook and a Word document. Figures come from the evaluation feature.
/// </summary>
public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services, DispatchOptions roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        services.AddOptions<ReportScheduleOptions>().BindConfiguration(ReportScheduleOptions.SectionName)
            .Validate(o => o.ScheduleInterval > TimeSpan.Zero, "Reports:ScheduleInterval must be positive.").ValidateOnStart();
        services.AddScoped<IReportSource, EvaluationReportSource>();
        services.AddScoped<ReportGenerator>();
        services.AddScoped<ScheduledReports>();
        if (roles.IsWorker)
            services.AddHostedService<ReportScheduler>();
        return services;
    }
}
