using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Departments_Admin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "contact_phone",
                table: "departments",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "duty_phone",
                table: "departments",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "jurisdiction_codes",
                table: "departments",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<Guid>(
                name: "parent_id",
                table: "departments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retired_at",
                table: "departments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "departments",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<string>(
                name: "assignee_department_key",
                table: "cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "assignee_user_name",
                table: "cases",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_departments_parent_id",
                table: "departments",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_assignee_user_name",
                table: "cases",
                column: "assignee_user_name",
                filter: "assignee_user_name IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_departments_departments_parent_id",
                table: "departments",
                column: "parent_id",
                principalTable: "departments",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_departments_departments_parent_id",
                table: "departments");

            migrationBuilder.DropIndex(
                name: "ix_departments_parent_id",
                table: "departments");

            migrationBuilder.DropIndex(
                name: "ix_cases_assignee_user_name",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "contact_phone",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "duty_phone",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "jurisdiction_codes",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "parent_id",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "retired_at",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "assignee_department_key",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "assignee_user_name",
                table: "cases");
        }
    }
}
