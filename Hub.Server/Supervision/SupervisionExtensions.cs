using Microsoft.Extensions.Options;
using QueueKiosk.HubServer.Reports;
using QueueKiosk.HubServer.Supervision.Analytics;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>The supervisor's desk: device heartbeats, alerts, dashboard, cameras, ticket history and reports.</summary>
public static class SupervisionExtensions
{
    public static IServiceCollection AddSupervision(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<SupervisionOptions>().BindConfiguration(SupervisionOptions.Section)
            .Validate(o => o.HeartbeatSeconds > 0, "Supervision:HeartbeatSeconds must be positive")
            .Validate(o => o.MissedHeartbeats > 0, "Supervision:MissedHeartbeats must be positive")
            .Validate(o => o.CheckSeconds > 0, "Supervision:CheckSeconds must be positive")
            .Validate(o => o.PausedTooLongMinutes > 0, "Supervision:PausedTooLongMinutes must be positive")
            .Validate(o => o.CalledNotStartedMinutes > 0, "Supervision:CalledNotStartedMinutes must be positive")
            .Validate(o => o.OpenWithoutOfficerMinutes > 0, "Supervision:OpenWithoutOfficerMinutes must be positive")
            .Validate(o => o.PresenceAlertClearSeconds >= 0, "Supervision:PresenceAlertClearSeconds must not be negative")
            .Validate(o => o.DemoSegmentSeconds > 0, "Supervision:DemoSegmentSeconds must be positive")
            .ValidateOnStart();
        services.AddSingleton<DeviceStatusBoard>();
        services.AddSingleton<ISupervisorFeed, HubSupervisorFeed>();
        services.AddScoped<AlertService>();
        services.AddScoped<DashboardReader>();
        services.AddScoped<TicketHistoryReader>();
        services.AddScoped<TicketListReader>();
        services.AddScoped<ReportReader>();
        services.AddSingleton<AlertMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertMonitor>());
        services.AddHubCameras(configuration, environment);
        services.AddOptions<CameraAnalyticsOptions>().BindConfiguration(CameraAnalyticsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CameraAnalyticsOptions>, CameraAnalyticsOptionsValidator>();
        services.AddSingleton<PresenceBoard>();
        services.AddHostedService<CameraAnalyticsService>();
        return services;
    }

    public static IEndpointRouteBuilder MapSupervision(this IEndpointRouteBuilder app)
    {
        app.MapDeviceStatusApi();
        app.MapSupervisionApi();
        app.MapReportsApi();
        app.MapHubCameras();
        return app;
    }
}
