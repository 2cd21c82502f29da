using Dispatch.Domain.Catalogue;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("Departments");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Key).HasMaxLength(64).IsRequired();
        b.HasIndex(d => d.Key).IsUnique();
        b.Property(d => d.Kind).HasMaxLength(32).IsRequired();
        b.Property(d => d.Level).HasMaxLength(16).IsRequired();
        b.Property(d => d.JurisdictionCode).HasMaxLength(15).IsRequired();
        b.Property(d => d.NameZh).HasMaxLength(128).IsRequired();
        b.Property(d => d.NameEn).HasMaxLength(256).IsRequired();
    }
}
