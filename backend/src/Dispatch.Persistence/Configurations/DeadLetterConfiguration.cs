using Dispatch.Persistence.Messaging;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class DeadLetterConfiguration : IEntityTypeConfiguration<DeadLetter>
{
    public void Configure(EntityTypeBuilder<DeadLetter> b)
    {
        b.ToTable("DeadLetters");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.MessageType).HasMaxLength(DeadLetter.MaxMessageTypeLength).IsRequired();
        b.Property(d => d.Body).IsRequired();
        b.Property(d => d.SourceAddress).HasMaxLength(DeadLetter.MaxAddressLength);
        b.Property(d => d.ExceptionType).HasMaxLength(DeadLetter.MaxExceptionTypeLength).IsRequired();
        b.Property(d => d.ExceptionMessage).HasMaxLength(DeadLetter.MaxExceptionMessageLength).IsRequired();
        b.Property(d => d.ReplayedBy).HasMaxLength(DeadLetter.MaxUserNameLength);
        b.Property(d => d.DiscardedBy).HasMaxLength(DeadLetter.MaxUserNameLength);
        // Two administrators acting on one dead letter at once: the second finds it handled, and nothing replays twice.
        b.Property(d => d.ReplayedAt).IsConcurrencyToken();
        b.Property(d => d.DiscardedAt).IsConcurrencyToken();
        b.Ignore(d => d.IsOpen);
        b.HasIndex(d => d.FaultedAt);
    }
}
