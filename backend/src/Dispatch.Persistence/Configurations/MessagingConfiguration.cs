using Dispatch.Persistence.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.MessageType).HasMaxLength(256).IsRequired();
        b.Property(m => m.Body).IsRequired();
        b.Property(m => m.LastError).HasMaxLength(2000);
        // The relay only ever looks for unsent rows in creation order.
        b.HasIndex(m => m.CreatedAt).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_messages_unsent");
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> b)
    {
        b.ToTable("InboxMessages");
        b.HasKey(m => new { m.MessageId, m.Consumer });
        b.Property(m => m.Consumer).HasMaxLength(128);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("IdempotencyRecords");
        b.HasKey(r => new { r.UserName, r.Key });
        b.Property(r => r.UserName).HasMaxLength(256);
        b.Property(r => r.Key).HasMaxLength(100);
        b.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<Identity.AppUser>
{
    public void Configure(EntityTypeBuilder<Identity.AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(64).IsRequired();
        b.Property(u => u.DepartmentKey).HasMaxLength(64);
        b.Property(u => u.GridScope).HasMaxLength(15);
    }
}
