using Dispatch.Domain.Catalogue;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.ToTable("Categories");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(c => new { c.Kind, c.Code }).IsUnique();
        b.Property(c => c.MajorCode).HasMaxLength(2).IsRequired();
        b.Property(c => c.MajorNameZh).HasMaxLength(64).IsRequired();
        b.Property(c => c.MajorNameEn).HasMaxLength(128).IsRequired();
        b.Property(c => c.Code).HasMaxLength(8).IsRequired();
        b.Property(c => c.NameZh).HasMaxLength(64).IsRequired();
        b.Property(c => c.NameEn).HasMaxLength(128).IsRequired();
        b.Property(c => c.DepartmentKind).HasMaxLength(32).IsRequired();
        b.HasMany(c => c.Conditions).WithOne().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Conditions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
