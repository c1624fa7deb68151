using System.Globalization;
using Microsoft.Extensions.Options;
using QueueKiosk.CounterDisplay.State;
using QueueKiosk.Devices.Voice;

namespace QueueKiosk.CounterDisplay.Voice;

/// <summary>
/// Hands every live call to Kiosk.Devices' announcement queue (which makes the audio and lets
/// calls out one at a time, never over each other) and tells the pages when each one's turn
/// comes (<see cref="Ready"/>); the pages fetch the WAV from <see cref="VoiceEndpoints.WavPath"/>.
/// </summary>
public sealed partial class HallVoice
{
    private readonly AnnouncementQueue? _queue;
    private readonly AnnouncementComposer _composer;
    private readonly ILogger<HallVoice> _logger;
    private readonly Dictionary<string, CallAnnouncement> _pending = [];

    public HallVoice(DisplayState state, AnnouncementComposer composer, IOptions<VoiceOptions> options, ILogger<HallVoice> logger, AnnouncementQueue? queue = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        _composer = composer;
        _logger = logger;
        _queue = options.Value.Enabled ? queue : null;
        if (_queue is not null)
        {
            _queue.Published += OnPublished;
        }

        state.Announced += OnCall;
    }

    public event Action<HallAnnouncement>? Ready;

    private void OnCall(CallAnnouncement call)
    {
        var counter = call.CounterNumber.ToString(CultureInfo.InvariantCulture);
        if (_queue is null)
        {
            Ready?.Invoke(new HallAnnouncement(Guid.NewGuid().ToString("N"), call.TicketNumber, call.CounterNumber, call.IsRecall,
                _composer.TextFor(call.TicketNumber, counter), null, null));
            return;
        }

        try
        {
            lock (_pending)
            {
                _pending[_queue.Enqueue(call.TicketNumber, counter).Id] = call;
            }
        }
        catch (InvalidOperationException ex)
        {
            // Queue full (a hundred calls unsaid): the screens still show every call.
            LogQueueFull(_logger, call.TicketNumber, ex.Message);
        }
    }

    private void OnPublished(Announcement a)
    {
        CallAnnouncement? call;
        lock (_pending)
        {
            _pending.Remove(a.Id, out call);
        }

        var ok = a.Status == AnnouncementStatus.Published;
        Ready?.Invoke(new HallAnnouncement(
            a.Id,
            a.TicketNumber,
            call?.CounterNumber ?? int.Parse(a.Counter, CultureInfo.InvariantCulture),
            call?.IsRecall ?? false,
            a.Text ?? "",
            ok && a.SaidWith is null ? VoiceEndpoints.WavPath(a.Id) : null,
            a.Error,
            a.SaidWith));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {Ticket} not spoken: {Error}")]
    private static partial void LogQueueFull(ILogger logger, string ticket, string error);
}
