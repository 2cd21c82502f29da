using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Departments_JurisdictionBackfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Departments stored before jurisdictions were lists have jurisdiction over their one grid code.
            migrationBuilder.Sql(
                "UPDATE departments SET jurisdiction_codes = ARRAY[jurisdiction_code] WHERE cardinality(jurisdiction_codes) = 0;");
            // The empty default only let the column be added to existing rows; new rows always name their jurisdiction.
            migrationBuilder.Sql("ALTER TABLE departments ALTER COLUMN jurisdiction_codes DROP DEFAULT;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE departments ALTER COLUMN jurisdiction_codes SET DEFAULT ARRAY[]::text[];");
        }
    }
}
