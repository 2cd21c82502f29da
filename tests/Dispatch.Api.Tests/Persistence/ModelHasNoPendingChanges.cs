using Dispatch.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Api.Tests.Persistence;

/// <summary>
/// The model snapshot in Migrations/ must match the model: a change to an entity or its configuration needs a
/// migration generated with <c>dotnet ef migrations add</c> (see backend/src/Dispatch.Persistence/README.md).
/// No database is involved: the comparison is between the model and the snapshot.
/// </summary>
public sealed class ModelHasNoPendingChanges
{
    [Fact]
    public void Every_model_change_has_a_migration()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes that no migration covers. Run: dotnet ef migrations add <Name> --project backend/src/Dispatch.Persistence");
    }
}
