using Dispatch.Domain.Calendar;
using Dispatch.Domain.Catalogue;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class CategoryConditionConfiguration : IEntityTypeConfiguration<CategoryCondition>
{
    public void Configure(EntityTypeBuilder<CategoryCondition> b)
    {
        b.ToTable("CategoryConditions");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.HasIndex(c => new { c.CategoryId, c.Ordinal }).IsUnique();
        b.Property(c => c.NameZh).HasMaxLength(Category.MaxNameZhLength).IsRequired();
        b.Property(c => c.NameEn).HasMaxLength(Category.MaxNameEnLength).IsRequired();
        b.Property(c => c.Limit).HasPrecision(9, 2);
        b.Property(c => c.Unit).HasMaxLength(16).IsRequired();
        b.Ignore(c => c.TimeLimit);
        // Conditions from before closing standards were kept have none ("").
        b.Property(c => c.ClosingStandardZh).HasMaxLength(Category.MaxClosingStandardLength).IsRequired().HasDefaultValue("");
        b.Property(c => c.ClosingStandardEn).HasMaxLength(Category.MaxClosingStandardLength).IsRequired().HasDefaultValue("");
        // PostgreSQL's own row version (xmin), named here because the snake-case convention would rename it.
        b.Property(c => c.Version).IsRowVersion().HasColumnName("xmin");
        b.Ignore(c => c.IsRetired);
    }
}
