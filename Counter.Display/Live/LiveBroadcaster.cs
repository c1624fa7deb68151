using System.Text.Json;
using System.Threading.Channels;
using QueueKiosk.CounterDisplay.State;
using QueueKiosk.CounterDisplay.Voice;

namespace QueueKiosk.CounterDisplay.Live;

/// <summary>One server-sent event: its name and JSON data.</summary>
public sealed record LiveMessage(string Event, string Data);

/// <summary>
/// Fans display changes and announcements out to every open page. Each page gets its own
/// bounded queue so one slow browser never holds up the others or the hub connection.
/// </summary>
public sealed class LiveBroadcaster
{
    private static readonly JsonSerializerOptions Json = LiveJson.Options;

    private readonly Lock _gate = new();
    private readonly List<Channel<LiveMessage>> _subscribers = [];

    public LiveBroadcaster(DisplayState state, HallVoice announcements)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(announcements);
        state.Changed += view => Publish(StateMessage(view));
        announcements.Ready += a => Publish(new LiveMessage("announce", JsonSerializer.Serialize(a, Json)));
    }

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    public static LiveMessage StateMessage(HallView view) => new("state", JsonSerializer.Serialize(view, Json));

    /// <summary>A new page's queue; dispose the result when the page goes away.</summary>
    public Subscription Subscribe()
    {
        // 256 messages is minutes of a busy hall; a page that far behind loses the oldest, and the
        // newest "state" message alone is enough to draw it correctly again.
        var channel = Channel.CreateBounded<LiveMessage>(new BoundedChannelOptions(256)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        return new Subscription(channel.Reader, () =>
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        });
    }

    private void Publish(LiveMessage message)
    {
        lock (_gate)
        {
            foreach (var s in _subscribers)
            {
                s.Writer.TryWrite(message);
            }
        }
    }

    public sealed class Subscription(ChannelReader<LiveMessage> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<LiveMessage> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
