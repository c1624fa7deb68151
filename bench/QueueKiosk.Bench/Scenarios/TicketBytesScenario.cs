using System.Globalization;
using QueueKiosk.Devices.Printing.Layout;

namespace QueueKiosk.Bench.Scenarios;

/// <summary>
/// Bytes of the demo ticket per text mode and paper width, and how long they take on a serial line
/// at 9600 and 115200 baud (8N1: 10 bits on the wire per byte). Printing speed itself is not included.
/// </summary>
public sealed class TicketBytesScenario : IScenario
{
    public string Name => "ticket-bytes";

    public string Description => "bytes of the demo ticket per mode and width, and time to send at 9600/115200 baud";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var renderer = new TicketRenderer();
        var layout = TicketLayout.Demo();
        var sizes = new Dictionary<string, int>();
        Console.WriteLine($"{"mode",-8} {"paper",5} {"bytes",8} {"9600 baud",11} {"115200 baud",12}");
        foreach (var mode in Enum.GetValues<PrinterTextMode>())
        {
            foreach (var width in new[] { 80, 58 })
            {
                var bytes = renderer.Render(layout, new PrinterProfile { Mode = mode, PaperWidthMm = width }).Length;
                sizes[$"{mode.ToString().ToLowerInvariant()}{width}"] = bytes;
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{mode.ToString().ToLowerInvariant(),-8} {width,3}mm {bytes,8} {SendSeconds(bytes, 9600),9:F2} s {SendSeconds(bytes, 115200),10:F3} s"));
            }
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"RESULT ticket-bytes raster80={sizes["raster80"]} raster58={sizes["raster58"]} tcvn3_80={sizes["tcvn380"]} cp1258_80={sizes["cp125880"]} ascii80={sizes["ascii80"]}"));
        return Task.FromResult(0);
    }

    private static double SendSeconds(int bytes, int baud) => bytes * 10.0 / baud;
}
