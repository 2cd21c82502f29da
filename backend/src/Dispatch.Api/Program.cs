using Dispatch.Api.Audit;
using Dispatch.Api.Features.Accounts;
using Dispatch.Api.Features.Auth;
using Dispatch.Api.Features.Calendar;
using Dispatch.Api.Features.Cases;
using Dispatch.Api.Features.Catalogue;
using Dispatch.Api.Features.Components;
using Dispatch.Api.Features.DeadLetters;
using Dispatch.Api.Features.Departments;
using Dispatch.Api.Features.Evaluation;
using Dispatch.Api.Features.Grids;
using Dispatch.Api.Features.Ledger;
using Dispatch.Api.Features.Routing;
using Dispatch.Api.Hosting;
using Dispatch.Api.Realtime;
using Dispatch.Api.Seeding;
using Dispatch.Messaging;
using Dispatch.Persistence;
using MassTransit;

var builder = WebApplication.CreateBuilder(args);

// Options, bound once; the node's roles decide what it runs.
builder.Services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
builder.Services.AddOptions<ComponentOptions>().BindConfiguration(ComponentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<FrontendOptions>().BindConfiguration(FrontendOptions.SectionName);
builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName)
    .Validate(SecurityOptions.Validate, "Security: AllowedOrigins are scheme://host[:port] (nothing after); ImageSources the same, https://*.host, or https:.")
    .ValidateOnStart();
var roles = builder.Configuration.GetSection(DispatchOptions.SectionName).Get<DispatchOptions>() ?? new DispatchOptions();

// Hosting: persistence, auth, errors, health, OpenAPI, realtime.
builder.Services.AddDispatchPersistence(builder.Configuration.GetConnectionString("Dispatch")
    ?? throw new InvalidOperationException("ConnectionStrings:Dispatch is not set."));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDispatchAuth();
builder.Services.AddDispatchProblemDetails();
builder.Services.AddDispatchHealth();
builder.Services.AddDispatchOpenApi();
builder.Services.AddSignalR();
builder.Services.AddAdminAudit();
builder.Services.ConfigureHttpJsonOptions(o => DispatchJson.Apply(o.SerializerOptions));

// Features: the case module, and the features it stands on.
builder.Services.AddCases(roles);
builder.Services.AddLedger();
builder.Services.AddEvaluation();
builder.Services.AddGrids();
builder.Services.AddCaseRouting();
builder.Services.AddWorkingCalendars();
builder.Services.AddScoped<DemoSeeder>();

// Messaging: workers run the case consumers and the outbox relay; web nodes push board events to their own
// SignalR connections from a queue of their own.
builder.Services.AddDispatchMessaging(builder.Configuration, runRelay: roles.IsWorker,
    registerConsumers: x =>
    {
        if (roles.IsWorker)
        {
            x.AddCaseConsumers();
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

await app.PrepareDatabaseAsync(roles);

app.UseMiddleware<SecurityHeaders>();
app.UseExceptionHandler();
app.UseDispatchLocalization();
app.UseStatusCodePages();
app.UseMiddleware<OriginCheck>();
app.UseAuthentication();
app.UseMiddleware<PasswordChangeGate>();
app.UseAuthorization();
app.UseMiddleware<RequestGuard>();
app.UseUnknownPaths();

app.MapDispatchOpenApi();
app.MapDispatchHealth();
app.MapAuthEndpoints();
app.MapAuditLog();
app.MapAccountEndpoints();
app.MapCases();
app.MapLedger();
app.MapEvaluation();
app.MapCatalogueEndpoints();
app.MapDepartmentEndpoints();
app.MapTimeLimitEndpoints();
app.MapCatalogueAdministration();
app.MapCalendarEndpoints();
app.MapGridEndpoints();
app.MapRoutingEndpoints();
app.MapComponentEndpoints();
app.MapDeadLetterEndpoints();
app.MapHub<BoardHub>(BoardHub.Path);
app.MapFrontend();

await app.RunAsync();

/// <summary>Entry point, visible to the in-process test host.</summary>
public partial class Program;
