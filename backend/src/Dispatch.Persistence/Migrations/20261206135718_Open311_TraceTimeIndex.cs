using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Open311_TraceTimeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_case_traces_at",
                table: "case_traces",
                column: "at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_case_traces_at",
                table: "case_traces");
        }
    }
}
