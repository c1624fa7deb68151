using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Data;

// One configuration per entity: the schema's single source. The migrations are generated from it
// (scripts/add-migration.sh) and the queue journal's statements read their table and column names
// from the model built from it (Queue/Journal/RowStatements.cs).

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.ToTable("Sites");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.OpeningHours).HasMaxLength(1000);
        b.Property(x => x.TicketFooter).HasMaxLength(1000);
        b.Property(x => x.LogoContentType).HasMaxLength(40);
        b.Property(x => x.CitizenIdSalt).HasMaxLength(64);
        b.Property(x => x.Logo).HasMaxLength(SiteLimits.LogoBytes);
    }
}

internal sealed class FieldConfiguration : IEntityTypeConfiguration<Field>
{
    public void Configure(EntityTypeBuilder<Field> b)
    {
        b.ToTable("Fields");
        b.HasIndex(x => new { x.SiteId, x.Code }).IsUnique();
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId);
    }
}

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> b)
    {
        b.ToTable("Procedures");
        b.HasIndex(x => new { x.SiteId, x.Code }).IsUnique();
        b.HasIndex(x => x.FieldId);
        b.Property(x => x.NameEn).HasMaxLength(CatalogueLimits.ProcedureName);
        b.Property(x => x.DocumentsJson).HasMaxLength(CatalogueLimits.DocumentsJson);
        b.Property(x => x.LegalBasis).HasMaxLength(CatalogueLimits.LegalBasis);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId);
        b.HasOne<Field>().WithMany().HasForeignKey(x => x.FieldId);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.ToTable("Services");
        b.HasIndex(x => new { x.SiteId, x.Code }).IsUnique();
        b.Property(x => x.Prefix).HasMaxLength(8);
        b.Property(x => x.AcceptedPriorities).HasMaxLength(200);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId);
    }
}

internal sealed class CounterConfiguration : IEntityTypeConfiguration<Counter>
{
    public void Configure(EntityTypeBuilder<Counter> b)
    {
        b.ToTable("Counters");
        b.HasIndex(x => new { x.SiteId, x.Number }).IsUnique();
        b.HasMany(x => x.Services).WithOne().HasForeignKey(x => x.CounterId);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId);
    }
}

internal sealed class CounterServiceConfiguration : IEntityTypeConfiguration<CounterService>
{
    public void Configure(EntityTypeBuilder<CounterService> b)
    {
        b.ToTable("CounterServices");
        b.HasKey(x => new { x.CounterId, x.ServiceId });
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId);
    }
}

internal sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> b)
    {
        b.ToTable("Officers");
        b.HasIndex(x => x.UserName).IsUnique();
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId);
        b.Property(x => x.SecurityStamp).HasMaxLength(64);
        b.HasMany(x => x.Counters).WithOne().HasForeignKey(x => x.OfficerId);
    }
}

internal sealed class OfficerCounterConfiguration : IEntityTypeConfiguration<OfficerCounter>
{
    public void Configure(EntityTypeBuilder<OfficerCounter> b)
    {
        b.ToTable("OfficerCounters");
        b.HasKey(x => new { x.OfficerId, x.CounterId });
        b.HasOne<Counter>().WithMany().HasForeignKey(x => x.CounterId);
    }
}

internal sealed class PriorityGroupConfiguration : IEntityTypeConfiguration<PriorityGroup>
{
    public void Configure(EntityTypeBuilder<PriorityGroup> b)
    {
        b.ToTable("PriorityGroups");
        b.HasIndex(x => new { x.SiteId, x.Category }).IsUnique();
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(40);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId);
    }
}

internal sealed class CalendarEntryConfiguration : IEntityTypeConfiguration<CalendarEntry>
{
    public void Configure(EntityTypeBuilder<CalendarEntry> b)
    {
        b.ToTable("CalendarEntries");
        // One entry a day: a day is a holiday, a worked holiday or a make-up working day, not two of them.
        b.HasIndex(x => new { x.SiteId, x.Date }).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId);
    }
}

internal sealed class AdminChangeConfiguration : IEntityTypeConfiguration<AdminChange>
{
    public void Configure(EntityTypeBuilder<AdminChange> b)
    {
        b.ToTable("AdminChanges");
        b.Property(x => x.Action).HasMaxLength(40);
        b.Property(x => x.Entity).HasMaxLength(40);
        b.Property(x => x.EntityId).HasMaxLength(100);
        b.Property(x => x.Before).HasMaxLength(AdminChangeLimits.RecordJson);
        b.Property(x => x.After).HasMaxLength(AdminChangeLimits.RecordJson);
        // The audit page lists a site's changes newest first.
        b.HasIndex(x => new { x.SiteId, x.At });
    }
}

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> b)
    {
        b.ToTable("Devices");
        b.HasIndex(x => x.KeyHash).IsUnique();
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId);
    }
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.ToTable("Tickets");
        b.Property(x => x.Number).HasMaxLength(16);
        // The guarantee that a number is never issued twice lives in the database, not only in code.
        b.HasIndex(x => new { x.SiteId, x.NumberServiceId, x.LocalDay, x.NumberValue }).IsUnique();
        // Call-next and the waiting counts read only waiting tickets of a site, by service, oldest first.
        b.HasIndex(x => new { x.SiteId, x.Status, x.ServiceId, x.IssuedMs });
        // The public tracking page finds its ticket by this secret alone.
        b.Property(x => x.TrackingToken).HasMaxLength(Ticket.TrackingTokenLength);
        b.HasIndex(x => x.TrackingToken).IsUnique();
        b.Property(x => x.CitizenIdHash).HasMaxLength(BookingLimits.CitizenIdHash);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId);
    }
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> b)
    {
        b.ToTable("TicketEvents");
        b.HasKey(x => new { x.SiteId, x.Sequence });
        b.Property(x => x.Sequence).ValueGeneratedNever();
        b.HasIndex(x => x.TicketId);
        b.Property(x => x.Detail).HasMaxLength(1000);
    }
}

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> b)
    {
        b.ToTable("Ratings");
        b.HasIndex(x => x.TicketId);
        b.Property(x => x.Reason).HasMaxLength(HubClient.Contracts.RatingLimits.MaxReasonLength);
        b.Property(x => x.Reasons).HasMaxLength(200);
    }
}

internal sealed class DossierConfiguration : IEntityTypeConfiguration<DossierRecord>
{
    public void Configure(EntityTypeBuilder<DossierRecord> b)
    {
        b.ToTable("Dossiers");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.CitizenIdHash).HasMaxLength(BookingLimits.CitizenIdHash);
        // The kiosk finds a citizen's dossiers by the hash of the number on their chip ID card.
        b.HasIndex(x => x.CitizenIdHash);
    }
}

internal sealed class BookingSettingsConfiguration : IEntityTypeConfiguration<BookingSettings>
{
    public void Configure(EntityTypeBuilder<BookingSettings> b)
    {
        b.ToTable("BookingSettings");
        b.HasKey(x => x.ServiceId);
        b.Property(x => x.Days).HasMaxLength(20);
        b.Property(x => x.SlotTimes).HasMaxLength(BookingLimits.SlotTimes);
        b.Property(x => x.ServingRule).HasConversion<string>().HasMaxLength(40);
        b.HasOne<Service>().WithOne().HasForeignKey<BookingSettings>(x => x.ServiceId);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId);
    }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.ToTable("Bookings");
        b.Property(x => x.Name).HasMaxLength(BookingLimits.Name);
        b.Property(x => x.Phone).HasMaxLength(BookingLimits.Phone);
        b.Property(x => x.Code).HasMaxLength(BookingLimits.Code);
        b.Property(x => x.CitizenIdHash).HasMaxLength(BookingLimits.CitizenIdHash);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.Code).IsUnique();
        // The guarantee that a slot never takes more bookings than its places: one row per place.
        b.HasIndex(x => new { x.ServiceId, x.Day, x.SlotStart, x.Place }).IsUnique();
        b.HasIndex(x => new { x.SiteId, x.Day });
        b.HasIndex(x => x.CitizenIdHash);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId);
    }
}

internal sealed class RemoteTicketConfiguration : IEntityTypeConfiguration<RemoteTicket>
{
    public void Configure(EntityTypeBuilder<RemoteTicket> b)
    {
        b.ToTable("RemoteTickets");
        b.HasKey(x => x.TicketId);
        b.Property(x => x.Phone).HasMaxLength(BookingLimits.Phone);
        // The per-phone daily limit counts a day's tickets of one number.
        b.HasIndex(x => new { x.SiteId, x.Day, x.Phone });
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId);
    }
}

/// <summary>The data-protection key ring (Security/SharedKeyRing), the library's own entity.</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    /// <summary>A key element is about 1 KB of XML; the model's 400-character default for text would cut it.</summary>
    public const int XmlLength = 16_000;

    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.HasKey(x => x.Id);
        b.Property(x => x.Xml).HasMaxLength(XmlLength);
    }
}
