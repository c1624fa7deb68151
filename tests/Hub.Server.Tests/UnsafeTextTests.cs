using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests;

/// <summary>
/// Text that the database would refuse (a NUL, half an emoji) is refused or cleaned before the
/// queue engine, so it can never fail the commit that other clients' actions share (issue 15, item 1).
/// </summary>
public abstract class UnsafeTextTests(ITestOutputHelper output) : HubAppTest(output)
{
    // An unpaired surrogate cannot arrive this way (JSON readers turn it into U+FFFD); the hub's own
    // cuts could make one, which SafeTextTests cover.
    private static readonly string[] Unsafe = ["a\u0000b", "\u001b[31mred"];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task ControlOrBrokenCharacters_InEveryFreeTextField_Are400_NamingTheField(int which)
    {
        if (App is null)
        {
            return;
        }

        var text = Unsafe[which];

        using var kiosk = App.Kiosk();
        var ticket = await App.IssueAsync(kiosk, await App.ServiceIdAsync("A"));
        using var tablet = App.Device(App.AddDevice(DeviceKind.RatingTablet, "Máy đánh giá"));
        await AssertRefusedAsync(await tablet.PostAsJsonAsync($"{HubRoutes.Ticket(ticket.Id)}/rating", new RatingRequest(2, text)), "reason");

        var counter = await App.CounterIdAsync(1);
        using var officer = await App.SignInAsync("canbo1", counter);
        await AssertRefusedAsync(await officer.PostAsJsonAsync(HubRoutes.CounterAction(counter, CounterActions.Pause), new { reason = text }), "reason");

        using var anonymous = App.CreateClient();
        await AssertRefusedAsync(await anonymous.PostAsJsonAsync(HubRoutes.Login, new { userName = text, password = "x" }), "userName");

        using var display = App.Display();
        await AssertRefusedAsync(await display.PostAsJsonAsync(HubRoutes.DeviceStatus,
            new DeviceStatusReport("Màn hình", text, "Ready", false, false, null, false, null, "1.0.0+" + new string('a', 40))), "status");
    }

    [Fact]
    public async Task RatingsWithANul_LoopingBesideHonestKiosks_FailOnlyThemselves()
    {
        if (App is null)
        {
            return;
        }

        using var kiosk = App.Kiosk();
        var service = await App.ServiceIdAsync("A");
        var rated = await App.IssueAsync(kiosk, service);
        using var attacker = App.Device(App.AddDevice(DeviceKind.RatingTablet, "Máy đánh giá"));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var attacks = Task.Run(async () =>
        {
            var refused = 0;
            for (var i = 0; i < 200 && !stop.IsCancellationRequested; i++)
            {
                using var answer = await attacker.PostAsJsonAsync($"{HubRoutes.Ticket(rated.Id)}/rating", new RatingRequest(1, "x\u0000"));
                refused += answer.StatusCode == HttpStatusCode.BadRequest ? 1 : 0;
            }

            return refused;
        });

        var honest = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var answer = await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new { serviceId = service });
            return answer.StatusCode;
        }));

        Assert.All(honest, status => Assert.Equal(HttpStatusCode.Created, status));
        Assert.Equal(200, await attacks);
    }

    [Fact]
    public async Task AHeartbeatMessageOfAThousandEmoji_IsKeptCutBetweenWholeCharacters()
    {
        if (App is null)
        {
            return;
        }

        using var kiosk = App.Kiosk();
        var message = string.Concat(Enumerable.Repeat("🖨️", 1000));
        using var answer = await kiosk.PostAsJsonAsync(HubRoutes.DeviceStatus,
            new DeviceStatusReport("Kiosk sảnh", "OK", "Error", false, false, message, false, null, "test"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage answer, string field)
    {
        using (answer)
        {
            var body = JsonSerializer.Deserialize<JsonElement>(await answer.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Equal(field, body.GetProperty("field").GetString());
            Assert.Equal("validation.control_characters", body.GetProperty("code").GetString());
        }
    }
}

public sealed class SqliteUnsafeTextTests(ITestOutputHelper output) : UnsafeTextTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => SqliteAsync();
}

public sealed class PostgresUnsafeTextTests(ITestOutputHelper output) : UnsafeTextTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();
}

public sealed class SafeTextTests
{
    [Theory]
    [InlineData("abc", 2, "ab")]
    [InlineData("a🖨b", 2, "a")]
    [InlineData("a🖨b", 3, "a🖨")]
    [InlineData("Tiếng Việt", 100, "Tiếng Việt")]
    [InlineData("x\u0000y\u0007z", 10, "xyz")]
    public void Clean_KeepsWholeCharacters_DropsControlsAndBrokenHalves(string text, int max, string expected) =>
        Assert.Equal(expected, SafeText.Clean(text, max));

    [Fact]
    public void Clean_DropsHalfAnEmoji()
    {
        Assert.False(SafeText.IsStorable("half " + (char)0xD83D));
        Assert.Equal("half ", SafeText.Clean("half " + (char)0xD83D, 10));
    }

    [Fact]
    public void Clean_NormalisesToNfc() =>
        Assert.Equal("Việt".Normalize(System.Text.NormalizationForm.FormC), SafeText.Clean("Việt".Normalize(System.Text.NormalizationForm.FormD), 20));
}
