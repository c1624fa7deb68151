using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QueueKiosk.HubServer.Data.Migrations.Postgres;

/// <inheritdoc />
public partial class Appointments : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(
            name: "AppointmentAtMs",
            table: "Tickets",
            type: "bigint",
            nullable: true);

        migrationBuilder.AddColumn<string>(
            name: "CitizenIdHash",
            table: "Tickets",
            type: "character varying(64)",
            maxLength: 64,
            nullable: true);

        migrationBuilder.AddColumn<string>(
            name: "CitizenIdSalt",
            table: "Sites",
            type: "character varying(64)",
            maxLength: 64,
            nullable: false,
            defaultValue: "");

        // Existing sites get their secret salt for chip ID card hashes here (Citizens/CitizenIdHash);
        // new sites get one at creation. gen_random_uuid (built in since PostgreSQL 13) draws from the strong random source; two of them give 64 hex digits, 244 random bits.
        migrationBuilder.Sql("""
            UPDATE "Sites" SET "CitizenIdSalt" = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') WHERE "CitizenIdSalt" = '';
            """);

        migrationBuilder.AddColumn<string>(
            name: "CitizenIdHash",
            table: "Dossiers",
            type: "character varying(64)",
            maxLength: 64,
            nullable: true);

        migrationBuilder.CreateTable(
            name: "Bookings",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                ProcedureId = table.Column<Guid>(type: "uuid", nullable: true),
                Day = table.Column<DateOnly>(type: "date", nullable: false),
                SlotStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                Place = table.Column<int>(type: "integer", nullable: true),
                Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                Phone = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                TicketId = table.Column<Guid>(type: "uuid", nullable: true),
                LateCheckIn = table.Column<bool>(type: "boolean", nullable: false),
                CitizenIdHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                CheckedInAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Bookings", x => x.Id);
                table.ForeignKey(
                    name: "FK_Bookings_Services_ServiceId",
                    column: x => x.ServiceId,
                    principalTable: "Services",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Bookings_Sites_SiteId",
                    column: x => x.SiteId,
                    principalTable: "Sites",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "BookingSettings",
            columns: table => new
            {
                ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                Enabled = table.Column<bool>(type: "boolean", nullable: false),
                Days = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                SlotTimes = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                SlotMinutes = table.Column<int>(type: "integer", nullable: false),
                PlacesPerSlot = table.Column<int>(type: "integer", nullable: false),
                CheckInBeforeMinutes = table.Column<int>(type: "integer", nullable: false),
                CheckInAfterMinutes = table.Column<int>(type: "integer", nullable: false),
                DaysAhead = table.Column<int>(type: "integer", nullable: false),
                RemoteTicketsAllowed = table.Column<bool>(type: "boolean", nullable: false),
                RemoteDailyLimitPerPhone = table.Column<int>(type: "integer", nullable: false),
                ServingRule = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BookingSettings", x => x.ServiceId);
                table.ForeignKey(
                    name: "FK_BookingSettings_Services_ServiceId",
                    column: x => x.ServiceId,
                    principalTable: "Services",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_BookingSettings_Sites_SiteId",
                    column: x => x.SiteId,
                    principalTable: "Sites",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RemoteTickets",
            columns: table => new
            {
                TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                Day = table.Column<DateOnly>(type: "date", nullable: false),
                Phone = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RemoteTickets", x => x.TicketId);
                table.ForeignKey(
                    name: "FK_RemoteTickets_Sites_SiteId",
                    column: x => x.SiteId,
                    principalTable: "Sites",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Dossiers_CitizenIdHash",
            table: "Dossiers",
            column: "CitizenIdHash");

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_CitizenIdHash",
            table: "Bookings",
            column: "CitizenIdHash");

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_Code",
            table: "Bookings",
            column: "Code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_ServiceId_Day_SlotStart_Place",
            table: "Bookings",
            columns: new[] { "ServiceId", "Day", "SlotStart", "Place" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Bookings_SiteId_Day",
            table: "Bookings",
            columns: new[] { "SiteId", "Day" });

        migrationBuilder.CreateIndex(
            name: "IX_BookingSettings_SiteId",
            table: "BookingSettings",
            column: "SiteId");

        migrationBuilder.CreateIndex(
            name: "IX_RemoteTickets_SiteId_Day_Phone",
            table: "RemoteTickets",
            columns: new[] { "SiteId", "Day", "Phone" });
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "Bookings");

        migrationBuilder.DropTable(
            name: "BookingSettings");

        migrationBuilder.DropTable(
            name: "RemoteTickets");

        migrationBuilder.DropIndex(
            name: "IX_Dossiers_CitizenIdHash",
            table: "Dossiers");

        migrationBuilder.DropColumn(
            name: "AppointmentAtMs",
            table: "Tickets");

        migrationBuilder.DropColumn(
            name: "CitizenIdHash",
            table: "Tickets");

        migrationBuilder.DropColumn(
            name: "CitizenIdSalt",
            table: "Sites");

        migrationBuilder.DropColumn(
            name: "CitizenIdHash",
            table: "Dossiers");
    }
}
