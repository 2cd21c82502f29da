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
        b.Property(c => c.NameZh).HasMaxLength(64).IsRequired();
        b.Property(c => c.NameEn).HasMaxLength(128).IsRequired();
        b.Property(c => c.Limit).HasPrecision(9, 2);
        b.Property(c => c.Unit).HasMaxLength(16).IsRequired();
        b.Ignore(c => c.TimeLimit);
    }
}
