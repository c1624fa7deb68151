using Microsoft.EntityFrameworkCore;

namespace QueueKiosk.HubServer.Province;

/// <summary>
/// The province tier's own model and schema ("province"), on PostgreSQL only, with its own
/// migrations (Data/Migrations/Province, scripts/add-province-migration.sh). Kept apart from the site
/// model so a site's schema carries none of it, and the province's none of the queue's write path.
/// Configured here rather than through IEntityTypeConfiguration classes: HubDbContext applies every
/// such class of the assembly.
/// </summary>
public sealed class ProvinceDbContext(DbContextOptions<ProvinceDbContext> options) : DbContext(options)
{
    public const string Schema = "province";

    public DbSet<ProvinceSite> Sites => Set<ProvinceSite>();

    public DbSet<ProvinceEvent> Events => Set<ProvinceEvent>();

    public DbSet<ProvinceTicket> Tickets => Set<ProvinceTicket>();

    public DbSet<ProvinceRating> Ratings => Set<ProvinceRating>();

    public DbSet<ProvinceDevice> Devices => Set<ProvinceDevice>();

    public DbSet<ProvinceAlert> Alerts => Set<ProvinceAlert>();

    public DbSet<ProvinceUserSite> UserSites => Set<ProvinceUserSite>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<string>().HaveMaxLength(400);

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema(Schema);
        b.Entity<ProvinceSite>(e =>
        {
            e.ToTable("Sites");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.KeyHash).HasMaxLength(64);
            e.HasIndex(x => x.KeyHash).IsUnique();
        });
        b.Entity<ProvinceEvent>(e =>
        {
            e.ToTable("Events");
            e.HasKey(x => new { x.SiteId, x.Sequence });
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Payload).HasMaxLength(4000);
            e.HasOne<ProvinceSite>().WithMany().HasForeignKey(x => x.SiteId);
        });
        b.Entity<ProvinceTicket>(e =>
        {
            e.ToTable("Tickets");
            e.HasKey(x => new { x.SiteId, x.TicketId });
            e.Property(x => x.Status).HasMaxLength(20);
            e.HasIndex(x => x.IssuedAt);
            e.HasIndex(x => new { x.SiteId, x.Status });
        });
        b.Entity<ProvinceRating>(e =>
        {
            e.ToTable("Ratings");
            e.HasKey(x => new { x.SiteId, x.RatingId });
            e.HasIndex(x => x.At);
        });
        b.Entity<ProvinceDevice>(e =>
        {
            e.ToTable("Devices");
            e.HasKey(x => new { x.SiteId, x.DeviceId });
            e.Property(x => x.Kind).HasMaxLength(40);
        });
        b.Entity<ProvinceAlert>(e =>
        {
            e.ToTable("Alerts");
            e.HasKey(x => new { x.SiteId, x.AlertId });
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Message).HasMaxLength(1000);
            e.HasIndex(x => new { x.SiteId, x.ClearedAt });
        });
        b.Entity<ProvinceUserSite>(e =>
        {
            e.ToTable("UserSites");
            e.HasKey(x => new { x.OfficerId, x.SiteId });
        });
    }
}

/// <summary>Used only by dotnet-ef (scripts/add-province-migration.sh); opens no connection.</summary>
internal sealed class ProvinceDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<ProvinceDbContext>
{
    public ProvinceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ProvinceDbContext>()
            .UseNpgsql("Host=localhost;Database=design-time", o => o.MigrationsHistoryTable("__EFMigrationsHistory", ProvinceDbContext.Schema)).Options);
}
