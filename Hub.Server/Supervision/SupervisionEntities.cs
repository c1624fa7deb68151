using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>
/// Something a supervisor should look at. SubjectKey identifies what it is about (a device, a
/// service, a counter, a camera) so the same cause never raises a second open alert.
/// </summary>
public sealed class Alert
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public AlertKind Kind { get; set; }

    public string SubjectKey { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Message { get; set; } = "";

    public DateTime RaisedAt { get; set; }

    public DateTime? ClearedAt { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    public Guid? AcknowledgedById { get; set; }

    public string? AcknowledgedBy { get; set; }

    public bool IsOpen => ClearedAt is null;

    public AlertDto ToDto()
    {
        var (vi, en) = AlertText.Decode(Message);
        return new(Id, SiteId, Kind, Subject, vi, Utc(RaisedAt), Utc(ClearedAt), Utc(AcknowledgedAt), AcknowledgedBy, vi, en);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}

/// <summary>Audit: who opened which recording segment, when. Append-only.</summary>
public sealed class RecordingView
{
    public Guid Id { get; set; }

    public Guid? SiteId { get; set; }

    public Guid? OfficerId { get; set; }

    public string UserName { get; set; } = "";

    public string CameraId { get; set; } = "";

    public string FileName { get; set; } = "";

    public DateTime SegmentStart { get; set; }

    public DateTime ViewedAt { get; set; }

    public string? RemoteAddress { get; set; }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.ToTable("Alerts");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.SubjectKey).HasMaxLength(200);
        b.Property(x => x.Message).HasMaxLength(1000);
        b.Property(x => x.AcknowledgedBy).HasMaxLength(200);
        b.Ignore(x => x.IsOpen);
        // The dashboard lists a site's open or unacknowledged alerts; raising looks up the open one by subject.
        b.HasIndex(x => new { x.SiteId, x.ClearedAt });
        // At most one open alert per cause, enforced by the database (two heartbeats at once on PostgreSQL, where no write gate serializes them).
        b.HasIndex(x => new { x.SiteId, x.Kind, x.SubjectKey }).IsUnique().HasFilter("\"ClearedAt\" IS NULL").HasDatabaseName("IX_Alerts_Open_Subject");
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId);
    }
}

internal sealed class RecordingViewConfiguration : IEntityTypeConfiguration<RecordingView>
{
    public void Configure(EntityTypeBuilder<RecordingView> b)
    {
        b.ToTable("RecordingViews");
        b.Property(x => x.UserName).HasMaxLength(200);
        b.Property(x => x.CameraId).HasMaxLength(100);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.RemoteAddress).HasMaxLength(100);
        b.HasIndex(x => x.ViewedAt);
    }
}
