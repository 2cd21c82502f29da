using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Evaluation_Facts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "evaluation_marks",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "last_dispatcher",
                table: "cases",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "holding_department_key",
                table: "case_traces",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "evaluation_facts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    on_time = table.Column<bool>(type: "boolean", nullable: true),
                    department_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    district_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    street_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    community_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    unit_grid_code = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    category_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    person_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_facts", x => x.id);
                    table.ForeignKey(
                        name: "fk_evaluation_facts_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_scorings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    json = table.Column<string>(type: "text", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_scorings", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_facts_at",
                table: "evaluation_facts",
                column: "at")
                .Annotation("Npgsql:IndexInclude", new[] { "code", "on_time", "department_key", "district_code", "street_code", "community_code", "unit_grid_code", "category_id", "person", "person_role" });

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_facts_case_id_sequence",
                table: "evaluation_facts",
                columns: new[] { "case_id", "sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evaluation_facts");

            migrationBuilder.DropTable(
                name: "evaluation_scorings");

            migrationBuilder.DropColumn(
                name: "evaluation_marks",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "last_dispatcher",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "holding_department_key",
                table: "case_traces");
        }
    }
}
