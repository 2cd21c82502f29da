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
        b.Property(c => c.MajorNameZh).HasMaxLength(Category.MaxNameZhLength).IsRequired();
        b.Property(c => c.MajorNameEn).HasMaxLength(Category.MaxNameEnLength).IsRequired();
        b.Property(c => c.Code).HasMaxLength(8).IsRequired();
        b.Property(c => c.NameZh).HasMaxLength(Category.MaxNameZhLength).IsRequired();
        b.Property(c => c.NameEn).HasMaxLength(Category.MaxNameEnLength).IsRequired();
        b.Property(c => c.DepartmentKind).HasMaxLength(Category.MaxDepartmentKindLength).IsRequired();
        // PostgreSQL's own row version (xmin), named here because the snake-case convention would rename it.
        b.Property(c => c.Version).IsRowVersion().HasColumnName("xmin");
        b.Ignore(c => c.IsRetired);
        b.HasMany(c => c.Conditions).WithOne().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Conditions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
