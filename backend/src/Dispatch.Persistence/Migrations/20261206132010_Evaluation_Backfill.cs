using Dispatch.Persistence.Evaluation;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Evaluation_Backfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Facts, holding departments and once-per-case marks for the trace rows already stored; then the
            // temporary default of evaluation_marks goes (the model has none: every new case writes its marks).
            migrationBuilder.Sql(EvaluationBackfillSql.Text);
            migrationBuilder.Sql("ALTER TABLE cases ALTER COLUMN evaluation_marks DROP DEFAULT;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE cases ALTER COLUMN evaluation_marks SET DEFAULT 0;");
            migrationBuilder.Sql("DELETE FROM evaluation_facts;");
        }
    }
}
