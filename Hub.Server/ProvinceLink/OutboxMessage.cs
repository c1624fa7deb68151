using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.ProvinceLink;

/// <summary>
/// One fact the site owes the province (docs/province.md): a ticket event, a rating, a device status
/// change or an alert change, written in the same transaction as the fact itself. Sequence numbers
/// are contiguous and in commit order (<see cref="ProvinceOutbox"/>), so the province can tell a gap
/// from a duplicate. Rows are deleted once the province has acknowledged them.
/// </summary>
public sealed class OutboxMessage
{
    public long Sequence { get; set; }

    public Guid SiteId { get; set; }

    /// <summary>ticket, rating, device or alert (<see cref="OutboxKinds"/>).</summary>
    public string Kind { get; set; } = "";

    public DateTime At { get; set; }

    /// <summary>The fact as JSON (<see cref="ProvinceContracts"/>'s payload records).</summary>
    public string Payload { get; set; } = "";
}

public static class OutboxKinds
{
    public const string Ticket = "ticket";
    public const string Rating = "rating";
    public const string Device = "device";
    public const string Alert = "alert";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Ticket, Rating, Device, Alert };
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public const int MaxPayload = 4000;

    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("ProvinceOutbox");
        b.HasKey(x => x.Sequence);
        // Numbered by ProvinceOutbox, not by the database: a PostgreSQL identity may skip numbers and
        // commit out of order, and the province refuses a gap.
        b.Property(x => x.Sequence).ValueGeneratedNever();
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Payload).HasMaxLength(MaxPayload);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId);
    }
}
