using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Persistence.Migrations
{
    /// <summary>
    /// The hotline desk looks a caller up by phone number, spaces and dashes aside, on every call: an expression index
    /// over exactly that form of the number keeps the lookup off a scan of every case. The model cannot describe
    /// expression indexes, so it is written here; its name ends in <c>_expr</c>, which the schema test leaves out.
    /// </summary>
    public partial class Hotline_CallerPhoneIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX ix_cases_caller_phone_digits_expr ON cases ((replace(replace(caller_phone, ' ', ''), '-', '')))
                WHERE caller_phone IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_cases_caller_phone_digits_expr;");
        }
    }
}
