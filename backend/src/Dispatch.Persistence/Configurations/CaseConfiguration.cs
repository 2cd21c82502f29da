using Dispatch.Domain.Cases;
using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Components;
using Dispatch.Domain.Grids;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("Cases");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Number).HasMaxLength(32).IsRequired();
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.Source).HasConversion<string>().HasMaxLength(16);
        // Application-managed version: every state change bumps it, and a stale writer loses with 409.
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.Description).HasMaxLength(Case.MaxDescriptionLength).IsRequired();
        b.Property(c => c.DistrictCode).HasMaxLength(15).IsRequired();
        b.Property(c => c.ReportedBy).HasMaxLength(256).IsRequired();
        b.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CategoryCondition>().WithMany().HasForeignKey(c => c.ConditionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        // Board snapshots: a department's open cases, newest first; the command centre's latest cases.
        b.HasIndex(c => new { c.DepartmentId, c.State });
        b.HasIndex(c => c.UpdatedAt);
        b.HasIndex(c => new { c.ReportedBy, c.ReportedAt });
        // The ledger (台账): periods and sort orders by each step's time, keyset-paged with the id as tie-breaker.
        b.HasIndex(c => new { c.ReportedAt, c.Id });
        b.HasIndex(c => new { c.DispatchedAt, c.Id });
        b.HasIndex(c => new { c.ClosedAt, c.Id });
        b.HasIndex(c => c.ComponentId);
        b.Property(c => c.DepartmentKey).HasMaxLength(64);
        b.Property(c => c.AssigneeUserName).HasMaxLength(256);
        b.Property(c => c.AssigneeDepartmentKey).HasMaxLength(64);
        // A handler's own queue (内部派遣): the cases given to them.
        b.HasIndex(c => c.AssigneeUserName).HasFilter("assignee_user_name IS NOT NULL");
        b.Property(c => c.CallerName).HasMaxLength(Case.MaxCallerNameLength);
        b.Property(c => c.CallerPhone).HasMaxLength(Case.MaxCallerPhoneLength);
        // Step clocks: the sweeper finds what is due through light_changes_at; overdue lists sort by next_deadline.
        b.Property(c => c.DeadlineStage).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.DeadlineUnit).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Light).HasConversion<string>().HasMaxLength(8);
        b.HasIndex(c => c.LightChangesAt).HasFilter("light_changes_at IS NOT NULL");
        b.HasIndex(c => c.NextDeadline);
        b.Property(c => c.PendingRequest).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.OnSiteFallback).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.RequestedLimitAmount).HasPrecision(9, 2);
        b.Property(c => c.RequestedLimitUnit).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.EscalationLevel).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.EscalatedTo).HasMaxLength(15);
        b.Property(c => c.EscalationInstruction).HasMaxLength(Case.MaxOpinionLength);
        b.Ignore(c => c.Deadline);
        b.Ignore(c => c.RequestedLimit);
        b.Ignore(c => c.Clock);
        b.Ignore(c => c.Escalation);
        b.Ignore(c => c.Location);
        b.Ignore(c => c.Caller);
        b.HasMany(c => c.Trace).WithOne().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Photos).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Trace).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Photos).UsePropertyAccessMode(PropertyAccessMode.Field);
        // Evaluation facts are appended with the trace rows they come from, in the same SaveChanges.
        b.HasMany(c => c.EvaluationFacts).WithOne().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.EvaluationFacts).HasField("_facts").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Property(c => c.EvaluationMarks).HasConversion<int>();
        b.Property(c => c.LastDispatcher).HasMaxLength(256);

        // Where the case lies in the grid; board filters by grid node compare one of these columns, hence an index on each.
        b.Property(c => c.UnitGridCode).HasMaxLength(GridCode.UnitLength);
        b.Property(c => c.CommunityCode).HasMaxLength(GridCode.UnitLength);
        b.Property(c => c.StreetCode).HasMaxLength(GridCode.UnitLength);
        b.Property(c => c.ResponsibilityGridCode).HasMaxLength(ResponsibilityGrid.MaxCodeLength);
        b.HasIndex(c => c.UnitGridCode);
        b.HasIndex(c => c.CommunityCode);
        b.HasIndex(c => c.StreetCode);

        // What dispatching adds: the component the case is about, and its assisting departments (协办).
        b.Property(c => c.ComponentId).HasMaxLength(ComponentCode.Length);
        b.HasOne<Component>().WithMany().HasForeignKey(c => c.ComponentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Assists).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Assists).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
