using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dispatch.Persistence.Migrations;

/// <summary>The grid node a command-centre account is scoped to. Hand-written like <see cref="Initial"/>.</summary>
[DbContext(typeof(DispatchDbContext))]
[Migration("20261121000006_AccountGridScope")]
public sealed class AccountGridScope : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("grid_scope", "asp_net_users", maxLength: 15, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn("grid_scope", "asp_net_users");
}
