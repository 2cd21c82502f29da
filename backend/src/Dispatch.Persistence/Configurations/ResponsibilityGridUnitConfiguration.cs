using Dispatch.Domain.Grids;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class ResponsibilityGridUnitConfiguration : IEntityTypeConfiguration<ResponsibilityGridUnit>
{
    public void Configure(EntityTypeBuilder<ResponsibilityGridUnit> b)
    {
        b.ToTable("ResponsibilityGridUnits");
        // A unit grid belongs to at most one responsibility grid, so the unit's code alone is the key.
        b.HasKey(u => u.UnitGridCode);
        b.Property(u => u.UnitGridCode).HasMaxLength(GridCode.UnitLength);
        b.Property(u => u.ResponsibilityGridCode).HasMaxLength(ResponsibilityGrid.MaxCodeLength);
        b.HasOne<GridNode>().WithMany().HasForeignKey(u => u.UnitGridCode).OnDelete(DeleteBehavior.Restrict);
    }
}
