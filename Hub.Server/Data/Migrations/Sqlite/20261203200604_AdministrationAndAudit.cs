using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QueueKiosk.HubServer.Data.Migrations.Sqlite;

/// <inheritdoc />
public partial class AdministrationAndAudit : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Hand-edited defaults: rows that exist before this migration take the values a new entity has
        // (Active = true, KioskIdleSeconds = 60, the thank-you line), not the CLR defaults EF wrote.
        migrationBuilder.AddColumn<int>(
            name: "KioskIdleSeconds",
            table: "Sites",
            type: "INTEGER",
            nullable: false,
            defaultValue: 60);

        migrationBuilder.AddColumn<byte[]>(
            name: "Logo",
            table: "Sites",
            type: "BLOB",
            maxLength: 262144,
            nullable: true);

        migrationBuilder.AddColumn<string>(
            name: "LogoContentType",
            table: "Sites",
            type: "TEXT",
            maxLength: 40,
            nullable: true);

        migrationBuilder.AddColumn<string>(
            name: "TicketFooter",
            table: "Sites",
            type: "TEXT",
            maxLength: 1000,
            nullable: false,
            defaultValue: "");

        migrationBuilder.AddColumn<string>(
            name: "TicketHeader",
            table: "Sites",
            type: "TEXT",
            maxLength: 400,
            nullable: false,
            defaultValue: "");

        migrationBuilder.AddColumn<string>(
            name: "TicketThankYou",
            table: "Sites",
            type: "TEXT",
            maxLength: 400,
            nullable: false,
            defaultValue: "Xin cảm ơn!");

        migrationBuilder.AddColumn<string>(
            name: "AcceptedPriorities",
            table: "Services",
            type: "TEXT",
            maxLength: 200,
            nullable: false,
            defaultValue: "");

        migrationBuilder.AddColumn<bool>(
            name: "Locked",
            table: "Officers",
            type: "INTEGER",
            nullable: false,
            defaultValue: false);

        migrationBuilder.AddColumn<bool>(
            name: "MustChangePassword",
            table: "Officers",
            type: "INTEGER",
            nullable: false,
            defaultValue: false);

        migrationBuilder.AddColumn<string>(
            name: "SecurityStamp",
            table: "Officers",
            type: "TEXT",
            maxLength: 64,
            nullable: false,
            defaultValue: "");

        migrationBuilder.AddColumn<bool>(
            name: "Active",
            table: "Fields",
            type: "INTEGER",
            nullable: false,
            defaultValue: true);

        migrationBuilder.AddColumn<bool>(
            name: "Active",
            table: "Counters",
            type: "INTEGER",
            nullable: false,
            defaultValue: true);

        migrationBuilder.CreateTable(
            name: "AdminChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                At = table.Column<DateTime>(type: "TEXT", nullable: false),
                ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                ActorName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                Entity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                EntityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                Before = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                After = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AdminChanges", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "CalendarEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                NameEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CalendarEntries", x => x.Id);
                table.ForeignKey(
                    name: "FK_CalendarEntries_Sites_SiteId",
                    column: x => x.SiteId,
                    principalTable: "Sites",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OfficerCounters",
            columns: table => new
            {
                OfficerId = table.Column<Guid>(type: "TEXT", nullable: false),
                CounterId = table.Column<Guid>(type: "TEXT", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OfficerCounters", x => new { x.OfficerId, x.CounterId });
                table.ForeignKey(
                    name: "FK_OfficerCounters_Counters_CounterId",
                    column: x => x.CounterId,
                    principalTable: "Counters",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_OfficerCounters_Officers_OfficerId",
                    column: x => x.OfficerId,
                    principalTable: "Officers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PriorityGroups",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                NameEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                AskAtKiosk = table.Column<bool>(type: "INTEGER", nullable: false),
                Active = table.Column<bool>(type: "INTEGER", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PriorityGroups", x => x.Id);
                table.ForeignKey(
                    name: "FK_PriorityGroups_Sites_SiteId",
                    column: x => x.SiteId,
                    principalTable: "Sites",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AdminChanges_SiteId_At",
            table: "AdminChanges",
            columns: new[] { "SiteId", "At" });

        migrationBuilder.CreateIndex(
            name: "IX_CalendarEntries_SiteId_Date",
            table: "CalendarEntries",
            columns: new[] { "SiteId", "Date" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_OfficerCounters_CounterId",
            table: "OfficerCounters",
            column: "CounterId");

        migrationBuilder.CreateIndex(
            name: "IX_PriorityGroups_SiteId_Category",
            table: "PriorityGroups",
            columns: new[] { "SiteId", "Category" },
            unique: true);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "AdminChanges");

        migrationBuilder.DropTable(
            name: "CalendarEntries");

        migrationBuilder.DropTable(
            name: "OfficerCounters");

        migrationBuilder.DropTable(
            name: "PriorityGroups");

        migrationBuilder.DropColumn(
            name: "KioskIdleSeconds",
            table: "Sites");

        migrationBuilder.DropColumn(
            name: "Logo",
            table: "Sites");

        migrationBuilder.DropColumn(
            name: "LogoContentType",
            table: "Sites");

        migrationBuilder.DropColumn(
            name: "TicketFooter",
            table: "Sites");

        migrationBuilder.DropColumn(
            name: "TicketHeader",
            table: "Sites");

        migrationBuilder.DropColumn(
            name: "TicketThankYou",
            table: "Sites");

        migrationBuilder.DropColumn(
            name: "AcceptedPriorities",
            table: "Services");

        migrationBuilder.DropColumn(
            name: "Locked",
            table: "Officers");

        migrationBuilder.DropColumn(
            name: "MustChangePassword",
            table: "Officers");

        migrationBuilder.DropColumn(
            name: "SecurityStamp",
            table: "Officers");

        migrationBuilder.DropColumn(
            name: "Active",
            table: "Fields");

        migrationBuilder.DropColumn(
            name: "Active",
            table: "Counters");
    }
}
