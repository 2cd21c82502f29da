using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Ledger_Columns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "dispatched_at",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "was_overdue",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "saved_ledgers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    owner = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    query = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    columns = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_ledgers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_closed_at_id",
                table: "cases",
                columns: new[] { "closed_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_dispatched_at_id",
                table: "cases",
                columns: new[] { "dispatched_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_reported_at_id",
                table: "cases",
                columns: new[] { "reported_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_saved_ledgers_kind_owner_name",
                table: "saved_ledgers",
                columns: new[] { "kind", "owner", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "saved_ledgers");

            migrationBuilder.DropIndex(
                name: "ix_cases_closed_at_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_dispatched_at_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_reported_at_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "dispatched_at",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "was_overdue",
                table: "cases");
        }
    }
}
