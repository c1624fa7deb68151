using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QueueKiosk.HubServer.Data;

namespace QueueKiosk.HubServer.Province;

/// <summary>
/// The province tier as a host mode of Hub.Server (Hub:Role=Province, docs/province.md says why):
/// the same sign-in, accounts, audit, error catalogue and report writers, plus its own PostgreSQL
/// model. Its services are always registered (cheap; nothing opens a connection until asked), its
/// endpoints and migrations only in the province role.
/// </summary>
public static class ProvinceExtensions
{
    /// <summary>The rate-limiter policy that bounds the batches one node stores at once.</summary>
    public const string IngestConcurrency = "province-ingest";

    public static IServiceCollection AddProvinceTier(this IServiceCollection services)
    {
        services.AddOptions<HubRoleOptions>().BindConfiguration(HubRoleOptions.Section).ValidateOnStart();
        services.AddOptions<ProvinceTierOptions>().BindConfiguration(ProvinceTierOptions.Section)
            .Validate(o => o.MaxClockSkewSeconds is >= 0 and <= 86400, "ProvinceTier:MaxClockSkewSeconds must be 0 to 86400")
            .Validate(o => o.MaxBatch is >= 1 and <= 50000, "ProvinceTier:MaxBatch must be 1 to 50000")
            .Validate(o => o.MaxConcurrentIngests is >= 1 and <= 1000, "ProvinceTier:MaxConcurrentIngests must be 1 to 1000")
            .ValidateOnStart();
        services.AddDbContextPool<ProvinceDbContext>((sp, o) =>
        {
            var tier = sp.GetRequiredService<IOptions<ProvinceTierOptions>>().Value;
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            o.UseNpgsql(DataExtensions.PostgresConnectionString(tier.ConnectionString ?? database.ConnectionString),
                    npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", ProvinceDbContext.Schema))
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        }, 64);
        services.AddScoped<ProvinceIngest>();
        services.AddScoped<ProvinceReader>();
        services.AddScoped<ProvinceReports>();
        services.AddSingleton<ProvinceFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ProvinceFeed>());
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(IngestConcurrency, ctx =>
            RateLimitPartition.GetConcurrencyLimiter("ingest", _ => new ConcurrencyLimiterOptions
            {
                // Batches beyond the limit wait here, in memory, instead of each holding a database
                // connection while they queue for the sites' row locks and the pool.
                PermitLimit = ctx.RequestServices.GetRequiredService<IOptions<ProvinceTierOptions>>().Value.MaxConcurrentIngests,
                QueueLimit = 10_000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })));
        return services;
    }

    public static bool IsProvince(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<HubRoleOptions>>().Value.Role == HubRole.Province;

    /// <summary>The province's schema, from its own migrations (Data/Migrations/Province).</summary>
    public static async Task MigrateProvinceDatabaseAsync(this IServiceProvider services, CancellationToken ct)
    {
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.Provider != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Hub:Role=Province needs Database:Provider=Postgres (docs/province.md)");
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProvinceDbContext>().Database.MigrateAsync(ct);
    }
}
