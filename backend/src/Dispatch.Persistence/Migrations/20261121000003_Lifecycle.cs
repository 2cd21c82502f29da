using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Persistence.Migrations;

/// <summary>
/// The whole case lifecycle: the case's department key (for 监管分离), caller and self-handled flag, the current
/// step's clock and light (indexed for the sweeper), pending requests, counters and escalation; the on-time flag of
/// trace rows and the row each photo belongs to; per-area-class handling limits and stored holiday notices.
/// Hand-written like <see cref="Initial"/>.
/// </summary>
[DbContext(typeof(DispatchDbContext))]
[Migration("20261121000003_Lifecycle")]
public sealed class Lifecycle : Migration
{
    private static readonly string[] CountColumns = ["extension_count", "rework_count", "return_count"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;

        m.AddColumn<string>("department_key", "cases", maxLength: 64, nullable: true);
        m.Sql("UPDATE cases SET department_key = d.key FROM departments d WHERE d.id = cases.department_id");
        m.AddColumn<string>("caller_name", "cases", maxLength: 64, nullable: true);
        m.AddColumn<string>("caller_phone", "cases", maxLength: 32, nullable: true);
        AddFlag(m, "self_handled");

        m.AddColumn<string>("deadline_stage", "cases", maxLength: 16, nullable: true);
        m.AddColumn<DateTimeOffset>("deadline_started_at", "cases", nullable: true);
        m.AddColumn<DateTimeOffset>("next_deadline", "cases", nullable: true);
        m.AddColumn<DateTimeOffset>("yellow_at", "cases", nullable: true);
        m.AddColumn<string>("deadline_unit", "cases", maxLength: 16, nullable: true);
        m.AddColumn<string>("light", "cases", maxLength: 8, nullable: true);
        m.AddColumn<DateTimeOffset>("light_changes_at", "cases", nullable: true);
        m.AddColumn<DateTimeOffset>("suspended_at", "cases", nullable: true);
        m.CreateIndex("ix_cases_light_changes_at", "cases", "light_changes_at", filter: "light_changes_at IS NOT NULL");
        m.CreateIndex("ix_cases_next_deadline", "cases", "next_deadline");

        m.AddColumn<string>("pending_request", "cases", maxLength: 16, nullable: true);
        m.AddColumn<decimal>("requested_limit_amount", "cases", precision: 9, scale: 2, nullable: true);
        m.AddColumn<string>("requested_limit_unit", "cases", maxLength: 16, nullable: true);
        foreach (var column in CountColumns)
        {
            m.AddColumn<int>(column, "cases", nullable: false, defaultValue: 0);
            m.AlterColumn<int>(column, "cases", nullable: false, oldNullable: false, oldDefaultValue: 0);
        }

        AddFlag(m, "escalated");
        m.AddColumn<string>("escalation_level", "cases", maxLength: 16, nullable: true);
        m.AddColumn<string>("escalated_to", "cases", maxLength: 15, nullable: true);
        m.AddColumn<string>("escalation_instruction", "cases", maxLength: 2000, nullable: true);
        m.AddColumn<DateTimeOffset>("escalated_at", "cases", nullable: true);
        m.AddColumn<bool>("callback_satisfied", "cases", nullable: true);

        m.AddColumn<bool>("on_time", "case_traces", nullable: true);
        m.AddColumn<int>("trace_sequence", "case_photos", nullable: true);
        // Report photos stored before photos were tied to trace rows belong to the first row.
        m.Sql("UPDATE case_photos SET trace_sequence = 1 WHERE stage = 'report'");

        m.CreateTable("condition_time_limits", t => new
        {
            condition_id = t.Column<Guid>(nullable: false),
            area_class = t.Column<string>(maxLength: 8, nullable: false),
            limit = t.Column<decimal>(precision: 9, scale: 2, nullable: false),
            unit = t.Column<string>(maxLength: 16, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_condition_time_limits", x => new { x.condition_id, x.area_class });
            t.ForeignKey("fk_condition_time_limits_category_conditions_condition_id", x => x.condition_id,
                "category_conditions", "id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("holiday_notices", t => new
        {
            year = t.Column<int>(nullable: false),
            json = t.Column<string>(nullable: false),
            updated_by = t.Column<string>(maxLength: 256, nullable: false),
            updated_at = t.Column<DateTimeOffset>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_holiday_notices", x => x.year));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.DropTable("holiday_notices");
        m.DropTable("condition_time_limits");
        m.DropColumn("trace_sequence", "case_photos");
        m.DropColumn("on_time", "case_traces");
        m.DropIndex("ix_cases_next_deadline", "cases");
        m.DropIndex("ix_cases_light_changes_at", "cases");
        string[] columns =
        [
            "department_key", "caller_name", "caller_phone", "self_handled", "deadline_stage", "deadline_started_at",
            "next_deadline", "yellow_at", "deadline_unit", "light", "light_changes_at", "suspended_at", "pending_request",
            "requested_limit_amount", "requested_limit_unit", .. CountColumns, "escalated", "escalation_level",
            "escalated_to", "escalation_instruction", "escalated_at", "callback_satisfied",
        ];
        foreach (var column in columns)
            m.DropColumn(column, "cases");
    }

    /// <summary>A not-null flag: the default fills existing rows only and is dropped again, as the model has none.</summary>
    private static void AddFlag(MigrationBuilder m, string column)
    {
        m.AddColumn<bool>(column, "cases", nullable: false, defaultValue: false);
        m.AlterColumn<bool>(column, "cases", nullable: false, oldNullable: false, oldDefaultValue: false);
    }
}
