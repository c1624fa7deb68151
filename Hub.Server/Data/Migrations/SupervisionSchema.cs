using Microsoft.EntityFrameworkCore.Migrations;

namespace QueueKiosk.HubServer.Data.Migrations;

/// <summary>
/// Supervisor desk tables (Supervision/SupervisionEntities.cs): alerts and the audit of recording
/// views. Hand-written like InitialSchema; shared by both provider migrations.
/// </summary>
internal static class SupervisionSchema
{
    public static void Up(MigrationBuilder m)
    {
        m.CreateTable("Alerts", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            SiteId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            SubjectKey = t.Column<string>(maxLength: 200, nullable: false),
            Subject = t.Column<string>(maxLength: 400, nullable: false),
            Message = t.Column<string>(maxLength: 1000, nullable: false),
            RaisedAt = t.Column<DateTime>(nullable: false),
            ClearedAt = t.Column<DateTime>(nullable: true),
            AcknowledgedAt = t.Column<DateTime>(nullable: true),
            AcknowledgedById = t.Column<Guid>(nullable: true),
            AcknowledgedBy = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Alerts", x => x.Id);
            t.ForeignKey("FK_Alerts_Sites_SiteId", x => x.SiteId, "Sites", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Alerts_SiteId_ClearedAt", "Alerts", ["SiteId", "ClearedAt"]);
        m.CreateIndex("IX_Alerts_Open_Subject", "Alerts", ["SiteId", "Kind", "SubjectKey"], unique: true, filter: "\"ClearedAt\" IS NULL");

        m.CreateTable("RecordingViews", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            SiteId = t.Column<Guid>(nullable: true),
            OfficerId = t.Column<Guid>(nullable: true),
            UserName = t.Column<string>(maxLength: 200, nullable: false),
            CameraId = t.Column<string>(maxLength: 100, nullable: false),
            FileName = t.Column<string>(maxLength: 200, nullable: false),
            SegmentStart = t.Column<DateTime>(nullable: false),
            ViewedAt = t.Column<DateTime>(nullable: false),
            RemoteAddress = t.Column<string>(maxLength: 100, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_RecordingViews", x => x.Id));
        m.CreateIndex("IX_RecordingViews_ViewedAt", "RecordingViews", "ViewedAt");
    }

    public static void Down(MigrationBuilder m)
    {
        m.DropTable("RecordingViews");
        m.DropTable("Alerts");
    }
}
