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
    private readonly InMemoryPrinterTransport transport;
    private readonly VirtualPrinter printer;
    private readonly VirtualPrinterOutput output;
    private readonly Lock gate = new();

    public VirtualPrinterHost(InMemoryPrinterTransport transport, TicketRenderer renderer, PrinterProfile profile, string folder)
    {
        this.transport = transport;
        printer = new VirtualPrinter(renderer.RasterizerFor(profile), VirtualPrinterOptions.FromProfile(profile));
        output = new VirtualPrinterOutput(printer, folder);
        Folder = Path.GetFullPath(folder);
    }

    public string Folder { get; }

    public InMemoryPrinterTransport Transport => transport;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        transport.DataWritten += OnData;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        transport.DataWritten -= OnData;
        return Task.CompletedTask;
    }

    public void Dispose() => output.Dispose();

    private void OnData(object? sender, ReadOnlyMemory<byte> data)
    {
        // The virtual printer is single-writer; the queue writes from one task, but be safe.
        lock (gate)
        {
            printer.Write(data.Span);
        }
    }
}
