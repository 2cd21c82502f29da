using Dispatch.Domain.Grids;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class ResponsibilityGridPatrollerConfiguration : IEntityTypeConfiguration<ResponsibilityGridPatroller>
{
    public void Configure(EntityTypeBuilder<ResponsibilityGridPatroller> b)
    {
        b.ToTable("ResponsibilityGridPatrollers");
        b.HasKey(p => new { p.ResponsibilityGridCode, p.UserName });
        b.Property(p => p.ResponsibilityGridCode).HasMaxLength(ResponsibilityGrid.MaxCodeLength);
        b.Property(p => p.UserName).HasMaxLength(ResponsibilityGrid.MaxUserNameLength);
        b.HasIndex(p => p.UserName);
    }
}

/// <summary>

/// The grid columns of <c>cases</c>, kept beside the grid mapping they belong to (EF merges every configuration of

/// an entity). Board filters by grid node compare one of these columns for equality, hence an index on each.

/// </summary>
