using Dispatch.Domain.Evaluation;
using Dispatch.Persistence.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Persistence.Configurations;

internal sealed class EvaluationFactConfiguration : IEntityTypeConfiguration<EvaluationFact>
{
    public void Configure(EntityTypeBuilder<EvaluationFact> b)
    {
        b.ToTable("EvaluationFacts");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Code).HasMaxLength(24).IsRequired();
        b.Property(f => f.DepartmentKey).HasMaxLength(64);
        b.Property(f => f.DistrictCode).HasMaxLength(15).IsRequired();
        b.Property(f => f.StreetCode).HasMaxLength(15);
        b.Property(f => f.CommunityCode).HasMaxLength(15);
        b.Property(f => f.UnitGridCode).HasMaxLength(15);
        b.Property(f => f.Person).HasMaxLength(256);
        b.Property(f => f.PersonRole).HasMaxLength(32);
        b.HasIndex(f => new { f.CaseId, f.Sequence });
        // League tables: a period's facts, grouped by one object column, read from the index alone.
        b.HasIndex(f => f.At).IncludeProperties(f => new
        {
            f.Code, f.OnTime, f.DepartmentKey, f.DistrictCode, f.StreetCode, f.CommunityCode, f.UnitGridCode, f.CategoryId,
            f.Person, f.PersonRole,
        });
    }
}

internal sealed class EvaluationScoringConfiguration : IEntityTypeConfiguration<EvaluationScoring>
{
    public void Configure(EntityTypeBuilder<EvaluationScoring> b)
    {
        b.ToTable("EvaluationScorings");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Property(s => s.Json).IsRequired();
        b.Property(s => s.UpdatedBy).HasMaxLength(256).IsRequired();
    }
}
