using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration;
using QueueKiosk.HubServer.Administration.Calendar;
using QueueKiosk.HubServer.Administration.Catalogue;
using QueueKiosk.HubServer.Administration.Services;
using QueueKiosk.HubServer.Administration.SiteSettings;
using QueueKiosk.HubServer.Appointments;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Catalogue;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Demo;
using QueueKiosk.HubServer.Dossiers;
using QueueKiosk.HubServer.Dossiers.Upstream;
using QueueKiosk.HubServer.Pages;
using QueueKiosk.HubServer.Province;
using QueueKiosk.HubServer.ProvinceLink;
using QueueKiosk.HubServer.Queue;
using QueueKiosk.HubServer.Ratings;
using QueueKiosk.HubServer.Realtime;
using QueueKiosk.HubServer.Security;
using QueueKiosk.HubServer.Supervision;
using QueueKiosk.HubServer.Supervision.Upward;
using QueueKiosk.HubServer.Tracking;

namespace QueueKiosk.HubServer;

/// <summary>Wires the features together; each feature folder registers its own pieces.</summary>
public static class HubServerExtensions
{
    public static WebApplicationBuilder AddHubServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddHubData();
        // Realtime before Queue: hosted services stop in reverse order, so the queue journal drains
        // (and publishes what it commits) while the hub notifier is still running.
        services.AddRealtime(builder.Configuration);
        services.AddQueue();
        services.AddTracking();
        services.AddHubAuth();
        services.AddStaffAndDevices();
        services.AddHubSecurity();
        services.AddSharedKeyRing();
        services.AddDossiers(builder.Configuration);
        services.AddAppointments();
        services.AddProvinceLink();
        services.AddProvinceTier();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section)
            .Validate(o => !o.Enabled || DemoOptions.IsAcceptedPassword(o.Password),
                $"Demo:Password must pass the rule of every account: at least {Validate.MinPasswordLength} characters, letters and digits")
            .ValidateOnStart();
        services.AddScoped<DemoSeeder>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new NfcStringConverter()));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Unreadable bodies raise BadHttpRequestException in every environment, so the handler can name the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddHubOpenApi();
        services.AddOfficerConsole();
        services.AddSupervision(builder.Configuration, builder.Environment);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Migrates the database, in demo mode fills an empty one, and gives every site its priority groups.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await services.MigrateHubDatabaseAsync(ct);
        if (services.IsProvince())
        {
            await services.MigrateProvinceDatabaseAsync(ct);
        }
        var demo = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.Enabled)
        {
            await using var scope = services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(demo, ct))
            {
                services.GetRequiredService<ILogger<DemoSeeder>>().LogInformation("Demo data loaded into the empty database");
            }
        }

        await using (var scope = services.CreateAsyncScope())
        {
            // Sites that existed before priority groups were data get the four of today.
            var seeded = await PriorityGroupDefaults.EnsureForEverySiteAsync(scope.ServiceProvider.GetRequiredService<HubDbContext>(), ct);
            if (seeded > 0)
            {
                services.GetRequiredService<ILogger<CatalogueCache>>().LogInformation("Priority groups seeded for {Sites} site(s)", seeded);
            }
        }

        services.GetRequiredService<CatalogueCache>().Invalidate();
    }

    public static WebApplication MapHubServer(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHubSecurity();
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHubOpenApi();
        app.MapHealthChecks(HubRoutes.HealthLive, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(HubRoutes.HealthReady, new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapAuthApi();
        app.MapCatalogueApi();
        app.MapQueueApi();
        app.MapRatingApi();
        app.MapDossierApi();
        app.MapProvinceDossierApi();
        app.MapUpwardCameras();
        app.MapTracking();
        app.MapAppointments();
        app.MapSiteSettingsApi();
        app.MapCalendarApi();
        app.MapCatalogueAdminApi();
        app.MapCatalogueImportApi();
        app.MapServiceAdministration();
        app.MapPriorityGroupAdministration();
        app.MapCounterAdministration();
        app.MapStaffAndDevices();
        app.MapRealtime();
        app.MapOfficerConsole();
        app.MapSupervision();
        if (app.Services.IsProvince())
        {
            app.MapProvinceApi();
        }

        return app;
    }
}
