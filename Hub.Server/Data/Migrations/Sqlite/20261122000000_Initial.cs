using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace QueueKiosk.HubServer.Data.Migrations.Sqlite;

[DbContext(typeof(SqliteHubDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => InitialSchema.Up(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => InitialSchema.Down(migrationBuilder);
}
