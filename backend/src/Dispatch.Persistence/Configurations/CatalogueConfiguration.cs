using Dispatch.Domain.Calendar;
using Dispatch.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

internal sealed class ConditionTimeLimitConfiguration : IEntityTypeConfiguration<ConditionTimeLimit>
{
    public void Configure(EntityTypeBuilder<ConditionTimeLimit> b)
    {
        b.ToTable("ConditionTimeLimits");
        b.HasKey(l => new { l.ConditionId, l.AreaClass });
        b.Property(l => l.AreaClass).HasMaxLength(ConditionTimeLimit.MaxAreaClassLength);
        b.Property(l => l.Limit).HasPrecision(9, 2);
        b.Property(l => l.Unit).HasMaxLength(16).IsRequired();
        b.Ignore(l => l.TimeLimit);
        b.HasOne<CategoryCondition>().WithMany().HasForeignKey(l => l.ConditionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HolidayNoticeConfiguration : IEntityTypeConfiguration<HolidayNotice>
{
    public void Configure(EntityTypeBuilder<HolidayNotice> b)
    {
        b.ToTable("HolidayNotices");
        b.HasKey(n => n.Year);
        b.Property(n => n.Year).ValueGeneratedNever();
        b.Property(n => n.Json).IsRequired();
        b.Property(n => n.UpdatedBy).HasMaxLength(256).IsRequired();
        b.Ignore(n => n.Schedule);
    }
}

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
