using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Accounts_DropTemporaryDefault : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing accounts got false when the column was added; new rows always say, so no default is kept
            // (the model has none, and the schema test compares them).
            migrationBuilder.Sql("ALTER TABLE asp_net_users ALTER COLUMN must_change_password DROP DEFAULT;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE asp_net_users ALTER COLUMN must_change_password SET DEFAULT false;");
        }
    }
}
