using Dispatch.Domain.Calendar;
using Dispatch.Domain.Catalogue;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

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
