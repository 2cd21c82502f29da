using Dispatch.Persistence.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Persistence.Configurations;

internal sealed class SavedLedgerConfiguration : IEntityTypeConfiguration<SavedLedger>
{
    public void Configure(EntityTypeBuilder<SavedLedger> b)
    {
        b.ToTable("SavedLedgers");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.Owner).HasMaxLength(256);
        b.Property(l => l.Name).HasMaxLength(SavedLedger.MaxNameLength).IsRequired();
        b.Property(l => l.Query).HasMaxLength(SavedLedger.MaxQueryLength).IsRequired();
        b.Property(l => l.Columns).HasMaxLength(SavedLedger.MaxColumnsLength).IsRequired();
        b.HasIndex(l => new { l.Kind, l.Owner, l.Name }).IsUnique();
    }
}
