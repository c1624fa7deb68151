using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Province;
using QueueKiosk.HubServer.ProvinceLink;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Province;

/// <summary>
/// The shipper's pace (Province:BatchIntervalMilliseconds, docs/province.md): a quiet site's
/// first event goes at once; the events that follow it within the interval go together in the
/// next request. A stand-in province on real Kestrel (loopback) records each request.
/// </summary>
public sealed class ShipperPacingTests(ITestOutputHelper output) : HubAppTest(output)
{
    /// <summary>The pace (up to 6 s) and then some.</summary>
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<IngestBatch> _received = new();
    private WebApplication? _province;

    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => SqliteAsync();

    protected override HubApp CreateApp(TestDatabase database)
    {
        _province = StartProvince();
        var address = _province.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new(database, settings: new Dictionary<string, string?>
        {
            ["Province:Url"] = address,
            ["Province:SiteKey"] = "qkd_test-site-key",
            // Long enough (4 to 6 s, jitter included) that four tickets issued one after another fall inside it on a loaded machine.
            ["Province:BatchIntervalMilliseconds"] = "5000",
        });
    }

    [Fact]
    public async Task FirstEventGoesAtOnce_AndTheNextOnesWaitForThePace_Together()
    {
        if (App is null)
        {
            return;
        }

        using var kiosk = App.Kiosk();
        var service = await App.ServiceIdAsync("A");
        var first = await App.IssueAsync(kiosk, service);
        await Eventually.True(() => IssuedIn(_received).Contains(first.Id), "the first ticket at the stand-in province", Delivery);

        var next = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            next.Add((await App.IssueAsync(kiosk, service)).Id);
        }

        await Eventually.True(() => next.All(IssuedIn(_received).Contains), "the next four tickets at the stand-in province", Delivery);
        var carrier = _received.Single(b => IssuedIn([b]).Contains(next[0]));
        Assert.Equal(next, IssuedIn([carrier]).Where(next.Contains));
        Assert.DoesNotContain(first.Id, IssuedIn([carrier]));
    }

    [Theory]
    [InlineData(0, 1000, 1000)]
    [InlineData(300, 1000, 700)]
    [InlineData(1000, 1000, 0)]
    [InlineData(5000, 1000, 0)]
    [InlineData(10, 0, 0)]
    public void PaceDelay_IsWhatRemainsOfTheInterval(int sinceMs, int intervalMs, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs),
            ProvinceShipper.PaceDelay(TimeSpan.FromMilliseconds(sinceMs), TimeSpan.FromMilliseconds(intervalMs)));

    [Fact]
    public void Jittered_StaysWithinAFifthOfThePace_AndSpreadsTheSites()
    {
        var draws = Enumerable.Range(0, 1000).Select(_ => ProvinceShipper.Jittered(TimeSpan.FromSeconds(1)).TotalMilliseconds).ToList();
        Assert.All(draws, ms => Assert.InRange(ms, 800, 1200));
        Assert.True(draws.Max() - draws.Min() > 200, $"draws from {draws.Min()} to {draws.Max()} ms: sites would still send in step");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_province is not null)
        {
            await _province.DisposeAsync();
        }
    }

    /// <summary>The tickets whose Issued event these batches carry, in order.</summary>
    private static List<Guid> IssuedIn(IEnumerable<IngestBatch> batches) =>
        [.. batches.SelectMany(b => b.Events)
            .Where(e => e.Kind == OutboxKinds.Ticket)
            .Select(e => ProvinceJson.Read<TicketFact>(e.Payload))
            .Where(f => f.Event == TicketEventKind.Issued && f.TicketId is not null)
            .Select(f => f.TicketId!.Value)];

    /// <summary>Answers each batch as the province does when it stores it (its last sequence).</summary>
    private WebApplication StartProvince()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost(HubRoutes.ProvinceIngest, async (HttpContext context) =>
        {
            var batch = await context.Request.ReadFromJsonAsync<IngestBatch>(ProvinceJson.Options);
            _received.Enqueue(batch!);
            return Results.Json(new IngestAnswer(batch!.Events[^1].Sequence, batch.Events.Count, 0), ProvinceJson.Options);
        });
        app.StartAsync().GetAwaiter().GetResult();
        return app;
    }
}
