using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QueueKiosk.HubServer.Data.Migrations.Province;

/// <inheritdoc />
public partial class ProvinceTier : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.EnsureSchema(
            name: "province");

        migrationBuilder.CreateTable(
            name: "Alerts",
            schema: "province",
            columns: table => new
            {
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                AlertId = table.Column<Guid>(type: "uuid", nullable: false),
                Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                Subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                ClearedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Alerts", x => new { x.SiteId, x.AlertId });
            });

        migrationBuilder.CreateTable(
            name: "Devices",
            schema: "province",
            columns: table => new
            {
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                DeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                Status = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                LastSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Devices", x => new { x.SiteId, x.DeviceId });
            });

        migrationBuilder.CreateTable(
            name: "Ratings",
            schema: "province",
            columns: table => new
            {
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                RatingId = table.Column<Guid>(type: "uuid", nullable: false),
                TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                Score = table.Column<int>(type: "integer", nullable: true),
                CounterName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                OfficerName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Ratings", x => new { x.SiteId, x.RatingId });
            });

        migrationBuilder.CreateTable(
            name: "Sites",
            schema: "province",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                DashboardUrl = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                KeyIssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                KeyRevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                LastSequence = table.Column<long>(type: "bigint", nullable: false),
                LastReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Sites", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Tickets",
            schema: "province",
            columns: table => new
            {
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                Number = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                ServiceName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                FieldName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                CounterName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                OfficerName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                CalledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                WaitTargetMinutes = table.Column<int>(type: "integer", nullable: false),
                Transferred = table.Column<bool>(type: "boolean", nullable: false),
                Sequence = table.Column<long>(type: "bigint", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Tickets", x => new { x.SiteId, x.TicketId });
            });

        migrationBuilder.CreateTable(
            name: "UserSites",
            schema: "province",
            columns: table => new
            {
                OfficerId = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UserSites", x => new { x.OfficerId, x.SiteId });
            });

        migrationBuilder.CreateTable(
            name: "Events",
            schema: "province",
            columns: table => new
            {
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                Sequence = table.Column<long>(type: "bigint", nullable: false),
                Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                Payload = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Events", x => new { x.SiteId, x.Sequence });
                table.ForeignKey(
                    name: "FK_Events_Sites_SiteId",
                    column: x => x.SiteId,
                    principalSchema: "province",
                    principalTable: "Sites",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Alerts_SiteId_ClearedAt",
            schema: "province",
            table: "Alerts",
            columns: new[] { "SiteId", "ClearedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Ratings_At",
            schema: "province",
            table: "Ratings",
            column: "At");

        migrationBuilder.CreateIndex(
            name: "IX_Sites_KeyHash",
            schema: "province",
            table: "Sites",
            column: "KeyHash",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_IssuedAt",
            schema: "province",
            table: "Tickets",
            column: "IssuedAt");

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_SiteId_Status",
            schema: "province",
            table: "Tickets",
            columns: new[] { "SiteId", "Status" });
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "Alerts",
            schema: "province");

        migrationBuilder.DropTable(
            name: "Devices",
            schema: "province");

        migrationBuilder.DropTable(
            name: "Events",
            schema: "province");

        migrationBuilder.DropTable(
            name: "Ratings",
            schema: "province");

        migrationBuilder.DropTable(
            name: "Tickets",
            schema: "province");

        migrationBuilder.DropTable(
            name: "UserSites",
            schema: "province");

        migrationBuilder.DropTable(
            name: "Sites",
            schema: "province");
    }
}
