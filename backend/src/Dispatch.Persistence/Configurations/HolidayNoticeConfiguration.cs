using Dispatch.Domain.Calendar;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class HolidayNoticeConfiguration : IEntityTypeConfiguration<HolidayNotice>
{
    public void Configure(EntityTypeBuilder<HolidayNotice> b)
    {
        b.ToTable("HolidayNotices");
        b.HasKey(n => n.Year);
        b.Property(n => n.Year).ValueGeneratedNever();
        b.Property(n => n.Json).IsRequired();
        b.Property(n => n.UpdatedBy).HasMaxLength(256).IsRequired();
        b.Property(n => n.Version).HasColumnName("xmin").IsRowVersion();
        b.Ignore(n => n.Schedule);
    }
}
