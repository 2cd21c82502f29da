using Dispatch.Persistence.Audit;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        b.Property(e => e.Actor).HasMaxLength(AuditEntry.MaxActorLength).IsRequired();
        b.Property(e => e.Action).HasMaxLength(AuditEntry.MaxActionLength).IsRequired();
        b.Property(e => e.SubjectType).HasMaxLength(AuditEntry.MaxSubjectTypeLength).IsRequired();
        b.Property(e => e.SubjectKey).HasMaxLength(AuditEntry.MaxSubjectKeyLength).IsRequired();
        b.Property(e => e.RequestId).HasMaxLength(128);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.SubjectType, e.SubjectKey, e.Id });
        b.HasIndex(e => new { e.Actor, e.Id });
    }
}
