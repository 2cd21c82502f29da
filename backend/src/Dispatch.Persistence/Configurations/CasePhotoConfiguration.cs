using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class CasePhotoConfiguration : IEntityTypeConfiguration<CasePhoto>
{
    public void Configure(EntityTypeBuilder<CasePhoto> b)
    {
        b.ToTable("CasePhotos");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.HasIndex(p => p.CaseId);
        b.Property(p => p.Sha256).HasMaxLength(64).IsRequired();
        b.Property(p => p.ContentType).HasMaxLength(64).IsRequired();
        b.Property(p => p.Stage).HasMaxLength(16).IsRequired();
    }
}
