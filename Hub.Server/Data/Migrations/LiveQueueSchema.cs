using Microsoft.EntityFrameworkCore.Migrations;

namespace QueueKiosk.HubServer.Data.Migrations;

/// <summary>
/// The live queue (Queue/LiveQueue.cs) numbers tickets from the highest stored one of the service
/// and day, so the per-day counter table of the first engine is no longer used. Shared by both
/// provider migrations.
/// </summary>
internal static class LiveQueueSchema
{
    public static void Up(MigrationBuilder m) => m.DropTable("ServiceDayCounters");

    public static void Down(MigrationBuilder m) =>
        m.CreateTable("ServiceDayCounters", t => new
        {
            SiteId = t.Column<Guid>(nullable: false),
            ServiceId = t.Column<Guid>(nullable: false),
            LocalDay = t.Column<DateOnly>(nullable: false),
            LastNumber = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ServiceDayCounters", x => new { x.SiteId, x.ServiceId, x.LocalDay }));
}
