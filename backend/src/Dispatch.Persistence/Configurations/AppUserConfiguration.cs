using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<Identity.AppUser>
{
    public void Configure(EntityTypeBuilder<Identity.AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(64).IsRequired();
        b.Property(u => u.DepartmentKey).HasMaxLength(64);
        b.Property(u => u.GridScope).HasMaxLength(15);
    }
}
