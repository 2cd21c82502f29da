using Dispatch.Domain.Cases;
using Dispatch.Domain.Catalogue;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class CaseAssistConfiguration : IEntityTypeConfiguration<CaseAssist>
{
    public void Configure(EntityTypeBuilder<CaseAssist> b)
    {
        b.ToTable("CaseAssists");
        b.HasKey(a => new { a.CaseId, a.DepartmentId });
        b.Property(a => a.DepartmentKey).HasMaxLength(64).IsRequired();
        // A department's board lists the cases it assists on.
        b.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
