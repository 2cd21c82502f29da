using Dispatch.Domain.Grids;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class ResponsibilityGridConfiguration : IEntityTypeConfiguration<ResponsibilityGrid>
{
    public void Configure(EntityTypeBuilder<ResponsibilityGrid> b)
    {
        b.ToTable("ResponsibilityGrids");
        b.HasKey(g => g.Code);
        b.Property(g => g.Code).HasMaxLength(ResponsibilityGrid.MaxCodeLength).ValueGeneratedNever();
        b.Property(g => g.Name).HasMaxLength(ResponsibilityGrid.MaxNameLength).IsRequired();
        b.Property(g => g.ResponsiblePersonName).HasMaxLength(ResponsibilityGrid.MaxPersonNameLength);
        b.Property(g => g.ResponsiblePersonPhone).HasMaxLength(ResponsibilityGrid.MaxPhoneLength);
        // PostgreSQL's xmin: an assignment always updates the grid row (AssignedAt), so patroller changes move it too.
        b.Property(g => g.Version).HasColumnName("xmin").IsRowVersion();
        // Named explicitly: the generated names run past PostgreSQL's 63-character identifier limit once snake-cased.
        b.HasMany(g => g.Units).WithOne().HasForeignKey(u => u.ResponsibilityGridCode)
            .HasConstraintName("fk_responsibility_grid_units_responsibility_grid_code").OnDelete(DeleteBehavior.Cascade);
        b.HasMany(g => g.Patrollers).WithOne().HasForeignKey(p => p.ResponsibilityGridCode)
            .HasConstraintName("fk_responsibility_grid_patrollers_responsibility_grid_code").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(g => g.Units).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(g => g.Patrollers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
