using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace QueueKiosk.HubServer.Realtime.ScaleOut;

/// <summary>Realtime settings ("Realtime" section), for every host mode (docs/province.md, "Scale-out").</summary>
public sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    /// <summary>
    /// A StackExchange.Redis configuration string (e.g. "127.0.0.1:6379"): when set, SignalR sends go
    /// through Redis so a client connected to any node behind haproxy receives every node's events.
    /// Empty: one node, no Redis.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of the Redis channels, so several deployments (or tests) can share one Redis.</summary>
    public string RedisChannelPrefix { get; set; } = "queuekiosk";
}

public static class RealtimeScaleOut
{
    /// <summary>
    /// Wires the Redis backplane when Realtime:Redis is set. The official RedisHubLifetimeManager
    /// does the scale-out; <see cref="ResilientHubLifetimeManager{THub}"/> wraps it so that, while Redis
    /// is unreachable, each node still delivers to its own clients and tells its dashboards so.
    /// </summary>
    public static ISignalRServerBuilder AddRealtimeScaleOut(this ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        var services = signalR.Services;
        services.AddOptions<RealtimeOptions>().BindConfiguration(RealtimeOptions.Section).ValidateOnStart();
        var options = configuration.GetSection(RealtimeOptions.Section).Get<RealtimeOptions>() ?? new RealtimeOptions();
        var backplane = new BackplaneStatus(options.Redis is { Length: > 0 });
        services.AddSingleton(backplane);
        if (!backplane.Enabled)
        {
            return signalR;
        }

        signalR.AddStackExchangeRedis(redis =>
        {
            redis.Configuration = ConfigurationOptions.Parse(options.Redis!);
            // Start and keep trying while Redis is down: a node must serve its own clients without it.
            redis.Configuration.AbortOnConnectFail = false;
            redis.Configuration.ChannelPrefix = RedisChannel.Literal(options.RedisChannelPrefix);
            redis.ConnectionFactory = async writer =>
            {
                var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration, writer);
                backplane.Attach(connection);
                return connection;
            };
        });
        // The official manager stays the one that talks to Redis; ours makes it and decides when it may be used.
        services.AddSingleton(typeof(HubLifetimeManager<>), typeof(ResilientHubLifetimeManager<>));
        services.AddHostedService<BackplaneWatch>();
        return signalR;
    }
}
