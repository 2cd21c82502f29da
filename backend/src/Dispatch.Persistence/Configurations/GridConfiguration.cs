using Dispatch.Domain.Cases;
using Dispatch.Domain.Grids;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Persistence.Configurations;

internal sealed class GridNodeConfiguration : IEntityTypeConfiguration<GridNode>
{
    public void Configure(EntityTypeBuilder<GridNode> b)
    {
        b.ToTable("GridNodes");
        b.HasKey(n => n.Code);
        b.Property(n => n.Code).HasMaxLength(GridCode.UnitLength).ValueGeneratedNever();
        b.Property(n => n.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(n => n.ParentCode).HasMaxLength(GridCode.UnitLength);
        b.Property(n => n.Name).HasMaxLength(GridNode.MaxNameLength).IsRequired();
        // WKB, not a spatial type: the database needs no extension, and the in-memory index does the geometry.
        b.Property(n => n.Boundary).IsRequired();
        b.Property(n => n.ResponsiblePerson).HasMaxLength(GridNode.MaxResponsiblePersonLength);
        b.HasOne<GridNode>().WithMany().HasForeignKey(n => n.ParentCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(n => n.ParentCode);
        b.HasIndex(n => n.Level);
    }
}

internal sealed class ResponsibilityGridConfiguration : IEntityTypeConfiguration<ResponsibilityGrid>
{
    public void Configure(EntityTypeBuilder<ResponsibilityGrid> b)
    {
        b.ToTable("ResponsibilityGrids");
        b.HasKey(g => g.Code);
        b.Property(g => g.Code).HasMaxLength(ResponsibilityGrid.MaxCodeLength).ValueGeneratedNever();
        b.Property(g => g.Name).HasMaxLength(ResponsibilityGrid.MaxNameLength).IsRequired();
        // Named explicitly: the generated names run past PostgreSQL's 63-character identifier limit once snake-cased.
        b.HasMany(g => g.Units).WithOne().HasForeignKey(u => u.ResponsibilityGridCode)
            .HasConstraintName("fk_responsibility_grid_units_responsibility_grid_code").OnDelete(DeleteBehavior.Cascade);
        b.HasMany(g => g.Patrollers).WithOne().HasForeignKey(p => p.ResponsibilityGridCode)
            .HasConstraintName("fk_responsibility_grid_patrollers_responsibility_grid_code").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(g => g.Units).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(g => g.Patrollers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

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
internal sealed class CaseGridConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Property(c => c.UnitGridCode).HasMaxLength(GridCode.UnitLength);
        b.Property(c => c.CommunityCode).HasMaxLength(GridCode.UnitLength);
        b.Property(c => c.StreetCode).HasMaxLength(GridCode.UnitLength);
        b.Property(c => c.ResponsibilityGridCode).HasMaxLength(ResponsibilityGrid.MaxCodeLength);
        b.HasIndex(c => c.UnitGridCode);
        b.HasIndex(c => c.CommunityCode);
        b.HasIndex(c => c.StreetCode);
    }
}
