using System.Collections.Concurrent;
using System.Threading.Channels;
using QueueKiosk.CounterDisplay.State;

namespace QueueKiosk.CounterDisplay.Voice;

/// <summary>
/// Takes calls in the order they happen, renders their audio one at a time and hands each to
/// the pages (<see cref="Ready"/>); the page plays them in that order, so two never overlap.
/// Keeps the last clips so a page can fetch the audio by id.
/// </summary>
public sealed partial class AnnouncementQueue : BackgroundService
{
    private const int ClipsKept = 32;

    private readonly IAnnouncementComposer composer;
    private readonly ILogger<AnnouncementQueue> logger;
    private readonly Channel<CallAnnouncement> calls = Channel.CreateBounded<CallAnnouncement>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly ConcurrentDictionary<Guid, AnnouncementAudio> clips = new();
    private readonly ConcurrentQueue<Guid> clipOrder = new();

    public AnnouncementQueue(DisplayState state, IAnnouncementComposer composer, ILogger<AnnouncementQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(state);
        this.composer = composer;
        this.logger = logger;
        state.Announced += call => calls.Writer.TryWrite(call);
    }

    public event Action<Announcement>? Ready;

    public AnnouncementAudio? FindAudio(Guid id) => clips.TryGetValue(id, out var audio) ? audio : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var call in calls.Reader.ReadAllAsync(stoppingToken))
            {
                Ready?.Invoke(await PrepareAsync(call, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<Announcement> PrepareAsync(CallAnnouncement call, CancellationToken stoppingToken)
    {
        var id = Guid.NewGuid();
        var text = composer.ComposeText(call);
        string? url = null;
        try
        {
            var audio = await composer.RenderAsync(text, stoppingToken);
            if (audio is not null)
            {
                Keep(id, audio);
                url = $"/audio/{id:N}";
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The number still shows on every screen; only the voice is missing.
            LogRenderFailed(logger, call.TicketNumber, ex.Message);
        }

        return new Announcement(id, call.TicketNumber, call.CounterNumber, call.IsRecall, text, url);
    }

    private void Keep(Guid id, AnnouncementAudio audio)
    {
        clips[id] = audio;
        clipOrder.Enqueue(id);
        while (clipOrder.Count > ClipsKept && clipOrder.TryDequeue(out var old))
        {
            clips.TryRemove(old, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No audio for ticket {Ticket}: {Error}")]
    private static partial void LogRenderFailed(ILogger logger, string ticket, string error);
}
