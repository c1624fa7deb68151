using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Printing.Status;

namespace QueueKiosk.Devices.Printing.Queue;

/// <summary>
/// Prints queued jobs one at a time, in order, and polls the printer's status meanwhile.
///
/// Delivery is at-least-once. A job is marked printed (fsynced) only after its bytes were
/// written and flushed and the next status check said the printer is fine. If the printer
/// stops with the job inside it (paper out, cover open) while the link stays up, the job is
/// not sent again: printers keep their buffer and finish it once the paper is back. If the link
/// drops after the bytes left us (cable pulled mid-job), we cannot know how much came out, so
/// the job is sent again after reconnecting: a citizen may get a torn ticket and a whole one
/// with the same number, never none. A crash between the OK check and the fsync of the printed
/// record (a few milliseconds) likewise reprints one ticket after restart.
/// </summary>
public sealed class TicketPrintQueue : BackgroundService, ITicketPrintQueue
{
    private readonly PrinterConnection _printer;
    private readonly PrintQueueOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _sync = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly LinkedList<PrintJob> _pending = new();
    private PrintJournal? _journal;
    private long _nextSequence;
    private PrintJob? _current;
    private PrintJob? _lastPrinted;
    private DateTimeOffset? _lastPrintedAt;
    private string? _lastError;
    private bool _crashed;

    public TicketPrintQueue(PrinterConnection printer, PrintQueueOptions options, ILogger<TicketPrintQueue>? logger = null)
    {
        _printer = printer;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _printer.StatusChanged += OnPrinterStatusChanged;
    }

    public event EventHandler<PrintQueueState>? StateChanged;

    public event EventHandler<PrintJobInfo>? JobPrinted;

    public PrinterConnection Printer => _printer;

    public PrintQueueState State
    {
        get
        {
            lock (_sync)
            {
                return new PrintQueueState(
                    _pending.Count,
                    _current?.Info,
                    _printer.Status,
                    _lastError,
                    _lastPrinted?.Info,
                    _lastPrintedAt);
            }
        }
    }

    public async Task<PrintJobInfo> EnqueueAsync(ReadOnlyMemory<byte> job, string? label = null, CancellationToken cancellationToken = default)
    {
        if (job.IsEmpty)
        {
            throw new ArgumentException("Lệnh in rỗng (empty print job).", nameof(job));
        }

        var data = job.ToArray();
        var info = await Task.Run(
            () =>
            {
                lock (_sync)
                {
                    var journal = OpenJournal();
                    var entry = new PrintJob(Guid.NewGuid(), _nextSequence++, DateTimeOffset.UtcNow, label, data);
                    journal.AppendQueued(entry);
                    _pending.AddLast(entry);
                    return entry.Info;
                }
            },
            cancellationToken);
        _logger.LogInformation("Print job {Sequence} ({Label}, {Length} bytes) queued", info.Sequence, info.Label, info.Length);
        Wake();
        RaiseStateChanged();
        return info;
    }

    public Task<PrintJobInfo?> ReprintLastAsync(CancellationToken cancellationToken = default)
    {
        PrintJob? last;
        lock (_sync)
        {
            OpenJournal();
            last = _lastPrinted;
        }

        return last is null
            ? Task.FromResult<PrintJobInfo?>(null)
            : ReprintAsync(last, cancellationToken);
    }

    public override void Dispose()
    {
        _printer.StatusChanged -= OnPrinterStatusChanged;
        lock (_sync)
        {
            _journal?.Dispose();
            _journal = null;
        }

        base.Dispose();
    }

    /// <summary>
    /// For tests: stops like a killed process would, without any further write. Every record
    /// already appended is on disk (each append is fsynced), so this is what a SIGKILL leaves.
    /// </summary>
    internal void SimulateCrash()
    {
        lock (_sync)
        {
            _crashed = true;
            _journal?.Dispose();
            _journal = null;
        }

        _printer.StatusChanged -= OnPrinterStatusChanged;
    }

    /// <summary>Opens the journal before returning, so a locked or unwritable journal stops start-up
    /// and <see cref="State"/> counts recovered jobs at once.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            OpenJournal();
        }

        RaiseStateChanged();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var polling = _printer.RunPollingAsync(stoppingToken);
        var delay = _options.RetryInitialDelay;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var job = Head();
                if (job is null)
                {
                    await WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
                    continue;
                }

                SetCurrent(job, error: null);
                if (await TryPrintAsync(job, stoppingToken))
                {
                    delay = _options.RetryInitialDelay;
                    continue;
                }

                await WaitAsync(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.RetryMaxDelay.Ticks));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping; unprinted jobs stay in the journal
        }
        finally
        {
            await polling;
            SetCurrent(null, _lastError);
        }
    }

    private async Task<PrintJobInfo?> ReprintAsync(PrintJob last, CancellationToken cancellationToken)
    {
        var label = last.Label is null ? "in lại (reprint)" : $"{last.Label} - in lại (reprint)";
        return await EnqueueAsync(last.Data, label, cancellationToken);
    }

    /// <summary>True when the job was printed and marked; false when it must wait and be tried again.</summary>
    private async Task<bool> TryPrintAsync(PrintJob job, CancellationToken cancellationToken)
    {
        var before = await _printer.CheckStatusAsync(cancellationToken);
        if (!before.CanPrint())
        {
            SetCurrent(job, before.Describe(PrinterStatusExtensions.OfficeLanguage));
            return false;
        }

        PrinterStatus after;
        try
        {
            after = await _printer.SendJobAsync(job.Data, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or TimeoutException)
        {
            _logger.LogWarning("Print job {Sequence} not sent: {Error}", job.Sequence, ex.Message);
            SetCurrent(job, $"{PrinterStatus.Disconnected.Describe(PrinterStatusExtensions.OfficeLanguage)}: {ex.Message}");
            return false;
        }

        // The bytes are in the printer now. Only a dropped link makes us send them again.
        var delay = _options.RetryInitialDelay;
        while (!after.CanPrint())
        {
            if (after.HasFlag(PrinterStatus.Disconnected))
            {
                _logger.LogWarning("Print job {Sequence}: link lost after sending; it will be sent again", job.Sequence);
                SetCurrent(job, after.Describe(PrinterStatusExtensions.OfficeLanguage));
                return false;
            }

            SetCurrent(job, $"{after.Describe(PrinterStatusExtensions.OfficeLanguage)} - đang chờ in xong số đã gửi");
            await WaitAsync(delay, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.RetryMaxDelay.Ticks));
            after = await _printer.CheckStatusAsync(cancellationToken);
        }

        MarkPrinted(job);
        return true;
    }

    private void MarkPrinted(PrintJob job)
    {
        lock (_sync)
        {
            if (_crashed)
            {
                return;
            }

            var printedAt = DateTimeOffset.UtcNow;
            var journal = OpenJournal();
            journal.AppendPrinted(job.Id, printedAt);
            _pending.Remove(job);
            _lastPrinted = job;
            _lastPrintedAt = printedAt;
            _current = null;
            _lastError = null;
            if (_pending.Count == 0 && journal.Length > _options.CompactAfterBytes)
            {
                // Reopening compacts: with nothing pending only the last printed job is kept.
                journal.Dispose();
                _journal = null;
                OpenJournal();
            }
        }

        _logger.LogInformation("Print job {Sequence} ({Label}) printed", job.Sequence, job.Label);
        JobPrinted?.Invoke(this, job.Info);
        RaiseStateChanged();
    }

    private PrintJob? Head()
    {
        lock (_sync)
        {
            return _crashed ? null : _pending.First?.Value;
        }
    }

    private void SetCurrent(PrintJob? job, string? error)
    {
        lock (_sync)
        {
            if (ReferenceEquals(_current, job) && _lastError == error)
            {
                return;
            }

            _current = job;
            _lastError = error;
        }

        RaiseStateChanged();
    }

    private PrintJournal OpenJournal()
    {
        if (_crashed)
        {
            throw new ObjectDisposedException(nameof(TicketPrintQueue));
        }

        if (_journal is not null)
        {
            return _journal;
        }

        try
        {
            _journal = PrintJournal.Open(_options.JournalPath);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new IOException($"{_options.JournalPath}: không ghi được tệp hàng đợi in (cannot write the print queue journal): {ex.Message}", ex);
        }

        if (_journal.SkippedLines > 0)
        {
            _logger.LogWarning("{Path}: skipped {Count} unreadable journal lines", _journal.Path, _journal.SkippedLines);
        }

        foreach (var job in _journal.Pending)
        {
            _pending.AddLast(job);
        }

        _lastPrinted = _journal.LastPrinted;
        _nextSequence = _journal.NextSequence;
        if (_journal.Pending.Count > 0)
        {
            _logger.LogInformation("{Count} print jobs recovered from {Path}", _journal.Pending.Count, _journal.Path);
        }

        return _journal;
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        await _wake.WaitAsync(delay, cancellationToken);

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
    }

    private void OnPrinterStatusChanged(object? sender, PrinterStatusChangedEventArgs e)
    {
        if (e.Current.CanPrint())
        {
            Wake();
        }

        RaiseStateChanged();
    }

    private void RaiseStateChanged() => StateChanged?.Invoke(this, State);
}
