using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Realtime.ScaleOut;

namespace QueueKiosk.HubServer.Realtime;

public static class RealtimeExtensions
{
    /// <summary>The bytes SignalR keeps for one connection in each direction before its writes wait.</summary>
    public const long ClientBufferBytes = 64 * 1024;

    public static IServiceCollection AddRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        // JSON for the browsers; MessagePack for .NET clients that choose it (Hub.Client's HubConnectionOptions.Protocol).
        // Several nodes behind haproxy share their sends through Redis when Realtime:Redis is set (ScaleOut/).
        services.AddSignalR().AddMessagePackProtocol().AddRealtimeScaleOut(configuration);
        services.AddSingleton<HubQueueNotifier>();
        services.AddSingleton<IQueueNotifier>(sp => sp.GetRequiredService<HubQueueNotifier>());
        services.AddHostedService(sp => sp.GetRequiredService<HubQueueNotifier>());
        return services;
    }

    public static IEndpointRouteBuilder MapRealtime(this IEndpointRouteBuilder app)
    {
        app.MapHub<QueueHub>(HubRoutes.QueueHub, options =>
        {
            // Each client's outgoing buffer is bounded (issue 15 item 9): once full, its writes wait,
            // and HubQueueNotifier drops a client that stays full (Queue:SlowClientAllowanceSeconds).
            options.ApplicationMaxBufferSize = ClientBufferBytes;
            options.TransportMaxBufferSize = ClientBufferBytes;
        });
        app.MapHubContractScript();
        return app;
    }
}
