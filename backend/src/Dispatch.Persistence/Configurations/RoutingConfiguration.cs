using Dispatch.Domain.Cases;
using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Components;
using Dispatch.Domain.Routing;
using Dispatch.Persistence.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

internal sealed class ComponentConfiguration : IEntityTypeConfiguration<Component>
{
    public void Configure(EntityTypeBuilder<Component> b)
    {
        b.ToTable("Components");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(ComponentCode.Length).ValueGeneratedNever();
        b.Property(c => c.UnitGridCode).HasMaxLength(15).IsRequired();
        b.Property(c => c.Maintainer).HasMaxLength(Component.MaxMaintainerLength);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(c => c.OwnerDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.UnitGridCode);
        // "Components near this point": a latitude band, then longitude.
        b.HasIndex(c => new { c.Latitude, c.Longitude });
    }
}

/// <summary>What dispatching adds to a case: the component it is about and its assisting departments (协办).</summary>
internal sealed class CaseDispatchConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Property(c => c.ComponentId).HasMaxLength(ComponentCode.Length);
        b.HasOne<Component>().WithMany().HasForeignKey(c => c.ComponentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Assists).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Assists).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

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
