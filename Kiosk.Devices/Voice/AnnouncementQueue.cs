using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace QueueKiosk.Devices.Voice;

/// <summary>
/// Calls are said one after another, never over each other: a single consumer makes each call's
/// WAV, publishes it, and (when <c>waitForPlayback</c>) waits for the length of the audio plus a gap
/// before publishing the next. Listeners (the host pushing to hall pages) subscribe to
/// <see cref="Published"/>; the audio is in <see cref="Store"/>.
/// </summary>
public sealed class AnnouncementQueue : BackgroundService
{
    public const int MaxQueued = 100;
    private readonly AnnouncementComposer _composer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Announcement> _queue = Channel.CreateBounded<Announcement>(new BoundedChannelOptions(MaxQueued) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public AnnouncementQueue(AnnouncementComposer composer, AnnouncementStore store, bool waitForPlayback = true, TimeSpan? gapAfterPlayback = null, TimeProvider? timeProvider = null, ILogger<AnnouncementQueue>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(composer);
        ArgumentNullException.ThrowIfNull(store);
        _composer = composer;
        Store = store;
        WaitForPlayback = waitForPlayback;
        GapAfterPlayback = gapAfterPlayback ?? TimeSpan.FromMilliseconds(500);
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Raised on the consumer when an announcement's turn comes (also for failures, with Status Failed).</summary>
    public event Action<Announcement>? Published;

    public AnnouncementStore Store { get; }

    public bool WaitForPlayback { get; }

    public TimeSpan GapAfterPlayback { get; }

    /// <summary>Queues a call; returns at once with its id. Throws when 100 calls are already waiting.</summary>
    public Announcement Enqueue(string ticketNumber, string counter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticketNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(counter);
        var announcement = new Announcement
        {
            Id = Guid.NewGuid().ToString("N"),
            TicketNumber = ticketNumber,
            Counter = counter,
            EnqueuedAt = _time.GetUtcNow(),
            Text = _composer.TextFor(ticketNumber, counter),
        };
        if (!_queue.Writer.TryWrite(announcement))
        {
            throw new InvalidOperationException($"Hàng đợi lời gọi đã đầy ({MaxQueued}) / the announcement queue is full ({MaxQueued})");
        }

        Store.Put(announcement, null);
        return announcement;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Bounded by the host's lifetime: ends when stoppingToken fires.
        await foreach (var queued in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            Announcement done;
            byte[]? wav = null;
            try
            {
                var (text, audio) = await _composer.ComposeAsync(queued.TicketNumber, queued.Counter, stoppingToken);
                wav = WavFile.ToBytes(audio);
                done = queued with { Status = AnnouncementStatus.Published, Text = text, Duration = audio.Duration, PublishedAt = _time.GetUtcNow() };
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                _logger.LogError(e, "Announcement {Id} for {Ticket} failed", queued.Id, queued.TicketNumber);
                done = queued with { Status = AnnouncementStatus.Failed, Error = e.Message, PublishedAt = _time.GetUtcNow() };
            }

            Store.Put(done, wav);
            try
            {
                Published?.Invoke(done);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A broken listener must not stop the hall's voice.
                _logger.LogError(e, "A listener of announcement {Id} failed", done.Id);
            }

            if (WaitForPlayback && done.Status == AnnouncementStatus.Published)
            {
                await Task.Delay(done.Duration + GapAfterPlayback, _time, stoppingToken);
            }
        }
    }
}
