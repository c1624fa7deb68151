using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Domain;

/// <summary>A service desk (quầy). State changes are guarded here.</summary>
public sealed class Counter
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public int Number { get; set; }

    public string Name { get; set; } = "";

    public CounterState State { get; private set; } = CounterState.Closed;

    public string? PauseReason { get; private set; }

    public Guid? CurrentTicketId { get; set; }

    public int? LedAddress { get; set; }

    public string? CameraId { get; set; }

    public Guid? OfficerId { get; set; }

    /// <summary>False once retired: gone from the consoles and displays, its tickets kept.</summary>
    public bool Active { get; set; } = true;

    public DateTime StateChangedAt { get; private set; }

    public List<CounterService> Services { get; set; } = [];

    /// <summary>
    /// The properties the live queue owns (the rest belong to the catalogue): the group commit writes
    /// exactly these, and a counter whose live state is unchanged is not written at all.
    /// </summary>
    public static readonly IReadOnlyList<System.Linq.Expressions.Expression<Func<Counter, object?>>> LiveState =
        [c => c.State, c => c.PauseReason, c => c.CurrentTicketId, c => c.StateChangedAt, c => c.OfficerId];

    private static readonly Func<Counter, object?>[] LiveStateReaders = [.. LiveState.Select(e => e.Compile())];

    public bool SameLiveState(Counter other) => LiveStateReaders.All(read => Equals(read(this), read(other)));

    /// <summary>A copy of every field (the service list is shared), kept by the queue engine to undo an action that fails half-way.</summary>
    public Counter Copy() => (Counter)MemberwiseClone();

    /// <summary>The pause reason shown on the dashboard when the officer signed out of an open counter.</summary>
    public const string SignedOutReason = "Cán bộ đã đăng xuất";

    public void Open(DateTime now) => Set(CounterState.Open, null, now);

    public void Pause(string reason, DateTime now)
    {
        if (State == CounterState.Closed)
        {
            throw new DomainException(Errors.CounterClosed);
        }

        Set(CounterState.Paused, reason, now);
    }

    public void Resume(DateTime now)
    {
        if (State != CounterState.Paused)
        {
            throw new DomainException(Errors.CounterNotPaused);
        }

        Set(CounterState.Open, null, now);
    }

    public void Close(DateTime now) => Set(CounterState.Closed, null, now);

    public void EnsureCanCall()
    {
        if (State != CounterState.Open)
        {
            throw new DomainException(State == CounterState.Paused ? Errors.CounterPaused : Errors.CounterClosed);
        }
    }

    private void Set(CounterState state, string? reason, DateTime now)
    {
        State = state;
        PauseReason = reason;
        StateChangedAt = now;
    }
}

/// <summary>A service a counter serves: lower Order is called first; among equal orders, a higher Weight makes waiting count more.</summary>
public sealed class CounterService
{
    public Guid CounterId { get; set; }

    public Guid ServiceId { get; set; }

    public int Order { get; set; }

    public int Weight { get; set; } = 1;
}
