using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Components;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class ComponentConfiguration : IEntityTypeConfiguration<Component>
{
    public void Configure(EntityTypeBuilder<Component> b)
    {
        b.ToTable("Components");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(ComponentCode.Length).ValueGeneratedNever();
        b.Property(c => c.UnitGridCode).HasMaxLength(15).IsRequired();
        b.Property(c => c.Maintainer).HasMaxLength(Component.MaxMaintainerLength);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(c => c.OwnerDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.UnitGridCode);
        // PostgreSQL's own row version (xmin), named here because the snake-case convention would rename it.
        b.Property(c => c.Version).IsRowVersion().HasColumnName("xmin");
        b.Ignore(c => c.IsRetired);
        // "Components near this point": a latitude band, then longitude.
        b.HasIndex(c => new { c.Latitude, c.Longitude });
    }
}

/// <summary>What dispatching adds to a case: the component it is about and its assisting departments (协办).</summary>
