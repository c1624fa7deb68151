using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace QueueKiosk.Devices.Voice;

/// <summary>
/// Calls are said one after another, never over each other: a single consumer makes each call's
/// WAV, publishes it, and (when <c>waitForPlayback</c>) waits for the length of the audio plus a gap
/// before publishing the next. Calls that queued up meanwhile (three counters calling within a
/// second) are said together in one sentence, once, up to <see cref="MaxGroup"/> of them, so no
/// call is heard much later than it was made. Listeners (the host pushing to hall pages) subscribe
/// to <see cref="Published"/>; the audio is in <see cref="Store"/>.
/// </summary>
public sealed class AnnouncementQueue : BackgroundService
{
    public const int MaxQueued = 100;

    /// <summary>Most calls said in one sentence: beyond four a listener loses track.</summary>
    public const int MaxGroup = 4;
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
            // The calls that queued up while the previous one was being said go out together.
            var group = new List<Announcement> { queued };
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var more))
            {
                group.Add(more);
            }

            if (!await SayAsync(group, stoppingToken) && group.Count > 1)
            {
                // One call the voice cannot say must not silence the others: each on its own.
                foreach (var one in group)
                {
                    await SayAsync([one], stoppingToken);
                }
            }
        }
    }

    /// <summary>
    /// Makes the audio of the calls (one sentence for several), publishes it and waits for it to be
    /// played. False when the audio could not be made; a single call is then published as Failed.
    /// </summary>
    private async Task<bool> SayAsync(IReadOnlyList<Announcement> group, CancellationToken stoppingToken)
    {
        var leader = group[0];
        Announcement done;
        byte[]? wav = null;
        try
        {
            var (text, audio) = group.Count == 1
                ? await _composer.ComposeAsync(leader.TicketNumber, leader.Counter, stoppingToken)
                : await _composer.ComposeGroupAsync([.. group.Select(a => (a.TicketNumber, a.Counter))], stoppingToken);
            wav = WavFile.ToBytes(audio);
            done = leader with
            {
                Status = AnnouncementStatus.Published,
                Text = text,
                Duration = audio.Duration,
                PublishedAt = _time.GetUtcNow(),
                AlsoSays = [.. group.Skip(1).Select(a => a.Id)],
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            _logger.LogError(e, "Announcement {Id} for {Ticket} failed", leader.Id, leader.TicketNumber);
            if (group.Count > 1)
            {
                return false;
            }

            done = leader with { Status = AnnouncementStatus.Failed, Error = e.Message, PublishedAt = _time.GetUtcNow() };
        }

        Store.Put(done, wav);
        Publish(done);
        foreach (var member in group.Skip(1))
        {
            var said = member with { Status = done.Status, Text = done.Text, PublishedAt = done.PublishedAt, SaidWith = done.Id };
            Store.Put(said, null);
            Publish(said);
        }

        if (WaitForPlayback && done.Status == AnnouncementStatus.Published)
        {
            await Task.Delay(done.Duration + GapAfterPlayback, _time, stoppingToken);
        }

        return done.Status == AnnouncementStatus.Published;
    }

    private void Publish(Announcement announcement)
    {
        try
        {
            Published?.Invoke(announcement);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A broken listener must not stop the hall's voice.
            _logger.LogError(e, "A listener of announcement {Id} failed", announcement.Id);
        }
    }
}
