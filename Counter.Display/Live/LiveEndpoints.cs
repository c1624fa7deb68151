using QueueKiosk.CounterDisplay.State;

namespace QueueKiosk.CounterDisplay.Live;

/// <summary>
/// Pages get updates as server-sent events rather than a second SignalR hub: the push is one way,
/// EventSource reconnects by itself with no library, and every "state" message carries the
/// whole view, so a page that reconnects is correct with the first message it gets.
/// </summary>
public static class LiveEndpoints
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);

    public static IEndpointRouteBuilder MapLiveEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(DisplayRoutes.LiveEvents, StreamAsync);
        app.MapGet(DisplayRoutes.LiveState, (DisplayState state) => TypedResults.Json(state.Current, LiveJson.Options));
        return app;
    }

    private static async Task StreamAsync(HttpContext context, DisplayState state, LiveBroadcaster broadcaster)
    {
        var response = context.Response;
        response.Headers.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";

        using var subscription = broadcaster.Subscribe();
        var aborted = context.RequestAborted;
        await response.WriteAsync("retry: 1000\n\n", aborted);
        await WriteAsync(response, LiveBroadcaster.StateMessage(state.Current), aborted);
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                wait.CancelAfter(Heartbeat);
                try
                {
                    while (await subscription.Reader.WaitToReadAsync(wait.Token))
                    {
                        while (subscription.Reader.TryRead(out var message))
                        {
                            await WriteAsync(response, message, aborted);
                        }
                    }
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    // Quiet for a while: a comment line keeps proxies and the page's watchdog happy.
                    await response.WriteAsync(": ping\n\n", aborted);
                    await response.Body.FlushAsync(aborted);
                }
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
        }
    }

    private static async Task WriteAsync(HttpResponse response, LiveMessage message, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"event: {message.Event}\ndata: {message.Data}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}

/// <summary>JSON as the pages read it: camelCase, enums by name.</summary>
public static class LiveJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
