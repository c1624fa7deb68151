using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Printing;
using QueueKiosk.Devices.Printing.Queue;
using QueueKiosk.Devices.Printing.Transports;

namespace QueueKiosk.Devices.Tests.Printing;

public sealed class PrintingConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qk-printcfg-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task UnsupportedBaud_StopsStartUp_NamingTheSetting()
    {
        using var host = Host(new()
        {
            ["Printer:Transport"] = "Serial",
            ["Printer:Serial:PortName"] = "/dev/null",
            ["Printer:Serial:BaudRate"] = "12345",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Printer:Serial:BaudRate: tốc độ 12345 không được hỗ trợ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSerialPort_StopsStartUp_NamingTheSetting()
    {
        using var host = Host(new()
        {
            ["Printer:Transport"] = "Serial",
            ["Printer:Serial:PortName"] = "/dev/ttyNoSuchPort7",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Printer:Serial:PortName:", error.Message, StringComparison.Ordinal);
        Assert.Contains("/dev/ttyNoSuchPort7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TcpWithoutHost_StopsStartUp_NamingTheSetting()
    {
        using var host = Host(new() { ["Printer:Transport"] = "Tcp", ["Printer:Port"] = "70000" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Printer:Host:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Printer:Port:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VirtualPrinter_PrintsQueuedJobs_ThroughTheHostedQueue()
    {
        using var host = Host(new() { ["Printer:Transport"] = "Virtual" });
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<ITicketPrintQueue>();
        var printer = host.Services.GetRequiredService<InMemoryPrinterTransport>();

        await queue.EnqueueAsync(TestJobs.Job(7), "A007");

        await Eventually.True(() => queue.State.QueuedCount == 0, "job printed");
        Assert.Equal([7], TestJobs.Complete(System.Text.Encoding.ASCII.GetString(printer.Received)));
        Assert.Equal("A007", queue.State.LastPrinted?.Label);
        await host.StopAsync();
    }

    private IHost Host(Dictionary<string, string?> settings)
    {
        settings["Printer:QueuePath"] = Path.Combine(_directory, "queue.journal");
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddTicketPrinting(builder.Configuration);
        return builder.Build();
    }
}
