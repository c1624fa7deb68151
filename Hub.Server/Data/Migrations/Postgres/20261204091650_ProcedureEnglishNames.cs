using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QueueKiosk.HubServer.Data.Migrations.Postgres;

/// <inheritdoc />
public partial class ProcedureEnglishNames : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "NameEn",
            table: "Procedures",
            type: "character varying(400)",
            maxLength: 400,
            nullable: true);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(
            name: "NameEn",
            table: "Procedures");
    }
}
