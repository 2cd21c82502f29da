using Dispatch.Persistence.Messaging;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> b)
    {
        b.ToTable("InboxMessages");
        b.HasKey(m => new { m.MessageId, m.Consumer });
        b.Property(m => m.Consumer).HasMaxLength(128);
    }
}
