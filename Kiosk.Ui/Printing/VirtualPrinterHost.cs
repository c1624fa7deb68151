using QueueKiosk.Devices.Printing.Layout;
using QueueKiosk.Devices.Printing.Transports;
using QueueKiosk.Devices.Simulation;

namespace QueueKiosk.KioskUi.Printing;

/// <summary>
/// Demo mode (Printer:Transport=Virtual): what the print queue sends to the in-memory printer is
/// drawn by the virtual printer and saved as ticket-NNNN.png in Printer:VirtualOutputPath.
/// </summary>
public sealed class VirtualPrinterHost : IHostedService, IDisposable
{
    private readonly InMemoryPrinterTransport _transport;
    private readonly VirtualPrinter _printer;
    private readonly VirtualPrinterOutput _output;
    private readonly Lock _gate = new();

    public VirtualPrinterHost(InMemoryPrinterTransport transport, TicketRenderer renderer, PrinterProfile profile, string folder)
    {
        _transport = transport;
        _printer = new VirtualPrinter(renderer.RasterizerFor(profile), VirtualPrinterOptions.FromProfile(profile));
        _output = new VirtualPrinterOutput(_printer, folder);
        Folder = Path.GetFullPath(folder);
    }

    public string Folder { get; }

    public InMemoryPrinterTransport Transport => _transport;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _transport.DataWritten += OnData;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _transport.DataWritten -= OnData;
        return Task.CompletedTask;
    }

    public void Dispose() => _output.Dispose();

    private void OnData(object? sender, ReadOnlyMemory<byte> data)
    {
        // The virtual printer is single-writer; the queue writes from one task, but be safe.
        lock (_gate)
        {
            _printer.Write(data.Span);
        }
    }
}
