using System.Diagnostics;
using System.Globalization;
using QueueKiosk.Devices.Printing.Layout;

namespace QueueKiosk.Bench.Scenarios;

/// <summary>
/// Time to compose and encode one ticket (layout, SkiaSharp text, raster encoding) for an 80 mm
/// raster printer, over many renders with a different number and queue length each time, after a
/// warm-up that loads the font. Text modes are reported alongside for comparison.
/// </summary>
public sealed class TicketRenderScenario : IScenario
{
    public string Name => "ticket-render";

    public string Description => "[--renders 500]: layout+encode time of the 80 mm raster ticket, p50/p99";

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var index = Array.IndexOf(args, "--renders");
        var renders = index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : 500;
        if (renders is < 10 or > 100_000)
        {
            Console.Error.WriteLine("--renders must be 10..100000");
            return Task.FromResult(2);
        }

        using var renderer = new TicketRenderer();
        (double P50, double P99) raster = default;
        foreach (var mode in Enum.GetValues<PrinterTextMode>())
        {
            var profile = new PrinterProfile { Mode = mode };
            for (var i = 0; i < 20; i++)
            {
                renderer.Render(Layout(i), profile);
            }

            var times = new double[renders];
            for (var i = 0; i < renders && !cancellationToken.IsCancellationRequested; i++)
            {
                var layout = Layout(i);
                var start = Stopwatch.GetTimestamp();
                renderer.Render(layout, profile);
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(times);
            var p50 = times[renders / 2];
            var p99 = times[Math.Min(renders - 1, (int)Math.Ceiling(renders * 0.99) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mode.ToString().ToLowerInvariant(),-8} 80mm  renders={renders} p50={p50:F3} ms p99={p99:F3} ms max={times[^1]:F3} ms"));
            if (mode == PrinterTextMode.Raster)
            {
                raster = (p50, p99);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT ticket-render p50_ms={raster.P50:F3} p99_ms={raster.P99:F3}"));
        return Task.FromResult(0);
    }

    private static TicketLayout Layout(int i) => TicketLayout.Demo() with
    {
        Number = string.Create(CultureInfo.InvariantCulture, $"A{i % 1000:D3}"),
        PeopleAhead = i % 40,
        EstimatedWait = TimeSpan.FromMinutes(i % 90),
    };
}
