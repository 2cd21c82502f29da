using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Reports_EvaluationReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "evaluation_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    scheduled = table.Column<bool>(type: "boolean", nullable: false),
                    generated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    generated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xlsx_zh = table.Column<byte[]>(type: "bytea", nullable: true),
                    docx_zh = table.Column<byte[]>(type: "bytea", nullable: true),
                    xlsx_en = table.Column<byte[]>(type: "bytea", nullable: true),
                    docx_en = table.Column<byte[]>(type: "bytea", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_reports", x => x.id);
                    table.CheckConstraint("ck_evaluation_reports_published_files", "state <> 'Published' OR (published_at IS NOT NULL AND xlsx_zh IS NOT NULL AND docx_zh IS NOT NULL AND xlsx_en IS NOT NULL AND docx_en IS NOT NULL)");
                });

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_reports_kind_period_revision",
                table: "evaluation_reports",
                columns: new[] { "kind", "period", "revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_reports_one_draft",
                table: "evaluation_reports",
                columns: new[] { "kind", "period" },
                unique: true,
                filter: "state = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_reports_year_kind",
                table: "evaluation_reports",
                columns: new[] { "year", "kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evaluation_reports");
        }
    }
}
