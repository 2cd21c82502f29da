using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Hotline_CallbackWantedBackfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Before the flag existed, every hotline or public report with a caller's phone was due a callback once closed:
            // keep those not yet called back on the call list. New rows always say, so the temporary default goes
            // (the model has none, and the schema test compares them).
            migrationBuilder.Sql("""
                UPDATE cases SET callback_wanted = true
                WHERE source IN ('Hotline', 'Public') AND caller_phone IS NOT NULL AND callback_satisfied IS NULL;
                ALTER TABLE cases ALTER COLUMN callback_wanted DROP DEFAULT;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE cases ALTER COLUMN callback_wanted SET DEFAULT false;");
        }
    }
}
