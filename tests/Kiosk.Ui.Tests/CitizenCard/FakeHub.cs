using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.KioskUi.Tests.CitizenCard;

/// <summary>
/// A stand-in for Hub.Server on real Kestrel (loopback) for the kiosk's forwarding tests: it answers
/// the routes the kiosk calls for a ticket, the dossiers by card and the check-in (issue 12's hub
/// side is another branch's work), and records every request the kiosk made, bodies included.
/// What it answers for the issue 12 routes is set by each test; unset, they answer 404 with no
/// detail, as a hub without those routes does.
/// </summary>
public sealed class FakeHub : IAsyncDisposable
{
    public static readonly Guid SiteId = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    public static readonly Guid ServiceId = Guid.Parse("20000000-0000-0000-0000-000000000001");

    private readonly WebApplication _app;

    public sealed record Received(string Method, string PathAndQuery, string Body, string AcceptLanguage);

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>What POST /api/dossiers/by-citizen answers; null: 404 without a body's detail.</summary>
    public Func<IResult>? DossiersByCitizen { get; set; }

    /// <summary>What POST /api/appointments/check-in answers; null: 404 without a detail.</summary>
    public Func<IResult>? CheckIn { get; set; }

    public Uri BaseAddress { get; private set; } = null!;

    private FakeHub(WebApplication app) => _app = app;

    public static async Task<FakeHub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        var hub = new FakeHub(app);
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            hub.Requests.Enqueue(new Received(context.Request.Method, context.Request.Path + context.Request.QueryString, body, context.Request.Headers.AcceptLanguage.ToString()));
            await next(context);
        });
        app.MapGet(HubRoutes.Sites, () => Results.Ok(new[] { Site() }));
        app.MapPost(HubRoutes.Tickets, (IssueTicketRequest request) => Results.Created($"{HubRoutes.Tickets}/1", Ticket(request.Priority)));
        app.MapPost(HubRoutes.DossiersByCitizen, () => hub.DossiersByCitizen?.Invoke() ?? Results.NotFound());
        app.MapPost(HubRoutes.AppointmentCheckIn, () => hub.CheckIn?.Invoke() ?? Results.NotFound());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        hub.BaseAddress = new Uri(address);
        return hub;
    }

    public IEnumerable<Received> To(string route) => Requests.Where(r => r.PathAndQuery.StartsWith(route, StringComparison.Ordinal));

    public static SiteDto Site() => new(SiteId, "DEMO", "UBND Phường Bến Nghé", "Asia/Ho_Chi_Minh", "29 Lê Duẩn, Quận 1", []);

    public static TicketDto Ticket(PriorityCategory priority = PriorityCategory.None, string number = "A001") => new(
        Guid.NewGuid(), SiteId, number, 1, ServiceId, "HT", "Hộ tịch", null, null, TicketStatus.Waiting, priority, TicketChannel.Kiosk,
        null, null, DateTimeOffset.UtcNow, null, null, null, 0, 0, DateOnly.FromDateTime(DateTime.UtcNow), 0);

    public static IResult Problem(int status, string? detail) =>
        Results.Problem(title: status == (int)HttpStatusCode.Conflict ? "Conflict" : "Not Found", detail: detail, statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
