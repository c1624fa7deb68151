using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Printing.Transports;

namespace QueueKiosk.Devices.Printing.Status;

/// <summary>
/// The one path to a printer: jobs and status polls go through a single gate, so a DLE EOT
/// request is never sent in the middle of a job's bytes (where it would corrupt raster data).
/// Keeps the last known status and raises <see cref="StatusChanged"/> when it changes. Any
/// transport failure or unanswered poll makes the status Disconnected and closes the link, so
/// the next attempt reconnects.
/// </summary>
public sealed class PrinterConnection : IAsyncDisposable
{
    private static readonly StatusRequest[] Requests = [StatusRequest.Printer, StatusRequest.OfflineCause, StatusRequest.PaperSensor];
    private const int MaxStrayBytesPerReply = 16;

    private readonly IPrinterTransport _transport;
    private readonly PrinterStatusOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _status = (int)PrinterStatus.None;

    public PrinterConnection(IPrinterTransport transport, PrinterStatusOptions? options = null, ILogger<PrinterConnection>? logger = null)
    {
        _transport = transport;
        _options = options ?? new PrinterStatusOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Raised outside the gate, on the thread that noticed the change. Handlers must not block.</summary>
    public event EventHandler<PrinterStatusChangedEventArgs>? StatusChanged;

    /// <summary>The last known status; <see cref="PrinterStatus.None"/> before the first check.</summary>
    public PrinterStatus Status => (PrinterStatus)Volatile.Read(ref _status);

    public string Description => _transport.Description;

    /// <summary>False for write-only transports (USB class file): status then means "accepts bytes".</summary>
    public bool CanReadStatus => _transport.CanRead;

    /// <summary>Asks the printer (DLE EOT 1, 2, 4) and updates <see cref="Status"/>.</summary>
    public Task<PrinterStatus> CheckStatusAsync(CancellationToken cancellationToken = default) =>
        CheckStatusAsync(_options.ReplyTimeout, cancellationToken);

    /// <summary>
    /// Sends a whole job, flushes it, and asks for the status, all in one turn of the gate so no
    /// other poll can slip in while the job's bytes are still on their way. The first reply
    /// queues behind the job inside the printer, so it is allowed the time the printer needs to
    /// take the job in (up to ReplyTimeout + length / MinBytesPerSecond, and only while it keeps
    /// taking bytes where the transport can tell).
    /// </summary>
    /// <returns>The status after the job; Disconnected when no reply came.</returns>
    /// <exception cref="IOException">The job could not be sent (status becomes Disconnected).</exception>
    /// <exception cref="TimeoutException">The printer stopped taking bytes (status becomes Disconnected).</exception>
    public async Task<PrinterStatus> SendJobAsync(ReadOnlyMemory<byte> job, CancellationToken cancellationToken = default)
    {
        var allowance = TimeSpan.FromSeconds((double)job.Length / Math.Max(1, _options.MinBytesPerSecond));
        PrinterStatus status;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            try
            {
                await WriteWatchingProgressAsync(job, cancellationToken);
                await _transport.FlushAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or TimeoutException)
            {
                await MarkDisconnectedAsync(ex);
                throw;
            }

            try
            {
                status = await QueryAsync(_options.ReplyTimeout + allowance, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or TimeoutException)
            {
                await MarkDisconnectedAsync(ex);
                return PrinterStatus.Disconnected;
            }
        }
        finally
        {
            _gate.Release();
        }

        SetStatus(status, null);
        return status;
    }

    /// <summary>
    /// Writes a job while watching that the printer keeps taking bytes: a printer that stops
    /// (cable pulled, RTS/CTS held) is reported Disconnected after ReplyTimeout without waiting
    /// for the write timeout. Where progress cannot be seen the write timeout alone decides.
    /// </summary>
    private async Task WriteWatchingProgressAsync(ReadOnlyMemory<byte> job, CancellationToken cancellationToken)
    {
        var write = _transport.WriteAsync(job, cancellationToken).AsTask();
        int? unsent = null;
        while (await Task.WhenAny(write, Task.Delay(_options.ReplyTimeout, cancellationToken)) != write)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var nowUnsent = _transport.UnsentBytes;
            if (nowUnsent is not null && unsent is not null && nowUnsent >= unsent)
            {
                SetStatus(PrinterStatus.Disconnected, "máy in không nhận thêm dữ liệu (printer stopped taking bytes)");
            }

            unsent = nowUnsent;
        }

        await write;
    }

    /// <summary>Polls every <see cref="PrinterStatusOptions.PollInterval"/> until cancelled.</summary>
    public async Task RunPollingAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval);
        try
        {
            do
            {
                await CheckStatusAsync(cancellationToken);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await _transport.DisposeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<PrinterStatus> CheckStatusAsync(TimeSpan firstReplyTimeout, CancellationToken cancellationToken)
    {
        PrinterStatus status;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            status = await QueryAsync(firstReplyTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or TimeoutException)
        {
            await MarkDisconnectedAsync(ex);
            return PrinterStatus.Disconnected;
        }
        finally
        {
            _gate.Release();
        }

        SetStatus(status, null);
        return status;
    }

    /// <param name="firstReplyBudget">How long the first reply may take in total (after a job).
    /// The status turns Disconnected after each ReplyTimeout in which the printer took no bytes,
    /// so a link that dies during a long job is reported as fast as an idle one.</param>
    private async Task<PrinterStatus> QueryAsync(TimeSpan firstReplyBudget, CancellationToken cancellationToken)
    {
        await _transport.ConnectAsync(cancellationToken);
        if (!_transport.CanRead)
        {
            return PrinterStatus.Online; // present and accepting bytes is all the USB class file tells
        }

        _transport.DiscardInput();
        var replies = new List<(StatusRequest, byte)>(Requests.Length);
        var budget = firstReplyBudget;
        foreach (var request in Requests)
        {
            await _transport.WriteAsync(EscPosCommands.RequestStatus(request), cancellationToken);
            await _transport.FlushAsync(cancellationToken);
            replies.Add((request, await ReadReplyAsync(request, budget, cancellationToken)));
            budget = _options.ReplyTimeout;
        }

        return PrinterStatusBits.Combine(replies);
    }

    private async Task<byte> ReadReplyAsync(StatusRequest request, TimeSpan budget, CancellationToken cancellationToken)
    {
        var buffer = new byte[1];
        var deadline = DateTime.UtcNow + budget;
        var unsent = _transport.UnsentBytes;
        var strayBytes = 0;
        while (true)
        {
            try
            {
                await _transport.ReadAsync(buffer, _options.ReplyTimeout, cancellationToken);
            }
            catch (TimeoutException ex)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw;
                }

                // Still inside a long job's budget. If the printer is not even taking bytes any
                // more, say Disconnected now (the kiosk must know within 2 s) but keep waiting:
                // a late reply means the job is fine and must not be sent twice.
                var nowUnsent = _transport.UnsentBytes;
                if (nowUnsent is null || unsent is null || nowUnsent >= unsent)
                {
                    SetStatus(PrinterStatus.Disconnected, $"{ex.Message} (vẫn chờ máy in trả lời sau lệnh in; still waiting for the reply after a job)");
                }

                unsent = nowUnsent;
                continue;
            }

            if (PrinterStatusBits.IsStatusReply(buffer[0]))
            {
                return buffer[0];
            }

            _logger.LogDebug("{Printer}: skipped byte 0x{Byte:X2} while waiting for DLE EOT {Request}", _transport.Description, buffer[0], request);
            if (++strayBytes >= MaxStrayBytesPerReply)
            {
                throw new IOException($"{_transport.Description}: máy in trả lời không đúng giao thức (no valid status reply to DLE EOT {(byte)request}).");
            }
        }
    }

    private async Task MarkDisconnectedAsync(Exception cause)
    {
        try
        {
            // Closing drops any late reply, so it cannot be taken for the answer to a later poll.
            await _transport.DisconnectAsync();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            _logger.LogDebug(ex, "{Printer}: error while closing a failed link", _transport.Description);
        }

        SetStatus(PrinterStatus.Disconnected, cause.Message);
    }

    private void SetStatus(PrinterStatus status, string? detail)
    {
        var previous = Interlocked.Exchange(ref _status, (int)status);
        if ((PrinterStatus)previous == status)
        {
            return;
        }

        _logger.LogInformation("{Printer}: {Previous} -> {Current} {Detail}", _transport.Description, (PrinterStatus)previous, status, detail);
        StatusChanged?.Invoke(this, new PrinterStatusChangedEventArgs((PrinterStatus)previous, status, detail));
    }
}
