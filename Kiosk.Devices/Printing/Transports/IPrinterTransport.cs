namespace QueueKiosk.Devices.Printing.Transports;

/// <summary>
/// A byte pipe to a printer: TCP 9100, a serial port, the USB printer class file, or memory.
/// Every call is bounded in time. After a failure the transport closes itself and the next
/// <see cref="ConnectAsync"/> or <see cref="WriteAsync"/> opens it again, so callers simply retry.
/// Not thread-safe: one user at a time (PrinterConnection serialises jobs and status polls).
/// </summary>
public interface IPrinterTransport : IAsyncDisposable
{
    /// <summary>Where the printer is, for logs and the supervisor, e.g. "tcp://10.0.0.5:9100".</summary>
    string Description { get; }

    /// <summary>True when replies (DLE EOT status) can be read back; the USB class file cannot.</summary>
    bool CanRead { get; }

    bool IsConnected { get; }

    /// <summary>
    /// Bytes written but not yet taken in by the printer, where the link can tell (TCP: the
    /// socket's unacknowledged send queue); null when it cannot. Lets a long job's status check
    /// tell a slow printer (the number keeps falling) from a dead one.
    /// </summary>
    int? UnsentBytes { get; }

    /// <summary>Opens the connection if it is not open.</summary>
    /// <exception cref="IOException">The printer cannot be reached.</exception>
    /// <exception cref="TimeoutException">The connection attempt took too long.</exception>
    ValueTask ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>Sends every byte (connecting first if needed).</summary>
    /// <exception cref="IOException">The link failed; the transport is now closed.</exception>
    /// <exception cref="TimeoutException">The printer stopped accepting bytes; the transport is now closed.</exception>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>Waits until written bytes have left this machine where the link can tell (tcdrain on serial).</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads at least one byte of reply.</summary>
    /// <exception cref="NotSupportedException"><see cref="CanRead"/> is false.</exception>
    /// <exception cref="TimeoutException">Nothing arrived in time (the transport stays open).</exception>
    /// <exception cref="IOException">The link failed or the printer closed it; the transport is now closed.</exception>
    ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Drops reply bytes that arrived but were not read (e.g. late replies).</summary>
    void DiscardInput();

    /// <summary>Closes the link; the next write reconnects.</summary>
    ValueTask DisconnectAsync();
}
