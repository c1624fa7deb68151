using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QueueKiosk.HubServer.Data.Migrations.Postgres;

/// <inheritdoc />
public partial class TicketTracking : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "TrackingToken",
            table: "Tickets",
            type: "character varying(22)",
            maxLength: 22,
            nullable: true);

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_TrackingToken",
            table: "Tickets",
            column: "TrackingToken",
            unique: true);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(
            name: "IX_Tickets_TrackingToken",
            table: "Tickets");

        migrationBuilder.DropColumn(
            name: "TrackingToken",
            table: "Tickets");
    }
}
