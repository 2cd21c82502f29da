using Dispatch.Domain.Catalogue;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("Departments");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Key).HasMaxLength(Department.MaxKeyLength).IsRequired();
        b.HasIndex(d => d.Key).IsUnique();
        b.Property(d => d.Kind).HasMaxLength(Department.MaxKindLength).IsRequired();
        b.Property(d => d.Level).HasMaxLength(16).IsRequired();
        b.Property(d => d.JurisdictionCode).HasMaxLength(15).IsRequired();
        // Every grid node of the jurisdiction, the main one first; read and written whole with the department.
        b.Property(d => d.JurisdictionCodes).IsRequired();
        b.Property(d => d.NameZh).HasMaxLength(Department.MaxNameZhLength).IsRequired();
        b.Property(d => d.NameEn).HasMaxLength(Department.MaxNameEnLength).IsRequired();
        b.Property(d => d.ContactPhone).HasMaxLength(Department.MaxPhoneLength);
        b.Property(d => d.DutyPhone).HasMaxLength(Department.MaxPhoneLength);
        b.HasOne<Department>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(d => d.Retired);
        // Administrative edits carry the row version they were made from (xmin); a stale one loses with 409.
        b.Property(d => d.Version).HasColumnName("xmin").IsRowVersion();
    }
}
