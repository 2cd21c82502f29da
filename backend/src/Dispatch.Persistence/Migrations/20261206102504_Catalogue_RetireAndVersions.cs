using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Catalogue_RetireAndVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retired_at",
                table: "components",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "components",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<string>(
                name: "closing_standard_en",
                table: "category_conditions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "closing_standard_zh",
                table: "category_conditions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retired_at",
                table: "category_conditions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "category_conditions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retired_at",
                table: "categories",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "categories",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "retired_at",
                table: "components");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "components");

            migrationBuilder.DropColumn(
                name: "closing_standard_en",
                table: "category_conditions");

            migrationBuilder.DropColumn(
                name: "closing_standard_zh",
                table: "category_conditions");

            migrationBuilder.DropColumn(
                name: "retired_at",
                table: "category_conditions");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "category_conditions");

            migrationBuilder.DropColumn(
                name: "retired_at",
                table: "categories");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "categories");
        }
    }
}
