using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Queue;

/// <summary>Tickets, counter actions and the queue snapshot. Officer actions go through here; the hub only pushes results.</summary>
public static class QueueApi
{
    public static IEndpointRouteBuilder MapQueueApi(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup(HubRoutes.Tickets).WithTags("Tickets");
        tickets.MapPost("/", IssueAsync).RequireAuthorization(Policies.Issuer);
        tickets.MapGet("/{ticketId:guid}", GetTicketAsync).RequireAuthorization(Policies.AnyClient);
        tickets.MapPost(HubRoutes.TicketCancel[HubRoutes.Tickets.Length..], CancelAsync).RequireAuthorization(Policies.Staff);

        var snapshot = app.MapGroup(HubRoutes.Api).WithTags("Queue").RequireAuthorization(Policies.AnyClient);
        snapshot.MapGet(HubRoutes.OwnSnapshotPattern, (QueueReader reader, CancellationToken ct) => SnapshotAsync(null, reader, ct));
        snapshot.MapGet(HubRoutes.SiteSnapshotPattern, (Guid siteId, QueueReader reader, CancellationToken ct) => SnapshotAsync(siteId, reader, ct));

        var counters = app.MapGroup(HubRoutes.Counter).WithTags("Counters")
            .RequireAuthorization(Policies.Staff)
            .AddEndpointFilter(OwnCounterOnly);
        counters.MapPost("/" + CounterActions.CallNext, CallNextAsync);
        counters.MapPost("/" + CounterActions.Call, (Guid counterId, CallTicketRequest request, ClaimsPrincipal user, QueueEngine engine, CancellationToken ct) =>
            Ticket(engine.CallSpecificAsync(counterId, request.TicketId, ActorOf(user), ct, officer: !user.IsSupervisorOrAdmin())));
        counters.MapPost("/" + CounterActions.Recall, (Guid counterId, ClaimsPrincipal user, QueueEngine engine, CancellationToken ct) => Ticket(engine.RecallAsync(counterId, ActorOf(user), ct)));
        counters.MapPost("/" + CounterActions.Start, (Guid counterId, ClaimsPrincipal user, QueueEngine engine, CancellationToken ct) => Ticket(engine.StartAsync(counterId, ActorOf(user), ct)));
        counters.MapPost("/" + CounterActions.Finish, (Guid counterId, ClaimsPrincipal user, QueueEngine engine, CancellationToken ct) => Ticket(engine.FinishAsync(counterId, ActorOf(user), ct)));
        counters.MapPost("/" + CounterActions.NoShow, (Guid counterId, ClaimsPrincipal user, QueueEngine engine, CancellationToken ct) => Ticket(engine.NoShowAsync(counterId, ActorOf(user), ct)));
        counters.MapPost("/" + CounterActions.Transfer, (Guid counterId, TransferTicketRequest request, ClaimsPrincipal user, QueueEngine engine, CancellationToken ct) =>
        {
            Validate.MaxLength(request.Reason, "reason", 400);
            return Ticket(engine.TransferAsync(counterId, request, ActorOf(user), ct));
        });
        counters.MapPost("/" + CounterActions.Open, (Guid counterId, ClaimsPrincipal user, QueueEngine engine, CancellationToken ct) => Counter(engine.OpenCounterAsync(counterId, ActorOf(user), ct)));
        counters.MapPost("/" + CounterActions.Pause, (Guid counterId, PauseCounterRequest request, ClaimsPrincipal user, QueueEngine engine, CancellationToken ct) =>
        {
            Validate.Required(request.Reason, "reason");
            return Counter(engine.PauseCounterAsync(counterId, request.Reason, ActorOf(user), ct));
        });
        counters.MapPost("/" + CounterActions.Resume, (Guid counterId, ClaimsPrincipal user, QueueEngine engine, CancellationToken ct) => Counter(engine.ResumeCounterAsync(counterId, ActorOf(user), ct)));
        counters.MapPost("/" + CounterActions.Undo, (Guid counterId, UndoTicketRequest request, ClaimsPrincipal user, QueueEngine engine, CancellationToken ct) =>
            Ticket(engine.UndoAsync(counterId, request.TicketId, ActorOf(user), ct)));
        counters.MapPost("/" + CounterActions.Requeue, (Guid counterId, RequeueTicketRequest request, ClaimsPrincipal user, QueueEngine engine, CancellationToken ct) =>
        {
            Validate.Required(request.Number, "number", 20);
            return Ticket(engine.RequeueAsync(counterId, request.Number, ActorOf(user), ct));
        });
        counters.MapPost("/" + CounterActions.Close, (Guid counterId, ClaimsPrincipal user, QueueEngine engine, CancellationToken ct) => Counter(engine.CloseCounterAsync(counterId, ActorOf(user), ct)));
        return app;
    }

    public static async Task<Created<TicketDto>> IssueAsync(IssueTicketRequest request, ClaimsPrincipal user, QueueEngine engine, CancellationToken ct)
    {
        Validate.Defined(request.Priority, "priority");
        Validate.Defined(request.Channel, "channel");
        // Appointment and remote tickets come only from a booking's check-in and the public page (Appointments/).
        if (request.Channel is TicketChannel.Appointment or TicketChannel.Remote)
        {
            throw new DomainException(Errors.Invalid.With("channel"), "channel");
        }

        // A kiosk's tickets are kiosk tickets whatever it claims; people may choose (desk or API).
        var channel = user.HasClaim(HubClaims.DeviceKind, nameof(DeviceKind.Kiosk)) ? TicketChannel.Kiosk : request.Channel;
        var siteId = request.SiteId ?? user.SiteOf();
        var ticket = await engine.IssueAsync(request with { Channel = channel, SiteId = siteId }, ActorOf(user), ct);
        return TypedResults.Created(HubRoutes.Ticket(ticket.Id), ticket);
    }

    public static async Task<Results<Ok<TicketDto>, NotFound>> GetTicketAsync(Guid ticketId, QueueReader reader, CancellationToken ct) =>
        await reader.GetTicketAsync(ticketId, ct) is { } ticket ? TypedResults.Ok(ticket) : TypedResults.NotFound();

    public static async Task<Ok<TicketDto>> CancelAsync(Guid ticketId, CancelTicketRequest? request, ClaimsPrincipal user, QueueEngine engine, CancellationToken ct)
    {
        Validate.MaxLength(request?.Reason, "reason", 400);
        // An officer cancels only for their own counter; one signed in without a counter has none to cancel for.
        Guid? officerCounter = user.IsSupervisorOrAdmin() ? null : user.CounterOf() ?? throw new DomainException(Errors.ForbiddenCounter);
        return TypedResults.Ok(await engine.CancelAsync(ticketId, request?.Reason, ActorOf(user), ct, officerCounter));
    }

    public static async Task<Results<Ok<QueueSnapshotDto>, NotFound>> SnapshotAsync(Guid? siteId, QueueReader reader, CancellationToken ct) =>
        await reader.SnapshotAsync(siteId, ct) is { } snapshot ? TypedResults.Ok(snapshot) : TypedResults.NotFound();

    public static async Task<Results<Ok<TicketDto>, NoContent>> CallNextAsync(Guid counterId, ClaimsPrincipal user, QueueEngine engine, CancellationToken ct) =>
        await engine.CallNextAsync(counterId, ActorOf(user), ct) is { } ticket ? TypedResults.Ok(ticket) : TypedResults.NoContent();

    private static async Task<Ok<TicketDto>> Ticket(Task<TicketDto> action) => TypedResults.Ok(await action);

    private static async Task<Ok<CounterDto>> Counter(Task<CounterDto> action) => TypedResults.Ok(await action);

    private static Actor ActorOf(ClaimsPrincipal user) => new(user.OfficerId(), user.DeviceIdOf());

    /// <summary>Officers act only at the counter they signed in at (403 otherwise); unknown counters are 404.</summary>
    private static async ValueTask<object?> OwnCounterOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(http.GetRouteValue("counterId")?.ToString(), out var counterId))
        {
            throw new DomainException(Errors.CounterNotFound, "counterId");
        }

        var catalogue = await http.RequestServices.GetRequiredService<CatalogueCache>().GetAsync(http.RequestAborted);
        var counter = catalogue.Counters.GetValueOrDefault(counterId) ?? throw new DomainException(Errors.CounterNotFound, "counterId");
        if (!http.User.MayActAtCounter(counterId, counter.SiteId))
        {
            throw new DomainException(Errors.ForbiddenCounter);
        }

        return await next(context);
    }
}
