using Dispatch.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dispatch.Persistence.Configurations;

internal sealed class EvaluationReportConfiguration : IEntityTypeConfiguration<EvaluationReport>
{
    public void Configure(EntityTypeBuilder<EvaluationReport> b)
    {
        // A published report carries its files; the trigger of migration Reports_FreezePublished keeps them unchanged.
        b.ToTable("EvaluationReports", t => t.HasCheckConstraint("ck_evaluation_reports_published_files",
            "state <> 'Published' OR (published_at IS NOT NULL AND xlsx_zh IS NOT NULL AND docx_zh IS NOT NULL AND xlsx_en IS NOT NULL AND docx_en IS NOT NULL)"));
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Period).HasMaxLength(16).IsRequired();
        b.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Content).IsRequired();
        b.Property(r => r.GeneratedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.PublishedBy).HasMaxLength(256);
        b.Ignore(r => r.PeriodValue);
        // One row per revision of a period: the schedule's insert of revision 1 is idempotent across hosts on this key.
        b.HasIndex(r => new { r.Kind, r.Period, r.Revision }).IsUnique();
        // At most one draft of a period at a time: a correction waits until the draft before it is published.
        b.HasIndex(r => new { r.Kind, r.Period }).IsUnique().HasFilter("state = 'Draft'").HasDatabaseName("ix_evaluation_reports_one_draft");
        b.HasIndex(r => new { r.Year, r.Kind });
        b.Property(r => r.Version).HasColumnName("xmin").IsRowVersion();
    }
}
