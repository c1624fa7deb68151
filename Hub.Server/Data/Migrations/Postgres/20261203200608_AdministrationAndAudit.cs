using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QueueKiosk.HubServer.Data.Migrations.Postgres;

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
            type: "integer",
            nullable: false,
            defaultValue: 60);

        migrationBuilder.AddColumn<byte[]>(
            name: "Logo",
            table: "Sites",
            type: "bytea",
            maxLength: 262144,
            nullable: true);

        migrationBuilder.AddColumn<string>(
            name: "LogoContentType",
            table: "Sites",
            type: "character varying(40)",
            maxLength: 40,
            nullable: true);

        migrationBuilder.AddColumn<string>(
            name: "TicketFooter",
            table: "Sites",
            type: "character varying(1000)",
            maxLength: 1000,
            nullable: false,
            defaultValue: "");

        migrationBuilder.AddColumn<string>(
            name: "TicketHeader",
            table: "Sites",
            type: "character varying(400)",
            maxLength: 400,
            nullable: false,
            defaultValue: "");

        migrationBuilder.AddColumn<string>(
            name: "TicketThankYou",
            table: "Sites",
            type: "character varying(400)",
            maxLength: 400,
            nullable: false,
            defaultValue: "Xin cảm ơn!");

        migrationBuilder.AddColumn<string>(
            name: "AcceptedPriorities",
            table: "Services",
            type: "character varying(200)",
            maxLength: 200,
            nullable: false,
            defaultValue: "");

        migrationBuilder.AddColumn<bool>(
            name: "Locked",
            table: "Officers",
            type: "boolean",
            nullable: false,
            defaultValue: false);

        migrationBuilder.AddColumn<bool>(
            name: "MustChangePassword",
            table: "Officers",
            type: "boolean",
            nullable: false,
            defaultValue: false);

        migrationBuilder.AddColumn<string>(
            name: "SecurityStamp",
            table: "Officers",
            type: "character varying(64)",
            maxLength: 64,
            nullable: false,
            defaultValue: "");

        migrationBuilder.AddColumn<bool>(
            name: "Active",
            table: "Fields",
            type: "boolean",
            nullable: false,
            defaultValue: true);

        migrationBuilder.AddColumn<bool>(
            name: "Active",
            table: "Counters",
            type: "boolean",
            nullable: false,
            defaultValue: true);

        migrationBuilder.CreateTable(
            name: "AdminChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                ActorName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                Entity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                EntityId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                Before = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: true),
                After = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AdminChanges", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "CalendarEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                Date = table.Column<DateOnly>(type: "date", nullable: false),
                Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                NameEn = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
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
                OfficerId = table.Column<Guid>(type: "uuid", nullable: false),
                CounterId = table.Column<Guid>(type: "uuid", nullable: false)
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
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                NameEn = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                SortOrder = table.Column<int>(type: "integer", nullable: false),
                AskAtKiosk = table.Column<bool>(type: "boolean", nullable: false),
                Active = table.Column<bool>(type: "boolean", nullable: false)
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
