using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Data;

/// <summary>
/// The one model for both providers, and the one definition of the schema: the migrations of each
/// provider (Data/Migrations/Sqlite, Data/Migrations/Postgres) are generated from it by
/// scripts/add-migration.sh, and each provider's subclass finds its own by [DbContext] type.
/// </summary>
public abstract class HubDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Site> Sites => Set<Site>();

    public DbSet<Field> Fields => Set<Field>();

    public DbSet<Procedure> Procedures => Set<Procedure>();

    public DbSet<Service> Services => Set<Service>();

    public DbSet<Counter> Counters => Set<Counter>();

    public DbSet<CounterService> CounterServices => Set<CounterService>();

    public DbSet<Officer> Officers => Set<Officer>();

    public DbSet<OfficerCounter> OfficerCounters => Set<OfficerCounter>();

    public DbSet<PriorityGroup> PriorityGroups => Set<PriorityGroup>();

    public DbSet<CalendarEntry> CalendarEntries => Set<CalendarEntry>();

    public DbSet<AdminChange> AdminChanges => Set<AdminChange>();

    public DbSet<Device> Devices => Set<Device>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();

    public DbSet<Rating> Ratings => Set<Rating>();

    public DbSet<DossierRecord> Dossiers => Set<DossierRecord>();

    public DbSet<BookingSettings> BookingSettings => Set<BookingSettings>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<RemoteTicket> RemoteTickets => Set<RemoteTicket>();

    /// <summary>The data-protection key ring shared by every node on this database (Security/SharedKeyRing).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public abstract bool IsPostgres { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as UTC everywhere; SQLite hands DateTime back as Unspecified, so mark it UTC on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(400);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteHubDbContext(DbContextOptions<SqliteHubDbContext> options) : HubDbContext(options)
{
    public override bool IsPostgres => false;
}

public sealed class PostgresHubDbContext(DbContextOptions<PostgresHubDbContext> options) : HubDbContext(options)
{
    public override bool IsPostgres => true;
}
