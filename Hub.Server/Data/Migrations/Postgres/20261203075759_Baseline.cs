using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QueueKiosk.HubServer.Data.Migrations.Postgres;

/// <inheritdoc />
public partial class Baseline : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Dossiers",
            columns: table => new
            {
                Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                ApplicantName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                ProcedureName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                State = table.Column<int>(type: "integer", nullable: false),
                ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                Note = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Dossiers", x => x.Code);
            });

        migrationBuilder.CreateTable(
            name: "Ratings",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                CounterId = table.Column<Guid>(type: "uuid", nullable: true),
                OfficerId = table.Column<Guid>(type: "uuid", nullable: true),
                Score = table.Column<int>(type: "integer", nullable: false),
                Reason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Ratings", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "RecordingViews",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: true),
                OfficerId = table.Column<Guid>(type: "uuid", nullable: true),
                UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                CameraId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                SegmentStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                ViewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                RemoteAddress = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RecordingViews", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Sites",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                Code = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                Address = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                TimeZone = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                OpeningHours = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                LastSequence = table.Column<long>(type: "bigint", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Sites", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "TicketEvents",
            columns: table => new
            {
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                Sequence = table.Column<long>(type: "bigint", nullable: false),
                TicketId = table.Column<Guid>(type: "uuid", nullable: true),
                CounterId = table.Column<Guid>(type: "uuid", nullable: true),
                OfficerId = table.Column<Guid>(type: "uuid", nullable: true),
                Kind = table.Column<int>(type: "integer", nullable: false),
                At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TicketEvents", x => new { x.SiteId, x.Sequence });
            });

        migrationBuilder.CreateTable(
            name: "Alerts",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                SubjectKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                Subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                ClearedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                AcknowledgedById = table.Column<Guid>(type: "uuid", nullable: true),
                AcknowledgedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Alerts", x => x.Id);
                table.ForeignKey(
                    name: "FK_Alerts_Sites_SiteId",
                    column: x => x.SiteId,
                    principalTable: "Sites",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Counters",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                Number = table.Column<int>(type: "integer", nullable: false),
                Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                State = table.Column<int>(type: "integer", nullable: false),
                PauseReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                CurrentTicketId = table.Column<Guid>(type: "uuid", nullable: true),
                LedAddress = table.Column<int>(type: "integer", nullable: true),
                CameraId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                OfficerId = table.Column<Guid>(type: "uuid", nullable: true),
                StateChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Counters", x => x.Id);
                table.ForeignKey(
                    name: "FK_Counters_Sites_SiteId",
                    column: x => x.SiteId,
                    principalTable: "Sites",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Devices",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                Kind = table.Column<int>(type: "integer", nullable: false),
                Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                KeyHash = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                Status = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                LastSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                Active = table.Column<bool>(type: "boolean", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Devices", x => x.Id);
                table.ForeignKey(
                    name: "FK_Devices_Sites_SiteId",
                    column: x => x.SiteId,
                    principalTable: "Sites",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Fields",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                Code = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                NameEn = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                SortOrder = table.Column<int>(type: "integer", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Fields", x => x.Id);
                table.ForeignKey(
                    name: "FK_Fields_Sites_SiteId",
                    column: x => x.SiteId,
                    principalTable: "Sites",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Officers",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                UserName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                DisplayName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                Role = table.Column<int>(type: "integer", nullable: false),
                PasswordHash = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                FailedLogins = table.Column<int>(type: "integer", nullable: false),
                LockedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                Active = table.Column<bool>(type: "boolean", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Officers", x => x.Id);
                table.ForeignKey(
                    name: "FK_Officers_Sites_SiteId",
                    column: x => x.SiteId,
                    principalTable: "Sites",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Services",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                Code = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                NameEn = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                Prefix = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                Digits = table.Column<int>(type: "integer", nullable: false),
                RangeStart = table.Column<int>(type: "integer", nullable: false),
                RangeEnd = table.Column<int>(type: "integer", nullable: false),
                WaitTargetMinutes = table.Column<int>(type: "integer", nullable: false),
                MaxWaitMinutes = table.Column<int>(type: "integer", nullable: false),
                DefaultServiceSeconds = table.Column<int>(type: "integer", nullable: false),
                SortOrder = table.Column<int>(type: "integer", nullable: false),
                Active = table.Column<bool>(type: "boolean", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Services", x => x.Id);
                table.ForeignKey(
                    name: "FK_Services_Sites_SiteId",
                    column: x => x.SiteId,
                    principalTable: "Sites",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CounterServices",
            columns: table => new
            {
                CounterId = table.Column<Guid>(type: "uuid", nullable: false),
                ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                Order = table.Column<int>(type: "integer", nullable: false),
                Weight = table.Column<int>(type: "integer", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CounterServices", x => new { x.CounterId, x.ServiceId });
                table.ForeignKey(
                    name: "FK_CounterServices_Counters_CounterId",
                    column: x => x.CounterId,
                    principalTable: "Counters",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_CounterServices_Services_ServiceId",
                    column: x => x.ServiceId,
                    principalTable: "Services",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Procedures",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                FieldId = table.Column<Guid>(type: "uuid", nullable: false),
                ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                Code = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                Level = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                Agency = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                ProcessingTime = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                Fees = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                DocumentsJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                LegalBasis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                SortOrder = table.Column<int>(type: "integer", nullable: false),
                Active = table.Column<bool>(type: "boolean", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Procedures", x => x.Id);
                table.ForeignKey(
                    name: "FK_Procedures_Fields_FieldId",
                    column: x => x.FieldId,
                    principalTable: "Fields",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Procedures_Services_ServiceId",
                    column: x => x.ServiceId,
                    principalTable: "Services",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_Procedures_Sites_SiteId",
                    column: x => x.SiteId,
                    principalTable: "Sites",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Tickets",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "uuid", nullable: false),
                SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                NumberServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                ProcedureId = table.Column<Guid>(type: "uuid", nullable: true),
                LocalDay = table.Column<DateOnly>(type: "date", nullable: false),
                NumberValue = table.Column<int>(type: "integer", nullable: false),
                Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                Status = table.Column<int>(type: "integer", nullable: false),
                Priority = table.Column<int>(type: "integer", nullable: false),
                Channel = table.Column<int>(type: "integer", nullable: false),
                CounterId = table.Column<Guid>(type: "uuid", nullable: true),
                TargetCounterId = table.Column<Guid>(type: "uuid", nullable: true),
                IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                IssuedMs = table.Column<long>(type: "bigint", nullable: false),
                CalledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                ServiceStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                RecallCount = table.Column<int>(type: "integer", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Tickets", x => x.Id);
                table.ForeignKey(
                    name: "FK_Tickets_Services_ServiceId",
                    column: x => x.ServiceId,
                    principalTable: "Services",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_Tickets_Sites_SiteId",
                    column: x => x.SiteId,
                    principalTable: "Sites",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Alerts_Open_Subject",
            table: "Alerts",
            columns: new[] { "SiteId", "Kind", "SubjectKey" },
            unique: true,
            filter: "\"ClearedAt\" IS NULL");

        migrationBuilder.CreateIndex(
            name: "IX_Alerts_SiteId_ClearedAt",
            table: "Alerts",
            columns: new[] { "SiteId", "ClearedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Counters_SiteId_Number",
            table: "Counters",
            columns: new[] { "SiteId", "Number" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_CounterServices_ServiceId",
            table: "CounterServices",
            column: "ServiceId");

        migrationBuilder.CreateIndex(
            name: "IX_Devices_KeyHash",
            table: "Devices",
            column: "KeyHash",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Devices_SiteId",
            table: "Devices",
            column: "SiteId");

        migrationBuilder.CreateIndex(
            name: "IX_Fields_SiteId_Code",
            table: "Fields",
            columns: new[] { "SiteId", "Code" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Officers_SiteId",
            table: "Officers",
            column: "SiteId");

        migrationBuilder.CreateIndex(
            name: "IX_Officers_UserName",
            table: "Officers",
            column: "UserName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Procedures_FieldId",
            table: "Procedures",
            column: "FieldId");

        migrationBuilder.CreateIndex(
            name: "IX_Procedures_ServiceId",
            table: "Procedures",
            column: "ServiceId");

        migrationBuilder.CreateIndex(
            name: "IX_Procedures_SiteId_Code",
            table: "Procedures",
            columns: new[] { "SiteId", "Code" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Ratings_TicketId",
            table: "Ratings",
            column: "TicketId");

        migrationBuilder.CreateIndex(
            name: "IX_RecordingViews_ViewedAt",
            table: "RecordingViews",
            column: "ViewedAt");

        migrationBuilder.CreateIndex(
            name: "IX_Services_SiteId_Code",
            table: "Services",
            columns: new[] { "SiteId", "Code" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Sites_Code",
            table: "Sites",
            column: "Code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_TicketEvents_TicketId",
            table: "TicketEvents",
            column: "TicketId");

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_ServiceId",
            table: "Tickets",
            column: "ServiceId");

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_SiteId_NumberServiceId_LocalDay_NumberValue",
            table: "Tickets",
            columns: new[] { "SiteId", "NumberServiceId", "LocalDay", "NumberValue" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_SiteId_Status_ServiceId_IssuedMs",
            table: "Tickets",
            columns: new[] { "SiteId", "Status", "ServiceId", "IssuedMs" });
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "Alerts");

        migrationBuilder.DropTable(
            name: "CounterServices");

        migrationBuilder.DropTable(
            name: "Devices");

        migrationBuilder.DropTable(
            name: "Dossiers");

        migrationBuilder.DropTable(
            name: "Officers");

        migrationBuilder.DropTable(
            name: "Procedures");

        migrationBuilder.DropTable(
            name: "Ratings");

        migrationBuilder.DropTable(
            name: "RecordingViews");

        migrationBuilder.DropTable(
            name: "TicketEvents");

        migrationBuilder.DropTable(
            name: "Tickets");

        migrationBuilder.DropTable(
            name: "Counters");

        migrationBuilder.DropTable(
            name: "Fields");

        migrationBuilder.DropTable(
            name: "Services");

        migrationBuilder.DropTable(
            name: "Sites");
    }
}
