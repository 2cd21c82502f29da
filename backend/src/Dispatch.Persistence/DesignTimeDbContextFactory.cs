using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dispatch.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build the context from this project alone, without starting the host. Adding a migration
/// and checking for pending model changes need no database; commands that do (<c>database update</c>) read
/// <c>ConnectionStrings__Dispatch</c> from the environment, as the host does.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DispatchDbContext>
{
    private const string Placeholder = "Host=127.0.0.1;Database=dispatch;Username=postgres";

    public DispatchDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Dispatch");
        var options = new DbContextOptionsBuilder<DispatchDbContext>();
        PersistenceRegistration.Configure(options, string.IsNullOrWhiteSpace(connectionString) ? Placeholder : connectionString);
        return new DispatchDbContext(options.Options);
    }
}
