using Dispatch.Domain.Cases;
using Dispatch.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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
        b.Property(c => c.DepartmentKey).HasMaxLength(64);
        b.Property(c => c.CallerName).HasMaxLength(Case.MaxCallerNameLength);
        b.Property(c => c.CallerPhone).HasMaxLength(Case.MaxCallerPhoneLength);
        // Step clocks: the sweeper finds what is due through light_changes_at; overdue lists sort by next_deadline.
        b.Property(c => c.DeadlineStage).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.DeadlineUnit).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Light).HasConversion<string>().HasMaxLength(8);
        b.HasIndex(c => c.LightChangesAt).HasFilter("light_changes_at IS NOT NULL");
        b.HasIndex(c => c.NextDeadline);
        b.Property(c => c.PendingRequest).HasConversion<string>().HasMaxLength(16);
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
    }
}

internal sealed class CaseTraceConfiguration : IEntityTypeConfiguration<CaseTrace>
{
    public void Configure(EntityTypeBuilder<CaseTrace> b)
    {
        b.ToTable("CaseTraces");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.HasIndex(t => new { t.CaseId, t.Sequence }).IsUnique();
        b.Property(t => t.Action).HasMaxLength(32).IsRequired();
        b.Property(t => t.FromState).HasConversion<string>().HasMaxLength(32);
        b.Property(t => t.ToState).HasConversion<string>().HasMaxLength(32);
        b.Property(t => t.ActorUserName).HasMaxLength(256).IsRequired();
        b.Property(t => t.ActorRole).HasMaxLength(32).IsRequired();
        b.Property(t => t.DepartmentKey).HasMaxLength(64);
        b.Property(t => t.Opinion).HasMaxLength(2000);
        b.Property(t => t.Code).HasMaxLength(48).IsRequired();
        // A small map of keys and codes, as JSON text: readable in psql, and the same column type on any provider.
        b.Property(t => t.Parameters).HasConversion(TraceParametersJson.Converter, TraceParametersJson.Comparer).IsRequired();
    }
}

/// <summary>Stores a trace row's parameters as a JSON object of strings, keys in ordinal order.</summary>
internal static class TraceParametersJson
{
    public static readonly ValueConverter<IReadOnlyDictionary<string, string>, string> Converter = new(
        p => Write(p),
        json => Read(json));

    public static readonly ValueComparer<IReadOnlyDictionary<string, string>> Comparer = new(
        (a, b) => Write(a!) == Write(b!),
        p => Write(p).GetHashCode(StringComparison.Ordinal),
        p => Read(Write(p)));

    private static string Write(IReadOnlyDictionary<string, string> parameters) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(parameters.ToDictionary(), StringComparer.Ordinal));

    private static Dictionary<string, string> Read(string json) =>
        string.IsNullOrEmpty(json)
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [], StringComparer.Ordinal);
}

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
