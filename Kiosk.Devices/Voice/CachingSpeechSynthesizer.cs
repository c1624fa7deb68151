namespace QueueKiosk.Devices.Voice;

/// <summary>
/// Remembers the audio of recent sentences: a recall says the same sentence again, and
/// synthesis is the slow part of a call. Failures are not remembered.
/// </summary>
public sealed class CachingSpeechSynthesizer : ISpeechSynthesizer
{
    private readonly ISpeechSynthesizer _inner;
    private readonly int _capacity;
    private readonly Dictionary<string, Task<PcmAudio>> _cache = new(StringComparer.Ordinal);
    private readonly Queue<string> _insertionOrder = new();
    private readonly Lock _lock = new();

    public CachingSpeechSynthesizer(ISpeechSynthesizer inner, int capacity = 200)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _inner = inner;
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _cache.Count;
            }
        }
    }

    public async Task<PcmAudio> SynthesizeAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var key = text.Normalize(System.Text.NormalizationForm.FormC);
        Task<PcmAudio> task;
        lock (_lock)
        {
            if (!_cache.TryGetValue(key, out task!))
            {
                // Not tied to one caller's token: a cancelled caller must not poison the entry.
                task = _inner.SynthesizeAsync(key, CancellationToken.None);
                _cache[key] = task;
                _insertionOrder.Enqueue(key);
                while (_cache.Count > _capacity && _insertionOrder.TryDequeue(out var oldest))
                {
                    _cache.Remove(oldest);
                }
            }
        }

        try
        {
            return await task.WaitAsync(cancellationToken);
        }
        catch (Exception) when (task.IsFaulted || task.IsCanceled)
        {
            lock (_lock)
            {
                if (_cache.TryGetValue(key, out var current) && current == task)
                {
                    _cache.Remove(key);
                }
            }

            throw;
        }
    }
}
