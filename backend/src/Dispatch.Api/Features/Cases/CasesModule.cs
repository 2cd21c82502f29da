using Dispatch.Api.Features.Cases.Actions;
using Dispatch.Api.Features.Cases.Automation;
using Dispatch.Api.Features.Cases.Clocks;
using Dispatch.Api.Features.Cases.Hotline;
using Dispatch.Api.Features.Cases.Photos;
using Dispatch.Api.Features.Cases.Public;
using Dispatch.Api.Features.Cases.Queries;
using Dispatch.Api.Features.Cases.Report;
using Dispatch.Api.Hosting;
using MassTransit;

namespace Dispatch.Api.Features.Cases;

/// <summary>
/// The case's closed loop in one module: report and intake (<c>Report/</c>), the actions people take (<c>Actions/</c>),
/// what the software does on its own (<c>Automation/</c>: intake and routing consumers), step clocks and the deadline
/// sweeper (<c>Clocks/</c>), and reads (<c>Queries/</c>: the case, boards, queues), and the citizens' page (<c>Public/</c>: report, tracking, rating). It may use Routing, Grids,
/// Catalogue, Calendar and Components; none of those may use it (the architecture test says so).
/// </summary>
public static class CasesModule
{
    public static IServiceCollection AddCases(this IServiceCollection services, DispatchOptions roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.SectionName).ValidateDataAnnotations()
            .Validate(SlaOptions.Validate, "Sla: every limit needs a non-negative amount and a unit of working_hours, urgent_hours, working_days or calendar_days.")
            .ValidateOnStart();
        services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.SectionName)
            .Validate(IntakeOptions.Validate, "Intake: each rule needs a known source, a category like event:0505, and AutoAccept wherever AutoFile is set.")
            .ValidateOnStart();
        services.AddOptions<PublicReportOptions>().BindConfiguration(PublicReportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PhotoStore>();
        services.AddSingleton<PublicTopics>();
        services.AddScoped<ReportPublicly>();
        services.AddPublicRateLimits();
        services.AddSingleton<IntakePolicy>();
        services.AddScoped<ReportCase>();
        services.AddScoped<TakeCaseAction>();
        services.AddScoped<CaseStep>();
        services.AddScoped<CaseClocks>();
        services.AddScoped<SweepDueCases>();
        if (roles.IsWorker)
            services.AddHostedService<SlaSweeper>();
        return services;
    }

    /// <summary>The consumers that move cases on their own; workers run them.</summary>
    public static void AddCaseConsumers(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<IntakeConsumer, IntakeConsumerDefinition>();
        bus.AddConsumer<RouteCaseConsumer, RouteCaseConsumerDefinition>();
    }

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        app.MapCaseEndpoints();
        app.MapCaseActionEndpoints();
        app.MapBoardEndpoints();
        app.MapDispatchQueueEndpoints();
        app.MapHotlineEndpoints();
        app.MapPublicEndpoints();
        return app;
    }
}
