using Dispatch.Api.Features.Catalogue;
using Dispatch.Api.Features.Components;
using Dispatch.Api.Features.Grids;
using Dispatch.Api.Features.Routing;
using Dispatch.Api.Hosting;
using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dispatch.Api.Seeding;

/// <summary>
/// Brings the database to what this build expects, in the one order that works: migrations, then the catalogue
/// (categories and limits), the routing rules that read it, the grid, the demo departments and accounts (which
/// need the grid for their scopes), and last the component inventory (which names departments as owners).
/// Every seeder only adds what is missing, so a restart or a second worker changes nothing.
/// </summary>
public static class DatabaseSetup
{
    /// <summary>Migrations take a database lock, so every node may apply them; seeding runs on workers only.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, DispatchOptions roles)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(roles);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DispatchDbContext>();
        await db.Database.MigrateAsync();
        if (!roles.IsWorker)
            return;
        var environment = services.GetRequiredService<IWebHostEnvironment>();
        await CatalogueSeeder.SeedAsync(db, Path.Combine(environment.ContentRootPath, "SeedData", "categories.csv"), CancellationToken.None);
        await RoutingSeeder.SeedAsync(db, CancellationToken.None);
        await GridSeeder.SeedAsync(services, CancellationToken.None);
        if (services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
            await services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        await ComponentSeeder.SeedAsync(services, CancellationToken.None);
    }
}
