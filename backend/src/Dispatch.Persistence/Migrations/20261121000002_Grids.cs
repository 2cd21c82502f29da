using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Persistence.Migrations;

/// <summary>
/// The grid tree, responsibility grids and the grid columns of cases. Hand-written like <see cref="Initial"/>:
/// boundaries are WKB in a plain binary column (no spatial extension), with their bounding box beside them.
/// </summary>
[DbContext(typeof(DispatchDbContext))]
[Migration("20261121000002_Grids")]
public sealed class Grids : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;

        m.CreateTable("grid_nodes", t => new
        {
            code = t.Column<string>(maxLength: 15, nullable: false),
            level = t.Column<string>(maxLength: 16, nullable: false),
            parent_code = t.Column<string>(maxLength: 15, nullable: true),
            name = t.Column<string>(maxLength: 64, nullable: false),
            boundary = t.Column<byte[]>(nullable: false),
            min_longitude = t.Column<double>(nullable: false),
            min_latitude = t.Column<double>(nullable: false),
            max_longitude = t.Column<double>(nullable: false),
            max_latitude = t.Column<double>(nullable: false),
            valid_from = t.Column<DateOnly>(nullable: false),
            valid_to = t.Column<DateOnly>(nullable: true),
            responsible_person = t.Column<string>(maxLength: 64, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_grid_nodes", x => x.code);
            t.ForeignKey("fk_grid_nodes_grid_nodes_parent_code", x => x.parent_code, "grid_nodes", "code", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("ix_grid_nodes_parent_code", "grid_nodes", "parent_code");
        m.CreateIndex("ix_grid_nodes_level", "grid_nodes", "level");

        m.CreateTable("responsibility_grids", t => new
        {
            code = t.Column<string>(maxLength: 32, nullable: false),
            name = t.Column<string>(maxLength: 64, nullable: false),
        }, constraints: t => t.PrimaryKey("pk_responsibility_grids", x => x.code));

        m.CreateTable("responsibility_grid_units", t => new
        {
            unit_grid_code = t.Column<string>(maxLength: 15, nullable: false),
            responsibility_grid_code = t.Column<string>(maxLength: 32, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_responsibility_grid_units", x => x.unit_grid_code);
            t.ForeignKey("fk_responsibility_grid_units_responsibility_grid_code", x => x.responsibility_grid_code,
                "responsibility_grids", "code", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("fk_responsibility_grid_units_grid_nodes_unit_grid_code", x => x.unit_grid_code,
                "grid_nodes", "code", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("ix_responsibility_grid_units_responsibility_grid_code", "responsibility_grid_units", "responsibility_grid_code");

        m.CreateTable("responsibility_grid_patrollers", t => new
        {
            responsibility_grid_code = t.Column<string>(maxLength: 32, nullable: false),
            user_name = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_responsibility_grid_patrollers", x => new { x.responsibility_grid_code, x.user_name });
            t.ForeignKey("fk_responsibility_grid_patrollers_responsibility_grid_code", x => x.responsibility_grid_code,
                "responsibility_grids", "code", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_responsibility_grid_patrollers_user_name", "responsibility_grid_patrollers", "user_name");

        // Rows stored before cases were located keep nulls; every new report sets the codes.
        m.AddColumn<string>("unit_grid_code", "cases", maxLength: 15, nullable: true);
        m.AddColumn<string>("community_code", "cases", maxLength: 15, nullable: true);
        m.AddColumn<string>("street_code", "cases", maxLength: 15, nullable: true);
        m.AddColumn<string>("responsibility_grid_code", "cases", maxLength: 32, nullable: true);
        // The default only fills existing rows; the model has none, so it is dropped again.
        m.AddColumn<bool>("outside_responsibility_grid", "cases", nullable: false, defaultValue: false);
        m.AlterColumn<bool>("outside_responsibility_grid", "cases", nullable: false, oldNullable: false, oldDefaultValue: false);
        m.CreateIndex("ix_cases_unit_grid_code", "cases", "unit_grid_code");
        m.CreateIndex("ix_cases_community_code", "cases", "community_code");
        m.CreateIndex("ix_cases_street_code", "cases", "street_code");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.DropIndex("ix_cases_street_code", "cases");
        m.DropIndex("ix_cases_community_code", "cases");
        m.DropIndex("ix_cases_unit_grid_code", "cases");
        m.DropColumn("outside_responsibility_grid", "cases");
        m.DropColumn("responsibility_grid_code", "cases");
        m.DropColumn("street_code", "cases");
        m.DropColumn("community_code", "cases");
        m.DropColumn("unit_grid_code", "cases");
        m.DropTable("responsibility_grid_patrollers");
        m.DropTable("responsibility_grid_units");
        m.DropTable("responsibility_grids");
        m.DropTable("grid_nodes");
    }
}
