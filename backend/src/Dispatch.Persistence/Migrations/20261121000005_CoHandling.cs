using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Persistence.Migrations;

/// <summary>Co-handling (主办/协办): the departments assisting a case's lead department. Hand-written like <see cref="Initial"/>.</summary>
[DbContext(typeof(DispatchDbContext))]
[Migration("20261121000005_CoHandling")]
public sealed class CoHandling : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("case_assists", t => new
        {
            case_id = t.Column<Guid>(nullable: false),
            department_id = t.Column<Guid>(nullable: false),
            department_key = t.Column<string>(maxLength: 64, nullable: false),
            since = t.Column<DateTimeOffset>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_case_assists", x => new { x.case_id, x.department_id });
            t.ForeignKey("fk_case_assists_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("fk_case_assists_departments_department_id", x => x.department_id, "departments", "id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("ix_case_assists_department_id", "case_assists", "department_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("case_assists");
}
