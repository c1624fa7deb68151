using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace QueueKiosk.HubServer.Data.Migrations.Postgres;

[DbContext(typeof(PostgresHubDbContext))]
[Migration("20261122020000_LiveQueue")]
public sealed class LiveQueueNumbering : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => LiveQueueSchema.Up(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => LiveQueueSchema.Down(migrationBuilder);
}
