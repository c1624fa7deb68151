using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Realtime;

namespace QueueKiosk.HubServer.Tracking;

/// <summary>
/// The citizen's phone (docs/ticket-tracking.md): the tracking page of one ticket, reached only by
/// the token in its QR code, and the hall page. Anonymous and rate limited per client address; the
/// answers hold one ticket's view or aggregate counts, never another ticket's token or anyone's name.
/// Live updates are server-sent events: a cheap phone needs no script library and reconnects by itself.
/// </summary>
public static class TrackingApi
{
    public const string RateLimitPolicy = "public-tracking";

    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    public static IServiceCollection AddTracking(this IServiceCollection services)
    {
        services.AddOptions<TrackingOptions>().BindConfiguration(TrackingOptions.Section)
            .Validate(o => TrackingOptions.IsValidBaseUrl(o.PublicBaseUrl),
                "Tracking:PublicBaseUrl must be an absolute http(s) address without query, e.g. https://motcua.example.gov.vn")
            .Validate(o => o.RequestsPerMinute is > 0 and <= 1_000_000, "Tracking:RequestsPerMinute must be between 1 and 1000000")
            .Validate(o => o.StreamMinutes is > 0 and <= 24 * 60, "Tracking:StreamMinutes must be between 1 and 1440")
            .ValidateOnStart();
        services.AddSingleton<TrackingLinks>();
        services.AddSingleton<TrackingBoard>();
        services.AddHostedService(sp => sp.GetRequiredService<TrackingBoard>());
        // Every change the queue tells the hub also refreshes the tracking board (after AddRealtime).
        services.Replace(ServiceDescriptor.Singleton<IQueueNotifier>(sp =>
            new TrackingNotifier(sp.GetRequiredService<HubQueueNotifier>(), sp.GetRequiredService<TrackingBoard>())));
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimitPolicy, ctx =>
        {
            var perMinute = ctx.RequestServices.GetRequiredService<IOptions<TrackingOptions>>().Value.RequestsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
        return services;
    }

    public static IEndpointRouteBuilder MapTracking(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Public tracking").AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
        group.MapGet(HubRoutes.TrackPagePattern, TrackPageAsync).ExcludeFromDescription();
        group.MapGet(HubRoutes.HallPage, HallPage).ExcludeFromDescription();
        group.MapGet(HubRoutes.TrackedTicketPattern, TicketAsync);
        group.MapGet(HubRoutes.TrackedTicketEventsPattern, TicketEventsAsync).ExcludeFromDescription();
        group.MapGet(HubRoutes.PublicHall, HallAsync);
        group.MapGet(HubRoutes.PublicHallEvents, HallEventsAsync).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> TrackPageAsync(string token, TrackingBoard board, CancellationToken ct)
    {
        var found = TrackingLinks.IsWellFormed(token) ? await board.FindAsync(token, ct) : null;
        return found is { } f
            ? Html(PublicPages.Track(f.View, HubRoutes.TrackedTicketEvents(token)), StatusCodes.Status200OK)
            : Html(PublicPages.UnknownTicket(), StatusCodes.Status404NotFound);
    }

    public static IResult HallPage() => Html(PublicPages.Hall(HubRoutes.PublicHallEvents), StatusCodes.Status200OK);

    public static async Task<IResult> TicketAsync(string token, TrackingBoard board, CancellationToken ct)
    {
        var found = TrackingLinks.IsWellFormed(token) ? await board.FindAsync(token, ct) : null;
        return found is { } f ? TypedResults.Ok(f.View) : TypedResults.NotFound();
    }

    public static async Task<IResult> HallAsync(TrackingBoard board, CancellationToken ct) =>
        await board.HallAsync(null, ct) is { } hall ? TypedResults.Ok(hall) : TypedResults.NotFound();

    /// <summary>The ticket's view now and after every change of its site, until it is final or the stream's time is up.</summary>
    public static async Task TicketEventsAsync(string token, HttpContext http, TrackingBoard board, IOptions<TrackingOptions> options, CancellationToken ct)
    {
        var found = TrackingLinks.IsWellFormed(token) ? await board.FindAsync(token, ct) : null;
        if (found is not { } first)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await StreamAsync(http, options.Value, async (_, stop) =>
        {
            var now = await board.FindAsync(token, stop);
            return (now?.Json, now is null || now.View.IsFinal);
        }, () => board.NextChange(first.SiteId), ct);
    }

    public static async Task HallEventsAsync(HttpContext http, TrackingBoard board, IOptions<TrackingOptions> options,
        IOptions<JsonOptions> json, CancellationToken ct)
    {
        if (await board.HallSiteAsync(ct) is not { } siteId)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await StreamAsync(http, options.Value, async (_, token) =>
        {
            var now = await board.HallAsync(siteId, token);
            return (now is null ? null : JsonSerializer.Serialize(now, json.Value.SerializerOptions), now is null);
        }, () => board.NextChange(siteId), ct);
    }

    /// <summary>
    /// Writes "data:" lines whenever <paramref name="read"/> gives something new, waits for the next
    /// change (or sends a comment line every <see cref="Heartbeat"/>, which keeps mobile networks'
    /// proxies from closing an idle connection), and ends when read says final, the client goes, or
    /// Tracking:StreamMinutes pass (EventSource reconnects; no phone holds the hub for ever).
    /// </summary>
    private static async Task StreamAsync(HttpContext http, TrackingOptions options, Func<string?, CancellationToken, Task<(string? Data, bool Final)>> read,
        Func<Task> nextChange, CancellationToken ct)
    {
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        // Nginx and similar proxies would otherwise hold the events back in their buffers.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        // A stopping hub ends the streams at once (the pages reconnect) instead of waiting out its shutdown timeout.
        var stopping = http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct, stopping);
        limit.CancelAfter(TimeSpan.FromMinutes(options.StreamMinutes));
        string? last = null;
        try
        {
            await http.Response.WriteAsync("retry: 5000\n\n", limit.Token);
            while (!limit.IsCancellationRequested)
            {
                var changed = nextChange();
                var (data, final) = await read(last, limit.Token);
                if (data is null)
                {
                    await http.Response.WriteAsync("event: gone\ndata: {}\n\n", limit.Token);
                    return;
                }

                if (data != last)
                {
                    await http.Response.WriteAsync("data: " + data + "\n\n", limit.Token);
                    last = data;
                }

                if (final)
                {
                    await http.Response.WriteAsync("event: end\ndata: {}\n\n", limit.Token);
                    return;
                }

                await http.Response.Body.FlushAsync(limit.Token);
                try
                {
                    await changed.WaitAsync(Heartbeat, limit.Token);
                }
                catch (TimeoutException)
                {
                    await http.Response.WriteAsync(": ping\n\n", limit.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The phone went away or the stream's time is up.
        }
    }

    private static IResult Html(string body, int status) => Results.Content(body, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    internal static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
