using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Persistence.Migrations;

/// <summary>
/// The dispatcher's data: routing rules (which replace the walking skeleton's category → department table), the
/// component inventory (部件) with the case's link to a component, and the dead letters an administrator replays.
/// Hand-written like <see cref="Initial"/>. The old table's routes are not carried over: every category gets the
/// default rules (docs/domain.md §4) when a worker starts and finds none.
/// </summary>
[DbContext(typeof(DispatchDbContext))]
[Migration("20261121000004_RoutingRules")]
public sealed class RoutingRules : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;

        m.DropTable("category_routes");

        m.CreateTable("routing_rules", t => new
        {
            id = t.Column<Guid>(nullable: false),
            category_id = t.Column<Guid>(nullable: false),
            condition_id = t.Column<Guid>(nullable: true),
            grid_code = t.Column<string>(maxLength: 15, nullable: true),
            owner_department_id = t.Column<Guid>(nullable: true),
            target = t.Column<string>(maxLength: 16, nullable: false),
            department_id = t.Column<Guid>(nullable: true),
            department_kind = t.Column<string>(maxLength: 32, nullable: true),
            priority = t.Column<int>(nullable: false),
            valid_from = t.Column<DateTimeOffset>(nullable: false),
            valid_to = t.Column<DateTimeOffset>(nullable: true),
            created_by = t.Column<string>(maxLength: 256, nullable: false),
            note = t.Column<string>(maxLength: 500, nullable: true),
            replaces_rule_id = t.Column<Guid>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_routing_rules", x => x.id);
            t.ForeignKey("fk_routing_rules_categories_category_id", x => x.category_id, "categories", "id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("fk_routing_rules_category_conditions_condition_id", x => x.condition_id, "category_conditions", "id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("fk_routing_rules_departments_department_id", x => x.department_id, "departments", "id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("fk_routing_rules_departments_owner_department_id", x => x.owner_department_id, "departments", "id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("ix_routing_rules_category_id", "routing_rules", "category_id");
        m.CreateIndex("ix_routing_rules_condition_id", "routing_rules", "condition_id");
        m.CreateIndex("ix_routing_rules_department_id", "routing_rules", "department_id");
        m.CreateIndex("ix_routing_rules_owner_department_id", "routing_rules", "owner_department_id");

        m.CreateTable("components", t => new
        {
            id = t.Column<string>(maxLength: 16, nullable: false),
            category_id = t.Column<Guid>(nullable: false),
            unit_grid_code = t.Column<string>(maxLength: 15, nullable: false),
            owner_department_id = t.Column<Guid>(nullable: true),
            maintainer = t.Column<string>(maxLength: 128, nullable: true),
            state = t.Column<string>(maxLength: 16, nullable: false),
            longitude = t.Column<double>(nullable: false),
            latitude = t.Column<double>(nullable: false),
            updated_at = t.Column<DateTimeOffset>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_components", x => x.id);
            t.ForeignKey("fk_components_categories_category_id", x => x.category_id, "categories", "id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("fk_components_departments_owner_department_id", x => x.owner_department_id, "departments", "id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("ix_components_category_id", "components", "category_id");
        m.CreateIndex("ix_components_owner_department_id", "components", "owner_department_id");
        m.CreateIndex("ix_components_unit_grid_code", "components", "unit_grid_code");
        m.CreateIndex("ix_components_latitude_longitude", "components", ["latitude", "longitude"]);

        m.AddColumn<string>("component_id", "cases", maxLength: 16, nullable: true);
        m.CreateIndex("ix_cases_component_id", "cases", "component_id");
        m.AddForeignKey("fk_cases_components_component_id", "cases", "component_id", "components", principalColumn: "id",
            onDelete: ReferentialAction.Restrict);

        m.CreateTable("dead_letters", t => new
        {
            id = t.Column<Guid>(nullable: false),
            message_id = t.Column<Guid>(nullable: true),
            message_type = t.Column<string>(maxLength: 256, nullable: false),
            body = t.Column<string>(nullable: false),
            source_address = t.Column<string>(maxLength: 512, nullable: true),
            exception_type = t.Column<string>(maxLength: 256, nullable: false),
            exception_message = t.Column<string>(maxLength: 2000, nullable: false),
            faulted_at = t.Column<DateTimeOffset>(nullable: false),
            recorded_at = t.Column<DateTimeOffset>(nullable: false),
            replayed_at = t.Column<DateTimeOffset>(nullable: true),
            replayed_by = t.Column<string>(maxLength: 256, nullable: true),
            replay_message_id = t.Column<Guid>(nullable: true),
            discarded_at = t.Column<DateTimeOffset>(nullable: true),
            discarded_by = t.Column<string>(maxLength: 256, nullable: true),
        }, constraints: t => t.PrimaryKey("pk_dead_letters", x => x.id));
        m.CreateIndex("ix_dead_letters_faulted_at", "dead_letters", "faulted_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.DropTable("dead_letters");
        m.DropForeignKey("fk_cases_components_component_id", "cases");
        m.DropIndex("ix_cases_component_id", "cases");
        m.DropColumn("component_id", "cases");
        m.DropTable("components");
        m.DropTable("routing_rules");

        m.CreateTable("category_routes", t => new
        {
            category_id = t.Column<Guid>(nullable: false),
            department_id = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_category_routes", x => x.category_id);
            t.ForeignKey("fk_category_routes_categories_category_id", x => x.category_id, "categories", "id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("fk_category_routes_departments_department_id", x => x.department_id, "departments", "id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("ix_category_routes_department_id", "category_routes", "department_id");
    }
}
