using System.Collections.Concurrent;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Realtime;
using QueueKiosk.HubClient.Realtime.Resync;
using QueueKiosk.HubClient.Rest;
using QueueKiosk.HubClient.Tests.Infrastructure;

namespace QueueKiosk.HubClient.Tests.Resync;

/// <summary>QueueFeed on a real hub, with the snapshot fetched over HTTP from the same Kestrel.</summary>
public sealed class QueueFeedTests : IAsyncLifetime
{
    private readonly Guid _siteId = Guid.NewGuid();
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly ConcurrentQueue<QueueSnapshotDto> _snapshots = new();
    private readonly ConcurrentQueue<(long? Last, long Received)> _gaps = new();
    private readonly HttpClient _http = new();
    private TestHubServer _server = null!;
    private SignalRHubConnection _connection = null!;
    private QueueFeed _feed = null!;

    public async Task InitializeAsync()
    {
        _server = await TestHubServer.StartAsync();

        // The queue already has history before this client starts.
        _server.Recorder.Sequence = 40;
        _http.BaseAddress = _server.BaseUrl;
        _connection = Clients.Create(_server.HubUrl);
        _feed = new QueueFeed(_connection, new DeviceApiClient(_http), new QueueFeedOptions { SiteId = _siteId });
        _feed.TicketCalled += e =>
        {
            _calls.Enqueue($"{e.Sequence}:{e.Ticket.Number}");
            return Task.CompletedTask;
        };
        _feed.SnapshotReceived += s =>
        {
            _snapshots.Enqueue(s);
            return Task.CompletedTask;
        };
        _feed.GapDetected += (last, received) => _gaps.Enqueue((last, received));
        await _connection.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _feed.Dispose();
        await _connection.DisposeAsync();
        await _server.DisposeAsync();
        _http.Dispose();
    }

    private async Task<long> CallAsync(string number, TestHubServer? server = null)
    {
        server ??= _server;
        var sequence = server.NextSequence();
        await server.SendToSiteAsync(_siteId, HubEvents.TicketCalled, TestData.Called(_siteId, sequence, number));
        return sequence;
    }

    [Fact]
    public async Task Connect_JoinsSiteAndTakesSnapshot_ThenAppliesEventsInSequence()
    {
        Assert.Equal([_siteId], _server.Recorder.SiteJoins);
        Assert.Equal(40, Assert.Single(_snapshots).LastSequence);
        Assert.Equal(40, _feed.LastSequence);

        await CallAsync("A001");
        await CallAsync("A002");

        await Eventually.True(() => _calls.Count == 2, "two calls");
        Assert.Equal(["41:A001", "42:A002"], _calls);
        Assert.Equal(42, _feed.LastSequence);
        Assert.Empty(_gaps);
        Assert.Equal(1, _feed.SnapshotCount);
    }

    [Fact]
    public async Task MissedEvent_GapDetected_SnapshotFetched_AndFeedCarriesOn()
    {
        await CallAsync("A001");
        _server.NextSequence(); // 42 is committed by the server but never reaches this client
        await CallAsync("A003"); // 43

        await Eventually.True(() => _snapshots.Count == 2, "a snapshot after the gap");
        Assert.Equal((41L, 43L), Assert.Single(_gaps));
        Assert.Equal(2, Volatile.Read(ref _server.Recorder.SnapshotRequests));
        Assert.Equal(43, _snapshots.Last().LastSequence);
        Assert.Equal(43, _feed.LastSequence);

        // 43 is already in the snapshot, so it is not raised as an event on top of it.
        Assert.Equal(["41:A001"], _calls);

        await CallAsync("A004");
        await Eventually.True(() => _calls.Count == 2, "the call after the gap");
        Assert.Equal(["41:A001", "44:A004"], _calls);
    }

    [Fact]
    public async Task DuplicateAndOldEvents_AreIgnored()
    {
        var sequence = await CallAsync("A001");
        await _server.SendToSiteAsync(_siteId, HubEvents.TicketCalled, TestData.Called(_siteId, sequence, "A001"));
        await _server.SendToSiteAsync(_siteId, HubEvents.TicketCalled, TestData.Called(_siteId, 12, "Z012"));
        await CallAsync("A002");

        await Eventually.True(() => _calls.Count == 2, "the second call");
        Assert.Equal(["41:A001", "42:A002"], _calls);
        Assert.Equal(2, _feed.StaleCount);
        Assert.Empty(_gaps);
    }

    [Fact]
    public async Task QueueStats_CarryTheLastSequence_AndAreAppliedWithoutAGap()
    {
        var stats = new ConcurrentQueue<QueueStatsEvent>();
        _feed.QueueStats += s =>
        {
            stats.Enqueue(s);
            return Task.CompletedTask;
        };

        var sequence = await CallAsync("A001");
        await _server.SendToSiteAsync(_siteId, HubEvents.QueueStats, new QueueStatsEvent(sequence, _siteId, [], TotalWaiting: 7));
        await CallAsync("A002");

        await Eventually.True(() => _calls.Count == 2 && !stats.IsEmpty, "the call, the stats and the next call");
        Assert.Equal(7, Assert.Single(stats).TotalWaiting);
        Assert.Empty(_gaps);
    }

    [Fact]
    public async Task QueueStatsAheadOfEvents_AreShown_WithoutSwallowingTheEventsInASnapshot()
    {
        var stats = new ConcurrentQueue<QueueStatsEvent>();
        _feed.QueueStats += s =>
        {
            stats.Enqueue(s);
            return Task.CompletedTask;
        };

        // The server counted 41 already, but the call itself is still on its way.
        await _server.SendToSiteAsync(_siteId, HubEvents.QueueStats, new QueueStatsEvent(41, _siteId, [], TotalWaiting: 3));
        await CallAsync("A001");

        await Eventually.True(() => _calls.Count == 1, "the call behind the stats");
        Assert.Equal(3, Assert.Single(stats).TotalWaiting);
        Assert.Equal(["41:A001"], _calls);
        Assert.Equal(1, _feed.SnapshotCount);
        Assert.Empty(_gaps);
    }

    [Fact]
    public async Task EventsOfAnotherSite_AreIgnored()
    {
        var otherSite = Guid.NewGuid();
        await _server.SendToSiteAsync(_siteId, HubEvents.TicketCalled, TestData.Called(otherSite, 99, "X999"));
        await CallAsync("A001");

        await Eventually.True(() => !_calls.IsEmpty, "the site's own call");
        Assert.Equal(["41:A001"], _calls);
        Assert.Empty(_gaps);
    }

    [Fact]
    public async Task HubRestart_RejoinsAndResyncs_ThenFollowsTheNewServer()
    {
        await CallAsync("A001");
        await Eventually.True(() => _calls.Count == 1, "the first call");
        var port = _server.Port;
        var sequence = _server.Recorder.Sequence;

        await _server.DisposeAsync();

        // Calls made while the hub was down (the database keeps counting) reach no client.
        _server = await TestHubServer.StartAsync(port, new HubRecorder { Sequence = sequence + 3 });

        // (The client may briefly reach the old server while it shuts down; it ends up on the new one.)
        await Eventually.True(
            () => _feed.LastSequence == sequence + 3 && _connection.State == HubConnectionState.Connected,
            "a snapshot from the restarted hub");
        Assert.Equal([_siteId], _server.Recorder.SiteJoins);
        Assert.True(_snapshots.Count >= 2);
        Assert.True(Volatile.Read(ref _server.Recorder.SnapshotRequests) >= 1);

        await CallAsync("A005");
        await Eventually.True(() => _calls.Count == 2, "a call after the restart");
        Assert.Equal($"{sequence + 4}:A005", _calls.Last());
        Assert.Empty(_gaps);
    }

    [Fact]
    public async Task SnapshotFailsAfterAGap_EventIsStillShown_AndTheNextEventResyncs()
    {
        var failNext = 1;
        var snapshots = 0;
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        var inner = new DeviceApiClient(http);
        var flaky = new DelegateSnapshotSource(async (siteId, ct) =>
        {
            Interlocked.Increment(ref snapshots);
            if (snapshots > 1 && Interlocked.Exchange(ref failNext, 0) == 1)
            {
                throw new HttpRequestException("hub REST API unreachable");
            }

            return await inner.GetSnapshotAsync(siteId, ct);
        });
        await using var connection = Clients.Create(_server.HubUrl);
        using var feed = new QueueFeed(connection, flaky, new QueueFeedOptions { SiteId = _siteId });
        var calls = new ConcurrentQueue<string>();
        feed.TicketCalled += e =>
        {
            calls.Enqueue(e.Ticket.Number);
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        Assert.Equal(1, feed.SnapshotCount);

        _server.NextSequence(); // missed
        await CallAsync("A002");
        await Eventually.True(() => calls.Contains("A002"), "the call after a failed snapshot");
        Assert.Equal(1, feed.SnapshotCount);

        await CallAsync("A003");
        await Eventually.True(() => feed.SnapshotCount == 2, "a resync on the next event");
        Assert.Equal(_server.Recorder.Sequence, feed.LastSequence);
    }

    [Fact]
    public async Task ExplicitResync_FetchesAndRaisesASnapshot()
    {
        _server.NextSequence();
        await _feed.ResyncAsync();

        Assert.Equal(2, _snapshots.Count);
        Assert.Equal(41, _feed.LastSequence);
        Assert.Same(_snapshots.Last(), _feed.LastSnapshot);
    }
}
