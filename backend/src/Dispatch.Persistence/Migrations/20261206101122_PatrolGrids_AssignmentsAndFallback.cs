using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PatrolGrids_AssignmentsAndFallback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "assigned_at",
                table: "responsibility_grids",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "responsible_person_name",
                table: "responsibility_grids",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "responsible_person_phone",
                table: "responsibility_grids",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "responsibility_grids",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "holiday_notices",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<string>(
                name: "on_site_fallback",
                table: "cases",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "assigned_at",
                table: "responsibility_grids");

            migrationBuilder.DropColumn(
                name: "responsible_person_name",
                table: "responsibility_grids");

            migrationBuilder.DropColumn(
                name: "responsible_person_phone",
                table: "responsibility_grids");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "responsibility_grids");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "holiday_notices");

            migrationBuilder.DropColumn(
                name: "on_site_fallback",
                table: "cases");
        }
    }
}
