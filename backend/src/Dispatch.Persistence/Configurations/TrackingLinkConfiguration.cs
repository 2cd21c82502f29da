using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class TrackingLinkConfiguration : IEntityTypeConfiguration<TrackingLink>
{
    public void Configure(EntityTypeBuilder<TrackingLink> b)
    {
        b.ToTable("TrackingLinks");
        // One link per case; the link is found by its token's hash.
        b.HasKey(l => l.CaseId);
        b.Property(l => l.CaseId).ValueGeneratedNever();
        b.Property(l => l.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(l => l.TokenHash).IsUnique();
        b.HasOne<Case>().WithOne().HasForeignKey<TrackingLink>(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
