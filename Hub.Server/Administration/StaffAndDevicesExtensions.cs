using QueueKiosk.HubServer.Administration.Audit;
using QueueKiosk.HubServer.Administration.Devices;
using QueueKiosk.HubServer.Administration.Staff;

namespace QueueKiosk.HubServer.Administration;

/// <summary>Staff accounts, devices and the audit of administrative changes (docs/administration.md, "Tài khoản và thiết bị").</summary>
public static class StaffAndDevicesExtensions
{
    public static IServiceCollection AddStaffAndDevices(this IServiceCollection services)
    {
        services.AddScoped<StaffContext>();
        services.AddSingleton<FirstAdmin>();
        return services;
    }

    public static IEndpointRouteBuilder MapStaffAndDevices(this IEndpointRouteBuilder app)
    {
        app.MapStaffApi();
        app.MapDevicesApi();
        app.MapAdminChangesApi();
        return app;
    }
}
