using Dispatch.Api.Demo;
using Dispatch.Api.Features.Accounts;
using Dispatch.Api.Features.Auth;
using Dispatch.Api.Features.Boards;
using Dispatch.Api.Features.Calendar;
using Dispatch.Api.Features.Cases;
using Dispatch.Api.Features.Catalogue;
using Dispatch.Api.Features.Components;
using Dispatch.Api.Features.DeadLetters;
using Dispatch.Api.Features.Dispatching;
using Dispatch.Api.Features.Grids;
using Dispatch.Api.Features.Intake;
using Dispatch.Api.Features.Lifecycle;
using Dispatch.Api.Features.Routing;
using Dispatch.Api.Features.Sla;
using Dispatch.Api.Hosting;
using Dispatch.Api.Realtime;
using Dispatch.Messaging;
using Dispatch.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

// Options, bound once.
builder.Services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
builder.Services.AddOptions<FrontendOptions>().BindConfiguration(FrontendOptions.SectionName);
builder.Services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.SectionName).ValidateDataAnnotations()
    .Validate(SlaOptions.Validate, "Sla: every limit needs a non-negative amount and a unit of working_hours, urgent_hours, working_days or calendar_days.")
    .ValidateOnStart();
builder.Services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.SectionName)
    .Validate(IntakeOptions.Validate, "Intake: each rule needs a known source, a category like event:0505, and AutoAccept wherever AutoFile is set.")
    .ValidateOnStart();
builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName)
    .Validate(SecurityOptions.Validate, "Security: AllowedOrigins are scheme://host[:port] (nothing after); ImageSources the same, https://*.host, or https:.")
    .ValidateOnStart();
var roles = builder.Configuration.GetSection(DispatchOptions.SectionName).Get<DispatchOptions>() ?? new DispatchOptions();

// Persistence, auth, errors, health, OpenAPI, realtime.
builder.Services.AddDispatchPersistence(builder.Configuration.GetConnectionString("Dispatch")
    ?? throw new InvalidOperationException("ConnectionStrings:Dispatch is not set."));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDispatchAuth();
builder.Services.AddDispatchProblemDetails();
builder.Services.AddDispatchHealth();
builder.Services.AddOpenApi();
builder.Services.AddSignalR();
builder.Services.ConfigureHttpJsonOptions(o => DispatchJson.Apply(o.SerializerOptions));

// Features.
builder.Services.AddSingleton<PhotoStore>();
builder.Services.AddScoped<ReportCase>();
builder.Services.AddScoped<CaseStep>();
builder.Services.AddSingleton<WorkingCalendars>();
builder.Services.AddScoped<CaseClocks>();
builder.Services.AddSingleton<IntakePolicy>();
builder.Services.AddScoped<TakeCaseAction>();
builder.Services.AddScoped<SweepDueCases>();
if (roles.IsWorker)
    builder.Services.AddHostedService<SlaSweeper>();
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddGrids();
builder.Services.AddCaseRouting();

// Messaging: workers run the case consumers and the outbox relay; web nodes push board events to their own
// SignalR connections from a queue of their own.
builder.Services.AddDispatchMessaging(builder.Configuration, runRelay: roles.IsWorker,
    registerConsumers: x =>
    {
        if (roles.IsWorker)
        {
            x.AddConsumer<IntakeConsumer, IntakeConsumerDefinition>();
            x.AddConsumer<RouteCaseConsumer, RouteCaseConsumerDefinition>();
            x.AddDeadLetterRecorders();
        }
        if (roles.IsWeb)
            x.AddConsumer<BoardNotifier>().ExcludeFromConfigureEndpoints();
        x.AddConsumer<GridsChangedConsumer>().ExcludeFromConfigureEndpoints();
    },
    configureBus: (context, bus) =>
    {
        if (roles.IsWeb)
            bus.ReceiveEndpoint(new TemporaryEndpointDefinition("board"), e => e.ConfigureConsumer<BoardNotifier>(context));
        // Every node locates points (web) or reads the grid (worker): each reloads it after an import anywhere.
        bus.ReceiveEndpoint(new TemporaryEndpointDefinition("grids"), e => e.ConfigureConsumer<GridsChangedConsumer>(context));
    });

var app = builder.Build();

await PrepareDatabaseAsync(app, roles);

app.UseMiddleware<SecurityHeaders>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<OriginCheck>();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<RequestGuard>();
app.UseUnknownPaths();

app.MapOpenApi("/openapi/{documentName}.json");
app.MapDispatchHealth();
app.MapAuthEndpoints();
app.MapCatalogueEndpoints();
app.MapCaseEndpoints();
app.MapLifecycleEndpoints();
app.MapTimeLimitEndpoints();
app.MapCalendarEndpoints();
app.MapBoardEndpoints();
app.MapGridEndpoints();
app.MapRoutingEndpoints();
app.MapComponentEndpoints();
app.MapDispatchQueueEndpoints();
app.MapDeadLetterEndpoints();
app.MapAccountEndpoints();
app.MapHub<BoardHub>(BoardHub.Path);
app.MapFrontend();

await app.RunAsync();

// Migrations take a database lock, so every node may apply them; seeding runs on workers only.
static async Task PrepareDatabaseAsync(WebApplication app, DispatchOptions roles)
{
    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<DispatchDbContext>();
    await db.Database.MigrateAsync();
    if (!roles.IsWorker)
        return;
    var environment = scope.ServiceProvider.GetRequiredService<IWebHostEnvironment>();
    await CatalogueSeeder.SeedAsync(db, Path.Combine(environment.ContentRootPath, "SeedData", "categories.csv"), CancellationToken.None);
    await RoutingSeeder.SeedAsync(db, CancellationToken.None);
    await GridSeeder.SeedAsync(scope.ServiceProvider, CancellationToken.None);
    if (scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    await ComponentSeeder.SeedAsync(scope.ServiceProvider, CancellationToken.None);
}

/// <summary>Entry point, visible to the in-process test host.</summary>
public partial class Program;
