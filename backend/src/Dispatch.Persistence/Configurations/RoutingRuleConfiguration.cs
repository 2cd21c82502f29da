using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Routing;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> b)
    {
        b.ToTable("RoutingRules");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.GridCode).HasMaxLength(15);
        b.Property(r => r.Target).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.DepartmentKind).HasMaxLength(RoutingRule.MaxDepartmentKindLength);
        b.Property(r => r.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.Note).HasMaxLength(RoutingRule.MaxNoteLength);
        // Two administrators changing one rule at once: the second retirement finds it already retired and loses.
        b.Property(r => r.ValidTo).IsConcurrencyToken();
        b.Ignore(r => r.Grid);
        b.HasOne<Category>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CategoryCondition>().WithMany().HasForeignKey(r => r.ConditionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(r => r.OwnerDepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
