using Dispatch.Domain.Grids;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

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
