using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using QueueKiosk.HubClient.Contracts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace QueueKiosk.EndToEnd.Tests.Province;

/// <summary>
/// Issue 13's first "Done when": three SQLite sites and the province tier on PostgreSQL as real
/// processes. The link cut (province stopped) while the sites serve, then restored: the province
/// holds every event exactly once; the province killed (-9) in the middle of a catch-up: the same;
/// a supervisor's province dashboard in Chromium sees a call at a site live.
/// </summary>
[Collection(ProvinceCollection.Name)]
public sealed class ProvinceLinkTests(ProvinceRig rig, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(120);

    static ProvinceLinkTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task LinkCut_SitesServeOnTheirOwn_ThenTheProvinceHoldsEveryEventExactlyOnce()
    {
        if (rig.SkipReason is { } skip)
        {
            output.WriteLine(skip);
            return;
        }

        await rig.StopProvinceAsync();
        // The sites do not notice: tickets are issued, called and served at each.
        foreach (var site in rig.Sites)
        {
            await ServeAsync(site, issued: 40, served: 5);
        }

        var backlog = 0L;
        foreach (var site in rig.Sites)
        {
            backlog += (await site.WrittenAsync()).LastOutbox - (await rig.ProvinceHoldsAsync(site.SiteId)).Max;
        }

        var clock = Stopwatch.StartNew();
        await rig.StartProvinceAsync();
        await AllCaughtUpAsync();
        output.WriteLine($"catch-up after the outage: {backlog} events in {clock.Elapsed.TotalSeconds:0.0} s including the province's start " +
                         $"({backlog / clock.Elapsed.TotalSeconds:0} events/s); shippers' own figures:");
        foreach (var line in rig.Sites.SelectMany(s => s.Host.Output.Split('\n')).Where(l => l.Contains("catch-up", StringComparison.Ordinal)))
        {
            output.WriteLine(line.Trim());
        }

        await AssertExactlyOnceAsync();
    }

    [Fact]
    public async Task ProvinceKilledMidIngest_LosesNothingAndDuplicatesNothing()
    {
        if (rig.SkipReason is { } skip)
        {
            output.WriteLine(skip);
            return;
        }

        await AllCaughtUpAsync();
        await rig.StopProvinceAsync();
        foreach (var site in rig.Sites)
        {
            await ServeAsync(site, issued: 60, served: 0);
        }

        await rig.StartProvinceAsync();
        // Kill it once the catch-up has begun (batches of 20: it is still ingesting).
        var first = rig.Sites[0];
        var before = (await rig.ProvinceHoldsAsync(first.SiteId)).Max;
        Assert.True(await Eventually.TrueAsync(async () => (await rig.ProvinceHoldsAsync(first.SiteId)).Max > before, CatchUp), "the catch-up began");
        await rig.StopProvinceAsync();
        var (_, heldAtKill, _, _) = await rig.ProvinceHoldsAsync(first.SiteId);
        output.WriteLine($"killed with {heldAtKill} of {(await first.WrittenAsync()).LastOutbox} events of {first.Name} stored");

        // The sites go on serving while the province is down again.
        await ServeAsync(first, issued: 3, served: 1);
        await rig.StartProvinceAsync();
        await AllCaughtUpAsync();
        await AssertExactlyOnceAsync();
    }

    [Fact]
    public async Task ProvinceDashboard_InChromium_SeesACallAtASiteLive()
    {
        if (rig.SkipReason is { } skip)
        {
            output.WriteLine(skip);
            return;
        }

        if (rig.Province is null)
        {
            await rig.StartProvinceAsync();
        }

        await using var context = await browser.NewContextAsync(1400, 1000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(rig.ProvinceAddress, "/province").ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/supervisor/login"));
        await page.Locator("#user-name").FillAsync("giamsat");
        await page.Locator("#password").FillAsync(ProvinceRig.Password);
        await page.Locator("#login-button").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/province$"));
        await Expect(page.Locator("[data-testid='province-site']")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid='province-link']")).ToHaveClassAsync(new Regex("online"));
        var site = rig.Sites[2];
        var card = page.Locator($"[data-testid='province-site'][data-site-id='{site.SiteId}']");
        await Expect(card.Locator("[data-testid='province-drilldown']")).ToHaveAttributeAsync("href", new Uri(site.Host.BaseAddress, "/supervisor").ToString());
        // Marks this page load: a reload would lose it.
        await page.EvaluateAsync("() => window.__sameLoad = true");

        var ticket = await site.IssueAsync("B");
        var (officer, counter) = await site.OfficerAsync(2);
        using (officer)
        {
            // Earlier tests may have left tickets waiting: call until this one comes up.
            for (var i = 0; i < 200; i++)
            {
                var called = await CallNextAsync(officer, counter);
                if (called is null || called.Id == ticket.Id)
                {
                    break;
                }

                (await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.Finish), null)).EnsureSuccessStatusCode();
            }
        }

        await Expect(card.Locator("[data-testid='province-counter-number']", new() { HasTextString = ticket.Number })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameLoad === true"), "the call arrived without a reload");
    }

    /// <summary>Issues tickets at the site's kiosk and serves some at counter 1.</summary>
    private static async Task ServeAsync(LinkedSite site, int issued, int served)
    {
        for (var i = 0; i < issued; i++)
        {
            await site.IssueAsync(i % 2 == 0 ? "A" : "B");
        }

        var (officer, counter) = await site.OfficerAsync(1);
        using (officer)
        {
            for (var i = 0; i < served; i++)
            {
                Assert.NotNull(await CallNextAsync(officer, counter));
                var finished = await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.Finish), null);
                Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
            }
        }
    }

    private static async Task<TicketDto?> CallNextAsync(HttpClient officer, Guid counter)
    {
        var response = await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.CallNext), null);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<TicketDto>(response.Content, ProvinceRig.Json);
    }

    private async Task AllCaughtUpAsync()
    {
        foreach (var site in rig.Sites)
        {
            Assert.True(await Eventually.TrueAsync(async () => (await rig.ProvinceHoldsAsync(site.SiteId)).Max == (await site.WrittenAsync()).LastOutbox, CatchUp),
                $"{site.Name} caught up:\n{site.Host.Output}\n--- province:\n{rig.Province?.Output}");
        }
    }

    private async Task AssertExactlyOnceAsync()
    {
        foreach (var site in rig.Sites)
        {
            var (lastOutbox, ticketEvents) = await site.WrittenAsync();
            var (rows, max, distinct, ticketRows) = await rig.ProvinceHoldsAsync(site.SiteId);
            Assert.Equal(lastOutbox, max);
            Assert.Equal(max, rows);
            Assert.Equal(rows, distinct);
            Assert.Equal(ticketEvents, ticketRows);
        }
    }
}

/// <summary>The province tests share one rig (three sites and the province) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ProvinceCollection : ICollectionFixture<ProvinceRig>
{
    public const string Name = "Province";
}
