using Microsoft.EntityFrameworkCore.Migrations;

namespace QueueKiosk.HubServer.Data.Migrations;

/// <summary>
/// The first schema, written by hand (the EF design-time tools are not available here). Column
/// types are left to each provider's type mapping from the CLR type (Guid -> TEXT on SQLite,
/// uuid on PostgreSQL...), so the same table list serves both provider migrations. Later
/// migrations that differ per provider go in their own provider folder.
/// </summary>
internal static class InitialSchema
{
    public static void Up(MigrationBuilder m)
    {
        m.CreateTable("Sites", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Code = t.Column<string>(maxLength: 400, nullable: false),
            Name = t.Column<string>(maxLength: 400, nullable: false),
            Address = t.Column<string>(maxLength: 400, nullable: false),
            TimeZone = t.Column<string>(maxLength: 400, nullable: false),
            OpeningHours = t.Column<string>(maxLength: 1000, nullable: false),
            LastSequence = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Sites", x => x.Id));
        m.CreateIndex("IX_Sites_Code", "Sites", "Code", unique: true);

        m.CreateTable("Services", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            SiteId = t.Column<Guid>(nullable: false),
            Code = t.Column<string>(maxLength: 400, nullable: false),
            Name = t.Column<string>(maxLength: 400, nullable: false),
            NameEn = t.Column<string>(maxLength: 400, nullable: true),
            Prefix = t.Column<string>(maxLength: 8, nullable: false),
            Digits = t.Column<int>(nullable: false),
            RangeStart = t.Column<int>(nullable: false),
            RangeEnd = t.Column<int>(nullable: false),
            WaitTargetMinutes = t.Column<int>(nullable: false),
            MaxWaitMinutes = t.Column<int>(nullable: false),
            DefaultServiceSeconds = t.Column<int>(nullable: false),
            SortOrder = t.Column<int>(nullable: false),
            Active = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Services", x => x.Id);
            t.ForeignKey("FK_Services_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Services_SiteId_Code", "Services", ["SiteId", "Code"], unique: true);

        m.CreateTable("Fields", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            SiteId = t.Column<Guid>(nullable: false),
            Code = t.Column<string>(maxLength: 400, nullable: false),
            Name = t.Column<string>(maxLength: 400, nullable: false),
            NameEn = t.Column<string>(maxLength: 400, nullable: true),
            SortOrder = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Fields", x => x.Id);
            t.ForeignKey("FK_Fields_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Fields_SiteId_Code", "Fields", ["SiteId", "Code"], unique: true);

        m.CreateTable("Procedures", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            SiteId = t.Column<Guid>(nullable: false),
            FieldId = t.Column<Guid>(nullable: false),
            ServiceId = t.Column<Guid>(nullable: true),
            Code = t.Column<string>(maxLength: 400, nullable: false),
            Name = t.Column<string>(maxLength: 400, nullable: false),
            Level = t.Column<string>(maxLength: 400, nullable: false),
            Agency = t.Column<string>(maxLength: 400, nullable: false),
            ProcessingTime = t.Column<string>(maxLength: 400, nullable: false),
            Fees = t.Column<string>(maxLength: 400, nullable: false),
            DocumentsJson = t.Column<string>(maxLength: 8000, nullable: false),
            LegalBasis = t.Column<string>(maxLength: 2000, nullable: false),
            SortOrder = t.Column<int>(nullable: false),
            Active = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Procedures", x => x.Id);
            t.ForeignKey("FK_Procedures_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Procedures_Fields_FieldId", x => x.FieldId, "Fields", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Procedures_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.SetNull);
        });
        m.CreateIndex("IX_Procedures_SiteId_Code", "Procedures", ["SiteId", "Code"], unique: true);
        m.CreateIndex("IX_Procedures_FieldId", "Procedures", "FieldId");
        m.CreateIndex("IX_Procedures_ServiceId", "Procedures", "ServiceId");

        m.CreateTable("ServiceDayCounters", t => new
        {
            SiteId = t.Column<Guid>(nullable: false),
            ServiceId = t.Column<Guid>(nullable: false),
            LocalDay = t.Column<DateOnly>(nullable: false),
            LastNumber = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ServiceDayCounters", x => new { x.SiteId, x.ServiceId, x.LocalDay }));

        m.CreateTable("Counters", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            SiteId = t.Column<Guid>(nullable: false),
            Number = t.Column<int>(nullable: false),
            Name = t.Column<string>(maxLength: 400, nullable: false),
            State = t.Column<int>(nullable: false),
            PauseReason = t.Column<string>(maxLength: 400, nullable: true),
            CurrentTicketId = t.Column<Guid>(nullable: true),
            LedAddress = t.Column<int>(nullable: true),
            CameraId = t.Column<string>(maxLength: 400, nullable: true),
            OfficerId = t.Column<Guid>(nullable: true),
            StateChangedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Counters", x => x.Id);
            t.ForeignKey("FK_Counters_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Counters_SiteId_Number", "Counters", ["SiteId", "Number"], unique: true);

        m.CreateTable("CounterServices", t => new
        {
            CounterId = t.Column<Guid>(nullable: false),
            ServiceId = t.Column<Guid>(nullable: false),
            Order = t.Column<int>(nullable: false),
            Weight = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_CounterServices", x => new { x.CounterId, x.ServiceId });
            t.ForeignKey("FK_CounterServices_Counters_CounterId", x => x.CounterId, "Counters", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_CounterServices_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_CounterServices_ServiceId", "CounterServices", "ServiceId");

        m.CreateTable("Officers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            SiteId = t.Column<Guid>(nullable: false),
            UserName = t.Column<string>(maxLength: 400, nullable: false),
            DisplayName = t.Column<string>(maxLength: 400, nullable: false),
            Role = t.Column<int>(nullable: false),
            PasswordHash = t.Column<string>(maxLength: 400, nullable: false),
            FailedLogins = t.Column<int>(nullable: false),
            LockedUntil = t.Column<DateTime>(nullable: true),
            Active = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Officers", x => x.Id);
            t.ForeignKey("FK_Officers_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Officers_UserName", "Officers", "UserName", unique: true);
        m.CreateIndex("IX_Officers_SiteId", "Officers", "SiteId");

        m.CreateTable("Devices", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            SiteId = t.Column<Guid>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            Name = t.Column<string>(maxLength: 400, nullable: false),
            KeyHash = t.Column<string>(maxLength: 400, nullable: false),
            Status = t.Column<string>(maxLength: 400, nullable: true),
            LastSeenAt = t.Column<DateTime>(nullable: true),
            Active = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Devices", x => x.Id);
            t.ForeignKey("FK_Devices_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Devices_KeyHash", "Devices", "KeyHash", unique: true);
        m.CreateIndex("IX_Devices_SiteId", "Devices", "SiteId");

        m.CreateTable("Tickets", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            SiteId = t.Column<Guid>(nullable: false),
            ServiceId = t.Column<Guid>(nullable: false),
            NumberServiceId = t.Column<Guid>(nullable: false),
            ProcedureId = t.Column<Guid>(nullable: true),
            LocalDay = t.Column<DateOnly>(nullable: false),
            NumberValue = t.Column<int>(nullable: false),
            Number = t.Column<string>(maxLength: 16, nullable: false),
            Status = t.Column<int>(nullable: false),
            Priority = t.Column<int>(nullable: false),
            Channel = t.Column<int>(nullable: false),
            CounterId = t.Column<Guid>(nullable: true),
            TargetCounterId = t.Column<Guid>(nullable: true),
            IssuedAt = t.Column<DateTime>(nullable: false),
            IssuedMs = t.Column<long>(nullable: false),
            CalledAt = t.Column<DateTime>(nullable: true),
            ServiceStartedAt = t.Column<DateTime>(nullable: true),
            FinishedAt = t.Column<DateTime>(nullable: true),
            RecallCount = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Tickets", x => x.Id);
            t.ForeignKey("FK_Tickets_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Tickets_Services_ServiceId", x => x.ServiceId, "Services", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Tickets_SiteId_NumberServiceId_LocalDay_NumberValue", "Tickets",
            ["SiteId", "NumberServiceId", "LocalDay", "NumberValue"], unique: true);
        m.CreateIndex("IX_Tickets_SiteId_Status_ServiceId_IssuedMs", "Tickets", ["SiteId", "Status", "ServiceId", "IssuedMs"]);
        m.CreateIndex("IX_Tickets_ServiceId", "Tickets", "ServiceId");

        m.CreateTable("TicketEvents", t => new
        {
            SiteId = t.Column<Guid>(nullable: false),
            Sequence = t.Column<long>(nullable: false),
            TicketId = t.Column<Guid>(nullable: true),
            CounterId = t.Column<Guid>(nullable: true),
            OfficerId = t.Column<Guid>(nullable: true),
            Kind = t.Column<int>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            Detail = t.Column<string>(maxLength: 1000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_TicketEvents", x => new { x.SiteId, x.Sequence }));
        m.CreateIndex("IX_TicketEvents_TicketId", "TicketEvents", "TicketId");

        m.CreateTable("Ratings", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            SiteId = t.Column<Guid>(nullable: false),
            TicketId = t.Column<Guid>(nullable: false),
            CounterId = t.Column<Guid>(nullable: true),
            OfficerId = t.Column<Guid>(nullable: true),
            Score = t.Column<int>(nullable: false),
            Reason = t.Column<string>(maxLength: 400, nullable: true),
            At = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Ratings", x => x.Id));
        m.CreateIndex("IX_Ratings_TicketId", "Ratings", "TicketId");

        m.CreateTable("Dossiers", t => new
        {
            Code = t.Column<string>(maxLength: 40, nullable: false),
            SiteId = t.Column<Guid>(nullable: false),
            ApplicantName = t.Column<string>(maxLength: 400, nullable: false),
            ProcedureName = t.Column<string>(maxLength: 400, nullable: false),
            State = t.Column<int>(nullable: false),
            ReceivedOn = t.Column<DateOnly>(nullable: false),
            DueOn = t.Column<DateOnly>(nullable: false),
            CompletedOn = t.Column<DateOnly>(nullable: true),
            Note = t.Column<string>(maxLength: 400, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Dossiers", x => x.Code));
    }

    public static void Down(MigrationBuilder m)
    {
        foreach (var table in new[]
        {
            "Dossiers", "Ratings", "TicketEvents", "Tickets", "Devices", "Officers", "CounterServices", "Counters",
            "ServiceDayCounters", "Procedures", "Fields", "Services", "Sites",
        })
        {
            m.DropTable(table);
        }
    }
}
