using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QueueKiosk.HubServer.Data.Migrations.Sqlite;

/// <inheritdoc />
public partial class ProvinceOutbox : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ProvinceOutbox",
            columns: table => new
            {
                Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                At = table.Column<DateTime>(type: "TEXT", nullable: false),
                Payload = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProvinceOutbox", x => x.Sequence);
                table.ForeignKey(
                    name: "FK_ProvinceOutbox_Sites_SiteId",
                    column: x => x.SiteId,
                    principalTable: "Sites",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_ProvinceOutbox_SiteId",
            table: "ProvinceOutbox",
            column: "SiteId");
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "ProvinceOutbox");
    }
}
