using System.Text.Json;
using Dispatch.Domain.Cases;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence.Configurations;

internal sealed class CaseTraceConfiguration : IEntityTypeConfiguration<CaseTrace>
{
    public void Configure(EntityTypeBuilder<CaseTrace> b)
    {
        b.ToTable("CaseTraces");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.HasIndex(t => new { t.CaseId, t.Sequence }).IsUnique();
        // Open311 servicerequestupdates reads the rows of a time window, oldest first.
        b.HasIndex(t => t.At);
        b.Property(t => t.Action).HasMaxLength(32).IsRequired();
        b.Property(t => t.FromState).HasConversion<string>().HasMaxLength(32);
        b.Property(t => t.ToState).HasConversion<string>().HasMaxLength(32);
        b.Property(t => t.ActorUserName).HasMaxLength(256).IsRequired();
        b.Property(t => t.ActorRole).HasMaxLength(32).IsRequired();
        b.Property(t => t.DepartmentKey).HasMaxLength(64);
        b.Property(t => t.HoldingDepartmentKey).HasMaxLength(64);
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
