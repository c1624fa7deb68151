using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Realtime;

public static class RealtimeExtensions
{
    public static IServiceCollection AddRealtime(this IServiceCollection services)
    {
        // JSON for the browsers; MessagePack for .NET clients that choose it (Hub.Client's HubConnectionOptions.Protocol).
        services.AddSignalR().AddMessagePackProtocol();
        services.AddSingleton<HubQueueNotifier>();
        services.AddSingleton<IQueueNotifier>(sp => sp.GetRequiredService<HubQueueNotifier>());
        services.AddHostedService(sp => sp.GetRequiredService<HubQueueNotifier>());
        return services;
    }

    public static IEndpointRouteBuilder MapRealtime(this IEndpointRouteBuilder app)
    {
        app.MapHub<QueueHub>(HubRoutes.QueueHub);
        app.MapHubContractScript();
        return app;
    }
}
