using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace QueueKiosk.HubServer.Data.Migrations.Sqlite;

[DbContext(typeof(SqliteHubDbContext))]
[Migration("20261122010000_Supervision")]
public sealed class SupervisionTables : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SupervisionSchema.Up(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => SupervisionSchema.Down(migrationBuilder);
}
