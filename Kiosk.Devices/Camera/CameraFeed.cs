using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QueueKiosk.Devices.Processes;

namespace QueueKiosk.Devices.Camera;

/// <summary>
/// One camera: a single supervised ffmpeg process (hardware-docs/cameras.md) whose live JPEG preview is fanned
/// out to any number of viewers, whose recordings go to <see cref="Recordings"/>, and whose small
/// gray frames give <see cref="CameraHealth.MotionLevel"/> (<see cref="MotionListener"/>). This type
/// supervises: ffmpeg runs through <see cref="ProcessRunner"/> and is restarted with exponential
/// backoff when it exits or stalls; its stderr goes to <see cref="FfmpegErrorLog"/>, its preview
/// rate to <see cref="FrameRateMeter"/>. Dispose stops ffmpeg (SIGTERM, then kill of the whole tree).
/// </summary>
public sealed class CameraFeed : IAsyncDisposable
{
    private const int MaxRestartDelaysKept = 50;
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly CameraOptions _options;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly FrameFanout _preview = new();
    private readonly JpegFrameSplitter _splitter = new();
    private readonly RestartBackoff _backoff;
    private readonly MotionListener _motion;
    private readonly FfmpegErrorLog _errors = new();
    private readonly FrameRateMeter _frameRate;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();

    // Guarded by _gate.
    private readonly List<TimeSpan> _restartDelays = [];
    private CameraState _state = CameraState.Starting;
    private DateTimeOffset? _lastFrameUtc;
    private DateTimeOffset? _runFirstFrameUtc;
    private DateTimeOffset _runStartUtc;
    private string? _lastError;
    private DateTimeOffset? _lastErrorUtc;
    private string? _lastLoggedReason;
    private int _restartCount;
    private int? _processId;
    private TimeSpan? _nextRestartDelay;
    private FfmpegCommand? _command;
    private long _frameSequence;

    private Task? _supervisor;
    private int _disposed;

    public CameraFeed(CameraOptions options, ILogger<CameraFeed>? logger = null, TimeProvider? time = null)
    {
        _options = options;
        _log = logger ?? NullLogger<CameraFeed>.Instance;
        _time = time ?? TimeProvider.System;
        _backoff = new RestartBackoff(TimeSpan.FromSeconds(options.MinRestartDelaySeconds), TimeSpan.FromSeconds(options.MaxRestartDelaySeconds));
        Recordings = RecordingStore.For(options, _time);
        _frameRate = new FrameRateMeter(_time);
        _motion = new MotionListener(_time);
        _errors.Reason += line =>
        {
            lock (_gate)
            {
                _lastError = line;
                _lastErrorUtc = _time.GetUtcNow();
            }
        };
    }

    public string Id => _options.Id;

    public string Name => _options.Name;

    public CameraOptions Options => _options;

    /// <summary>Live preview: subscribe for MJPEG viewers, <see cref="FrameFanout.Latest"/> for snapshots.</summary>
    public FrameFanout Preview => _preview;

    /// <summary>
    /// The small gray frames (<see cref="MotionMeter.FrameWidth"/> x <see cref="MotionMeter.FrameHeight"/>,
    /// at <see cref="CameraOptions.AnalysisFps"/>) for camera analytics; one reader. Frames the reader
    /// has not taken are dropped, oldest first; the channel completes when the feed is disposed.
    /// </summary>
    public System.Threading.Channels.ChannelReader<Analytics.AnalysisFrame> AnalysisFrames => _motion.Frames;

    /// <summary>The camera's recordings; null when recording is off.</summary>
    public RecordingStore? Recordings { get; }

    /// <summary>Raised (on a background thread) when <see cref="CameraHealth.State"/> changes, e.g. for a "camera down" alert.</summary>
    public event Action<CameraHealth>? StateChanged;

    /// <summary>The ffmpeg process id while one runs.</summary>
    public int? ProcessId { get { lock (_gate) return _processId; } }

    /// <summary>The delays waited before each restart so far (the latest 50).</summary>
    public IReadOnlyList<TimeSpan> RestartDelays { get { lock (_gate) return [.. _restartDelays]; } }

    /// <summary>Lines ffmpeg wrote to stderr since start (none of them are logged one by one).</summary>
    public long StderrLineCount => _errors.LineCount;

    /// <summary>The last stderr lines, for a support page.</summary>
    public IReadOnlyList<string> RecentErrorLines => _errors.RecentLines;

    /// <summary>The command of the current or last ffmpeg run.</summary>
    public FfmpegCommand? Command { get { lock (_gate) return _command; } }

    public CameraHealth GetHealth()
    {
        var fps = _frameRate.Fps();
        lock (_gate)
        {
            return new CameraHealth(
                Id, Name, _state, _state == CameraState.Running ? fps : 0, _lastFrameUtc, _restartCount, _lastError, _lastErrorUtc,
                Math.Round(_motion.Level, 2), _processId,
                _state is CameraState.Restarting or CameraState.Failed ? _nextRestartDelay : null,
                _preview.ViewerCount, _command?.CommandLine);
        }
    }

    /// <summary>Starts supervising ffmpeg in the background. Idempotent.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        lock (_gate)
        {
            if (_supervisor is not null)
                return;
            _motion.Start();
            _supervisor = Task.Run(() => SuperviseAsync(_stop.Token));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _stop.CancelAsync();
        if (_supervisor is not null)
            await _supervisor;
        await _motion.DisposeAsync();
        SetState(CameraState.Stopped);
        _stop.Dispose();
    }

    private async Task SuperviseAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var outcome = await RunOnceAsync(stop);
            if (stop.IsCancellationRequested)
                break;

            if (outcome.Healthy)
                _backoff.Reset();
            var delay = outcome.CannotStart ? TimeSpan.FromSeconds(_options.MaxRestartDelaySeconds) : _backoff.NextDelay();
            lock (_gate)
            {
                _nextRestartDelay = delay;
                _restartDelays.Add(delay);
                if (_restartDelays.Count > MaxRestartDelaysKept)
                    _restartDelays.RemoveAt(0);
                _lastError = outcome.Reason;
                _lastErrorUtc = _time.GetUtcNow();
            }
            SetState(outcome.CannotStart ? CameraState.Failed : CameraState.Restarting);
            LogRestart(outcome.Reason, delay);

            try
            {
                await Task.Delay(delay, _time, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            lock (_gate)
                _restartCount++;
        }
    }

    private sealed record RunOutcome(string Reason, bool Healthy, bool CannotStart);

    private async Task<RunOutcome> RunOnceAsync(CancellationToken stop)
    {
        var command = FfmpegCommandBuilder.Build(_options, $"tcp://127.0.0.1:{_motion.Port}", FfmpegEncoders.HasLibx264(_options.FfmpegPath));
        lock (_gate)
            _command = command;
        ProcessRunner process;
        try
        {
            if (Recordings is not null)
                Directory.CreateDirectory(Recordings.Folder);
            process = ProcessRunner.Start(command);
        }
        catch (Exception ex) when (ex is ProcessStartException or IOException or UnauthorizedAccessException)
        {
            return new RunOutcome($"Không chạy được ffmpeg / cannot start ffmpeg ({command.FileName}): {(ex.InnerException ?? ex).Message}", Healthy: false, CannotStart: true);
        }

        using (process)
        {
            lock (_gate)
            {
                _processId = process.Id;
                _runStartUtc = _time.GetUtcNow();
                _runFirstFrameUtc = null;
            }
            _errors.StartRun();
            _frameRate.StartRun();
            SetState(CameraState.Starting);
            _splitter.Reset();
            _log.LogInformation("Camera {CameraId}: ffmpeg pid {Pid} started: {CommandLine}", Id, process.Id, process.CommandLine);

            // The readers stop at end of file, after ffmpeg's last words: cancelling them at its exit
            // could lose the very line that says why it stopped.
            using var readersGiveUp = new CancellationTokenSource();
            using var watchdogEnd = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var previewReader = ReadPreviewAsync(process.StandardOutput, readersGiveUp.Token);
            var errorReader = _errors.ReadAsync(process.StandardError, readersGiveUp.Token);
            var watchdog = WatchForStallAsync(process, watchdogEnd.Token);

            try
            {
                await process.WaitForExitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                await process.StopAsync(StopGrace);
            }

            await watchdogEnd.CancelAsync();
            var stalled = await watchdog;
            try
            {
                // stdout/stderr end by themselves once ffmpeg is gone; the timeout covers a stray child holding them.
                await Task.WhenAll(previewReader, errorReader).WaitAsync(StopGrace, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                await readersGiveUp.CancelAsync();
            }

            var exitCode = process.HasExited ? process.ExitCode : -1;
            var runError = _errors.RunError;
            lock (_gate)
            {
                _processId = null;
                var ranHealthy = _runFirstFrameUtc is { } first && _time.GetUtcNow() - first >= TimeSpan.FromSeconds(_options.StableRunSeconds);
                var reason = stalled
                    ? $"Không có hình trong {_options.StallSeconds:0.#} giây / no frame for {_options.StallSeconds:0.#} s" + (runError is null ? "" : ": " + runError)
                    : runError ?? string.Create(CultureInfo.InvariantCulture, $"ffmpeg dừng (mã {exitCode}) / ffmpeg exited with code {exitCode}");
                return new RunOutcome(reason, ranHealthy, CannotStart: false);
            }
        }
    }

    /// <summary>Returns true when it had to stop ffmpeg because no frame arrived for StallSeconds.</summary>
    private async Task<bool> WatchForStallAsync(ProcessRunner process, CancellationToken runEnd)
    {
        var limit = TimeSpan.FromSeconds(_options.StallSeconds);
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(1, _options.StallSeconds / 4)), _time, runEnd);
                DateTimeOffset since;
                lock (_gate)
                    since = _lastFrameUtc is { } last && last > _runStartUtc ? last : _runStartUtc;
                if (_time.GetUtcNow() - since > limit)
                {
                    await process.StopAsync(StopGrace);
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ReadPreviewAsync(Stream stdout, CancellationToken runEnd)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var n = await stdout.ReadAsync(buffer, runEnd);
                if (n == 0)
                    return;
                _splitter.Push(buffer.AsSpan(0, n), OnJpeg);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    private void OnJpeg(byte[] jpeg)
    {
        var now = _time.GetUtcNow();
        var frame = new JpegFrame(Interlocked.Increment(ref _frameSequence), now, jpeg);
        bool becameRunning;
        lock (_gate)
        {
            _lastFrameUtc = now;
            _runFirstFrameUtc ??= now;
            becameRunning = _state != CameraState.Running;
        }
        _frameRate.Frame(now);
        _preview.Publish(frame);
        if (becameRunning)
            SetState(CameraState.Running);
    }

    private void LogRestart(string reason, TimeSpan delay)
    {
        // One line per restart, i.e. at most one per backoff period: a camera that stays down
        // is logged ever more rarely, and ffmpeg's stderr is never copied line by line.
        int restarts;
        bool repeated;
        lock (_gate)
        {
            restarts = _restartCount;
            repeated = reason == _lastLoggedReason;
            _lastLoggedReason = reason;
        }
        if (repeated)
            _log.LogInformation("Camera {CameraId}: still failing ({Reason}); restart {Restart} in {Delay}", Id, reason, restarts + 1, delay);
        else
            _log.LogWarning("Camera {CameraId}: ffmpeg stopped: {Reason}; restart {Restart} in {Delay}", Id, reason, restarts + 1, delay);
    }

    private void SetState(CameraState state)
    {
        bool changed;
        lock (_gate)
        {
            changed = _state != state;
            _state = state;
        }
        if (!changed || StateChanged is not { } handlers)
            return;
        try
        {
            handlers(GetHealth());
        }
#pragma warning disable CA1031 // a subscriber's bug must not stop the supervision loop
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.LogError(ex, "Camera {CameraId}: a StateChanged handler failed", Id);
        }
    }
}
