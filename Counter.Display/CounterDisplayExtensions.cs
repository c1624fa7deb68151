using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.Extensions.Options;
using QueueKiosk.CounterDisplay.Hub;
using QueueKiosk.CounterDisplay.Leds;
using QueueKiosk.CounterDisplay.Live;
using QueueKiosk.CounterDisplay.State;
using QueueKiosk.CounterDisplay.Voice;
using QueueKiosk.HubClient.Realtime;
using QueueKiosk.HubClient.Rest;

namespace QueueKiosk.CounterDisplay;

/// <summary>Settings of what the screens show (configuration section "Display").</summary>
public sealed class DisplayOptions
{
    public const string Section = "Display";

    /// <summary>The scrolling line at the bottom of the hall page.</summary>
    public string NewsLine { get; set; } = "Trung tâm Phục vụ hành chính công xin kính chào quý công dân.";

    public int LastCallsShown { get; set; } = 6;

    /// <summary>Demo mode: counters that get a virtual LED board (drawn at /leds) instead of one on a wire.</summary>
    public List<int> VirtualLedBoards { get; set; } = [];
}

public static class CounterDisplayExtensions
{
    public static WebApplicationBuilder AddCounterDisplay(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<HubOptions>().BindConfiguration(HubOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DisplayOptions>().BindConfiguration(DisplayOptions.Section);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var display = sp.GetRequiredService<IOptions<DisplayOptions>>().Value;
            return new DisplayState(sp.GetRequiredService<TimeProvider>(), display.LastCallsShown, display.NewsLine);
        });

        services.AddHttpClient<DeviceApiClient>((sp, http) =>
        {
            var hub = sp.GetRequiredService<IOptions<HubOptions>>().Value;
            DeviceApiClient.Configure(http, hub.Url!, hub.DeviceKey);
            http.Timeout = TimeSpan.FromSeconds(10);
        });
        services.AddSingleton<IHubConnection>(sp =>
            CreateHubConnection(sp.GetRequiredService<IOptions<HubOptions>>().Value, sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<HubSync>();
        services.AddHostedService<HeartbeatService>();

        services.AddHallVoice(builder.Configuration);
        services.AddCounterBoards(builder.Configuration);

        services.AddSingleton<LiveBroadcaster>();
        return builder;
    }

    public static WebApplication MapCounterDisplay(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Created now so their subscriptions exist before the first hub event arrives.
        app.Services.GetRequiredService<LiveBroadcaster>();
        app.Services.GetRequiredService<HallVoice>();
        // Run from the build folder (./run.sh, the end-to-end tests) there is no wwwroot next to
        // the DLL outside Development: serve the project's files through the build's static web
        // assets manifest, as Development does. A published app has its own wwwroot.
        if (string.IsNullOrEmpty(app.Environment.WebRootPath) || !Directory.Exists(app.Environment.WebRootPath))
        {
            StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, app.Configuration);
        }

        app.UseStaticFiles();
        app.MapGet(DisplayRoutes.HealthLive, () => TypedResults.Ok("live"));
        app.MapGet(DisplayRoutes.SiteLogo, (DisplayState state) =>
            state.SiteLogo is { } logo ? Results.File(logo.Bytes, logo.ContentType) : Results.NotFound());
        app.MapGet("/", () => Results.Redirect(DisplayRoutes.Hall));
        app.MapGet(DisplayRoutes.Hall, () => Page(app.Environment, "hall/index.html"));
        app.MapGet(DisplayRoutes.CounterPage, (int number) => Page(app.Environment, "counter/index.html"));
        app.MapVoiceEndpoints();
        app.MapGet(DisplayRoutes.Leds, () => Page(app.Environment, "leds/index.html"));
        app.MapGet(DisplayRoutes.LedsState, (ICounterBoardSet boards, LedBoardHealth health) =>
            TypedResults.Json(LedBoardsView.Of(boards, health), LiveJson.Options));
        app.MapLiveEndpoints();
        return app;
    }

    private static IResult Page(IWebHostEnvironment environment, string path)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(path);
        return file.Exists ? Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8") : Results.NotFound();
    }

    private static SignalRHubConnection CreateHubConnection(HubOptions hub, ILoggerFactory loggers)
    {
        var options = new HubConnectionOptions
        {
            HubUrl = new Uri(hub.Url!, HubClient.Contracts.HubRoutes.QueueHub),
            Protocol = hub.Protocol,
            RetryInitialConnect = true,
            RetryPolicy = new BackoffRetryPolicy(
                [TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), hub.MaxReconnectDelay]),
            LoggerFactory = loggers,
        };
        options.Headers[HubClient.Contracts.HubRoutes.DeviceKeyHeader] = hub.DeviceKey;
        return new SignalRHubConnection(options);
    }
}
