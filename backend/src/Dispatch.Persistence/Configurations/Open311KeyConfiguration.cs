using Dispatch.Persistence.Open311;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Persistence.Configurations;

internal sealed class Open311KeyConfiguration : IEntityTypeConfiguration<Open311Key>
{
    public void Configure(EntityTypeBuilder<Open311Key> b)
    {
        b.ToTable("Open311Keys");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).ValueGeneratedNever();
        b.Property(k => k.Name).HasMaxLength(Open311Key.MaxNameLength).IsRequired();
        b.Property(k => k.KeyHash).HasMaxLength(64).IsRequired();
        b.Property(k => k.Prefix).HasMaxLength(Open311Key.PrefixLength).IsRequired();
        b.Property(k => k.IssuedBy).HasMaxLength(256).IsRequired();
        b.Property(k => k.RevokedBy).HasMaxLength(256);
        b.Ignore(k => k.IsRevoked);
        b.HasIndex(k => k.KeyHash).IsUnique();
    }
}
