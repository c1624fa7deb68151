using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QueueKiosk.CounterDisplay.Hub;
using QueueKiosk.CounterDisplay.Leds;
using QueueKiosk.CounterDisplay.State;
using QueueKiosk.CounterDisplay.Tests.Host;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Rest;

namespace QueueKiosk.CounterDisplay.Tests.Hub;

/// <summary>The display host's heartbeat, sent to a real Kestrel on 127.0.0.1 that records what arrives.</summary>
public sealed class HeartbeatTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Host_PostsHeartbeat_WithItsDeviceKey_AndNoPrinter()
    {
        await using var fakeHub = await FakeHub.StartAsync();
        await using var host = new DisplayHostFactory(new Dictionary<string, string?>
        {
            ["Hub:Url"] = fakeHub.Address.ToString(),
            ["Hub:HeartbeatSeconds"] = "1",
        });
        _ = host.Services; // starts the host and its background services

        var (key, report) = await fakeHub.NextAsync();

        Assert.Equal("test-display-key", key);
        Assert.Equal("NotConfigured", report.PrinterState);
        Assert.False(report.PaperLow);
        Assert.False(report.PaperOut);
        Assert.Contains("Không có máy in", report.PrinterMessage, StringComparison.Ordinal);
        // The fake hub has no live feed, so the host is not connected; its one virtual board is fine.
        Assert.Equal("Mất kết nối hub; 1 bảng LED hoạt động tốt", report.Status);
    }

    [Fact]
    public async Task BoardFailure_IsReportedAtOnce_AndSoIsRecovery()
    {
        await using var fakeHub = await FakeHub.StartAsync();
        var health = new LedBoardHealth();
        // A one-hour period: any report after the first one comes from a board change.
        using var service = NewService(fakeHub.Address, health, heartbeatSeconds: 3600);
        await service.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal("Đã kết nối hub; 2 bảng LED hoạt động tốt", (await fakeHub.NextAsync()).Report.Status);

            health.Report(3, ok: false);
            Assert.Equal("Đã kết nối hub; Bảng LED quầy 3 không phản hồi", (await fakeHub.NextAsync()).Report.Status);

            health.Report(3, ok: true);
            Assert.Equal("Đã kết nối hub; 2 bảng LED hoạt động tốt", (await fakeHub.NextAsync()).Report.Status);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task UnreachableHub_IsNotAnError_TheHeartbeatJustReportsFalse()
    {
        // Port 9 on loopback refuses at once.
        using var service = NewService(new Uri("http://127.0.0.1:9/"), new LedBoardHealth(), heartbeatSeconds: 30);

        Assert.False(await service.SendOnceAsync(CancellationToken.None));
        Assert.False(await service.SendOnceAsync(CancellationToken.None));
    }

    [Fact]
    public void StatusText_NamesEveryFailingCounter_AndFitsTheHubLimit()
    {
        Assert.Equal("Mất kết nối hub; Bảng LED quầy 2, 5 không phản hồi", HeartbeatService.StatusText(false, 6, [2, 5]));
        Assert.Equal("Đã kết nối hub; không có bảng LED", HeartbeatService.StatusText(true, 0, []));

        var many = HeartbeatService.StatusText(true, 60, [.. Enumerable.Range(1, 60)]);
        Assert.Equal(HeartbeatService.MaxStatusLength, many.Length);
        Assert.EndsWith("…", many, StringComparison.Ordinal);
    }

    private static HeartbeatService NewService(Uri hubUrl, LedBoardHealth health, int heartbeatSeconds)
    {
        var http = new HttpClient { BaseAddress = hubUrl, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, "unit-key");
        var state = new DisplayState(TimeProvider.System);
        state.SetHubConnected(true);
        var boards = new BoardList(new CounterBoard(3, new VirtualLedBoard("quầy 3", new())), new CounterBoard(4, new VirtualLedBoard("quầy 4", new())));
        var options = Options.Create(new HubOptions { Url = hubUrl, DeviceKey = "unit-key", HeartbeatSeconds = heartbeatSeconds });
        return new HeartbeatService(new DeviceApiClient(http), state, boards, health, options, TimeProvider.System, NullLogger<HeartbeatService>.Instance);
    }

    private sealed class BoardList(params CounterBoard[] boards) : ICounterBoardSet
    {
        public IReadOnlyList<CounterBoard> Boards { get; } = boards;
    }

    /// <summary>A Kestrel on a free loopback port that answers the heartbeat route and queues what it got.</summary>
    private sealed class FakeHub : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly Channel<(string? Key, DeviceStatusReport Report)> _received = Channel.CreateUnbounded<(string?, DeviceStatusReport)>();

        private FakeHub(WebApplication app) => _app = app;

        public Uri Address { get; private set; } = null!;

        public static async Task<FakeHub> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var hub = new FakeHub(app);
            app.MapPost(HubRoutes.DeviceStatus, (HttpRequest request, DeviceStatusReport report) =>
            {
                hub._received.Writer.TryWrite((request.Headers[HubRoutes.DeviceKeyHeader].ToString(), report));
                return Results.Ok(new DeviceStatusAck(Guid.Empty, DateTimeOffset.UtcNow, 30));
            });
            await app.StartAsync();
            hub.Address = new Uri(app.Urls.First() + "/");
            return hub;
        }

        public async Task<(string? Key, DeviceStatusReport Report)> NextAsync()
        {
            using var timeout = new CancellationTokenSource(Patience);
            return await _received.Reader.ReadAsync(timeout.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
