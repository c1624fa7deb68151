using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using QueueKiosk.HubClient.Contracts;
using static Microsoft.Playwright.Assertions;

namespace QueueKiosk.EndToEnd.Tests.Supervisor;

/// <summary>
/// The supervisor's desk in Chromium against a real Hub.Server with demo data and two small
/// synthetic cameras: live counters, camera pictures, alerts from a kiosk heartbeat, and a served
/// ticket's recording played in the ticket history.
/// </summary>
public sealed class SupervisorDashboardTests(SupervisorRig rig, BrowserFixture browser) : IClassFixture<SupervisorRig>, IClassFixture<BrowserFixture>
{
    static SupervisorDashboardTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Dashboard_ShowsOfficersCallLive_AndTheCameraPictureLoads()
    {
        await using var context = await browser.NewContextAsync(1400, 1000);
        var page = await OpenDashboardAsync(context);
        await Expect(page.Locator("tr[data-counter='1'] td.ticket")).ToHaveTextAsync("–");
        // Marks this page load: if the page reloaded itself, the mark would be gone.
        await page.EvaluateAsync("() => window.__sameLoad = true");

        var ticket = await rig.IssueAsync("A");
        var (officer, counter) = await rig.OfficerAsync(1);
        using (officer)
        {
            var called = await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.CallNext), null);
            Assert.Equal(HttpStatusCode.OK, called.StatusCode);
        }

        await Expect(page.Locator("tr[data-counter='1'] td.ticket")).ToContainTextAsync(ticket.Number);
        await Expect(page.Locator("tr[data-counter='1']")).ToContainTextAsync("Cán bộ quầy 1 (mẫu)");
        await Expect(page.Locator("#link-state")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("online"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameLoad === true"), "the counter changed without a reload");

        var camera = page.Locator("img.camera[data-camera='cam1']");
        await Expect(camera).ToBeVisibleAsync();
        Assert.True(await Eventually.TrueAsync(async () => await camera.EvaluateAsync<int>("img => img.naturalWidth") > 0, TimeSpan.FromSeconds(30)),
            "the live camera picture loaded:\n" + rig.Hub.Output);
        Assert.Equal(320, await camera.EvaluateAsync<int>("img => img.naturalWidth"));
    }

    [Fact]
    public async Task CameraAnalytics_HallEstimateBesideTheWaitingTickets_PresencePerCounter_AndTheOccupiedClosedAlert()
    {
        await using var context = await browser.NewContextAsync(1400, 1000);
        var (officer, counter) = await rig.OfficerAsync(6);
        using (officer)
        {
            // Closed (signed out) while the camera sees movement at the seat: the alert must come.
            // Refused when already closed: the state is checked below either way.
            (await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.Close), null)).Dispose();
        }

        Assert.Equal(CounterState.Closed, (await rig.SnapshotAsync()).Counters.Single(c => c.Number == 6).State);
        var page = await OpenDashboardAsync(context);
        var slow = new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 };

        // The figures reach the page with a reload (at most every 30 s), as soon as the analysis has run.
        await Expect(page.Locator("#hall-people")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ người$"), slow);
        await Expect(page.Locator("#waiting-total")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        var seat = page.Locator("tr[data-counter='6'] td.presence");
        await Expect(seat).ToHaveTextAsync("Có người", slow);
        await Expect(page.Locator("tr[data-counter='6'] td.presence-today")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("giây|phút"));
        // Counters without a camera region say "unknown", not "empty".
        await Expect(page.Locator("tr[data-counter='5'] td.presence")).ToHaveTextAsync("–");

        // The open alert: a figure at the desk's edge can clear and raise it again, leaving cleared rows above it.
        var alert = page.Locator("#alerts li.open[data-kind='CounterOccupiedWhileClosed']");
        await Expect(alert).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(alert).ToContainTextAsync("Quầy đóng nhưng có người làm việc");
        await Expect(alert).ToContainTextAsync("Quầy 6");
    }

    [Fact]
    public async Task KioskReportsPaperOut_AlertAppearsLive_AndIsAcknowledged()
    {
        await using var context = await browser.NewContextAsync(1400, 1000);
        var page = await OpenDashboardAsync(context);
        await Expect(page.Locator("#link-state")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("online"));

        using (var kiosk = rig.Client(SupervisorRig.KioskKey))
        {
            var report = new DeviceStatusReport("Kiosk sảnh", "OK", "PaperOut", false, true, "Hết giấy", false, null, "e2e");
            (await kiosk.PostAsJsonAsync(HubRoutes.DeviceStatus, report, SupervisorRig.Json)).EnsureSuccessStatusCode();
        }

        var alert = page.Locator("#alerts li[data-kind='PrinterPaperOut']");
        await Expect(alert).ToBeVisibleAsync();
        await Expect(alert).ToContainTextAsync("Máy in hết giấy");
        await Expect(page.Locator("#devices tr", new() { HasText = "Kiosk sảnh (mẫu)" }).Locator("td.printer")).ToHaveTextAsync("HẾT GIẤY");

        await alert.Locator("button.ack").ClickAsync();
        await Expect(alert).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("acknowledged"));
        await Expect(alert).ToContainTextAsync("đã xác nhận");
    }

    /// <summary>Issue 10 item 13: the dashboard speaks one language at a time, switched in the top bar.</summary>
    [Fact]
    public async Task Dashboard_InVietnamese_HasNoEnglishAlertText_AndInEnglish_NoVietnamese()
    {
        const string vietnamese = "Máy in không hoạt động (nắp đang mở)";
        const string english = "Printer not working (cover open)";
        await using var context = await browser.NewContextAsync(1400, 1000);
        var page = await OpenDashboardAsync(context);
        using var kiosk = rig.Client(SupervisorRig.KioskKey);
        // The kiosk's own printer text is mixed, as Kiosk.Devices words it: it must not reach the alert.
        var coverOpen = new DeviceStatusReport("Kiosk sảnh", "OK", "CoverOpen", false, false, "Nắp máy in đang mở (cover open)", false, null, "e2e");
        (await kiosk.PostAsJsonAsync(HubRoutes.DeviceStatus, coverOpen, SupervisorRig.Json)).EnsureSuccessStatusCode();
        try
        {
            var alert = page.Locator("#alerts li[data-kind='PrinterOffline']").First;
            await Expect(alert.Locator(".alert-message")).ToHaveTextAsync(vietnamese);
            await Expect(alert.Locator("strong")).ToHaveTextAsync("Máy in không hoạt động");
            var shownInVietnamese = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotContain(english, shownInVietnamese, StringComparison.OrdinalIgnoreCase);
            foreach (var word in new[] { "printer", "paper", "fps", " min", "never reported", "offline" })
            {
                Assert.DoesNotContain(word, shownInVietnamese, StringComparison.OrdinalIgnoreCase);
            }

            await page.Locator("#lang-switch").ClickAsync();

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            alert = page.Locator("#alerts li[data-kind='PrinterOffline']").First;
            await Expect(alert.Locator(".alert-message")).ToHaveTextAsync(english);
            await Expect(alert.Locator("strong")).ToHaveTextAsync("Printer not working");
            await Expect(page.Locator("#link-state")).ToHaveTextAsync("Online");
            await Expect(page.Locator("#lang-switch")).ToHaveTextAsync("Tiếng Việt");
            // Every word the page says itself is English: headings, column titles, alert lines, states.
            // Names from the office's data (services, counters, officers, devices) stay as they are written.
            var ownWords = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll("h2, th, #alerts strong, #alerts .alert-message, #alerts li[data-kind='PrinterOffline'] small, #alerts button, td.state, td.condition, td.printer, .hall-summary span, #lang-switch ~ #logout, nav a")]
                  .map(e => e.textContent.trim()).filter(t => t.length > 0)
                """);
            Assert.NotEmpty(ownWords);
            var vietnameseLetters = new System.Text.RegularExpressions.Regex("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            Assert.All(ownWords, text => Assert.False(vietnameseLetters.IsMatch(text), $"Vietnamese on the English dashboard: \"{text}\""));
            Assert.DoesNotContain(vietnamese, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

            // And back: the choice is the reader's, kept in this browser.
            await page.Locator("#lang-switch").ClickAsync();
            await Expect(page.Locator("#alerts li[data-kind='PrinterOffline'] .alert-message").First).ToHaveTextAsync(vietnamese);
        }
        finally
        {
            var ready = coverOpen with { PrinterState = "Ready", PrinterMessage = null };
            (await kiosk.PostAsJsonAsync(HubRoutes.DeviceStatus, ready, SupervisorRig.Json)).EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// Issue 10 item 13 beyond the dashboard: every supervisor page has the same switch, and in
    /// English no heading, column title, label or button of the page itself is left in Vietnamese.
    /// </summary>
    [Theory]
    [InlineData("/supervisor/settings", "Site information")]
    [InlineData("/supervisor/counters", "Counters")]
    [InlineData("/supervisor/services", "Priority groups")]
    [InlineData("/supervisor/catalogue", "Administrative procedures")]
    [InlineData("/supervisor/users", "The office's accounts")]
    [InlineData("/supervisor/devices", "The office's devices")]
    [InlineData("/supervisor/audit", "Administrative changes (newest first)")]
    [InlineData("/supervisor/history", "Find a ticket")]
    [InlineData("/supervisor/reports", "Reports")]
    public async Task EverySupervisorPage_SwitchesToEnglish_WithNoVietnameseHeadingLeft(string path, string heading)
    {
        await using var context = await browser.NewContextAsync(1400, 1000);
        await SignInAsync(context, "quantri");
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(rig.BaseAddress, path).ToString());
        await Expect(page.Locator("#lang-switch")).ToHaveTextAsync("English");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");

        await page.Locator("#lang-switch").ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#lang-switch")).ToHaveTextAsync("Tiếng Việt");
        await Expect(page.Locator("main h2", new() { HasText = heading }).First).ToBeVisibleAsync();
        var ownWords = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll("main h1:not(#report-title), main h2, main h3, main legend, main th, main label > span, main [data-en], nav a, #logout")]
              .filter(e => e.offsetParent !== null || e.closest("thead"))
              .map(e => e.textContent.trim()).filter(t => t.length > 0)
            """);
        // The report's title carries the site's name, which is the office's data, as written: its own words are checked alone.
        if (path == "/supervisor/reports")
        {
            await Expect(page.Locator("#report-title")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Report "));
        }

        Assert.NotEmpty(ownWords);
        Assert.All(ownWords, text => Assert.False(VietnameseLetters.IsMatch(text), $"Vietnamese on the English page {path}: \"{text}\""));

        // And back to Vietnamese, for the other tests of this browser context.
        await page.Locator("#lang-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
    }

    private static readonly System.Text.RegularExpressions.Regex VietnameseLetters = new(
        "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    [Fact]
    public async Task TicketHistory_PlaysTheCounterRecording_FromCallToFinish()
    {
        var ticket = await rig.IssueAsync("B");
        var (officer, counter) = await rig.OfficerAsync(3);
        using (officer)
        {
            (await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.CallNext), null)).EnsureSuccessStatusCode();
            await Task.Delay(TimeSpan.FromSeconds(3));
            (await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.Finish), null)).EnsureSuccessStatusCode();
        }

        // The segment holding the finish is playable once ffmpeg has moved on to the next one.
        using var supervisor = await rig.SignInAsync("giamsat");
        var url = $"/api/supervision/tickets?number={ticket.Number}&day={SupervisorRig.TodayInVietnam()}";
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var found = await supervisor.GetFromJsonAsync<List<TicketHistoryDto>>(url, SupervisorRig.Json);
            return found is [{ Clips: [{ Parts: [_, ..] parts }] }] && parts.All(p => p.Complete);
        }, TimeSpan.FromSeconds(30)), "the recording of the visit was complete:\n" + rig.Hub.Output);

        await using var context = await browser.NewContextAsync(1400, 1000);
        await SignInAsync(context, "giamsat");
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(rig.BaseAddress, $"/supervisor/history?number={ticket.Number}&day={SupervisorRig.TodayInVietnam()}").ToString());
        var history = page.Locator($"section[data-ticket='{ticket.Number}']");
        await Expect(history.Locator(".timeline li[data-kind='Called']")).ToContainTextAsync("quầy 3");
        await Expect(history.Locator(".timeline li[data-kind='Served']")).ToBeVisibleAsync();
        var video = history.Locator("video.recording");
        await Expect(video).ToBeVisibleAsync();
        Assert.True(await Eventually.TrueAsync(
            async () => await video.EvaluateAsync<bool>("v => v.readyState >= 2 || v.currentTime > 0"), TimeSpan.FromSeconds(30)),
            "the recording played in the browser: " + await video.EvaluateAsync<string>("v => `readyState=${v.readyState} error=${v.error && v.error.code} src=${v.currentSrc}`"));

        // The viewing was audited for the admins.
        using var admin = await rig.SignInAsync("quantri");
        var views = await admin.GetFromJsonAsync<List<RecordingViewDto>>("/api/supervision/recording-views", SupervisorRig.Json);
        Assert.Contains(views!, v => v.UserName == "giamsat" && v.CameraId == "cam1");
    }

    [Fact]
    public async Task Reports_ShowTodaysFigures_WithCharts_AndACsvLink()
    {
        await rig.IssueAsync("C");
        // Counter 6's camera figures (SupervisorRig) are in today's report once the analysis has run a moment.
        using (var supervisor = await rig.SignInAsync("giamsat"))
        {
            Assert.True(await Eventually.TrueAsync(async () =>
                (await supervisor.GetFromJsonAsync<List<CounterPresenceDto>>("/api/supervision/presence", SupervisorRig.Json))!.Any(p => p.CounterNumber == 6 && p.ObservedSeconds > 0),
                TimeSpan.FromSeconds(30)), "camera figures for counter 6:\n" + rig.Hub.Output);
        }

        await using var context = await browser.NewContextAsync(1400, 1000);
        await SignInAsync(context, "giamsat");
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(rig.BaseAddress, "/supervisor/reports").ToString());
        await Expect(page.Locator("#by-presence tr[data-counter='6']")).ToContainTextAsync("Quầy 6 - Kinh doanh");
        await Expect(page.Locator("#report-summary")).ToContainTextAsync("Số phát:");
        await Expect(page.Locator("#by-service tr[data-key='C']")).ToContainTextAsync("C - Địa chính - Xây dựng");
        // One language at a time: the total row says "Tổng cộng", not the files' bilingual label.
        await Expect(page.Locator("tr[data-key='total'] td").First).ToHaveTextAsync("Tổng cộng");
        Assert.True(await page.EvaluateAsync<bool>("() => Chart.getChart('chart-hour') !== undefined"), "the hour chart was drawn");
        var today = SupervisorRig.TodayInVietnam();
        await Expect(page.Locator("#csv")).ToHaveAttributeAsync("href", $"/api/reports/csv?from={today}&to={today}");
    }

    [Fact]
    public async Task Officer_Gets403_OnTheDashboardAndCameraUrls()
    {
        var (officer, _) = await rig.OfficerAsync(2);
        using (officer)
        {
            foreach (var url in new[] { "/supervisor", "/api/supervision/dashboard", "/api/cameras/cam1/live.mjpg", "/api/cameras/cam1/snapshot.jpg", "/api/cameras/cam1/recordings" })
            {
                using var response = await officer.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task TicketList_FiltersByStatus_AndOpensTheTicketsHistory()
    {
        // Service C: no other test here calls it, so the ticket stays waiting. A served ticket of
        // service B is there too, for the filter to leave out.
        var ticket = await rig.IssueAsync("C");
        await rig.IssueAsync("B");
        var (officer, counter) = await rig.OfficerAsync(3);
        using (officer)
        {
            (await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.CallNext), null)).EnsureSuccessStatusCode();
            (await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.Finish), null)).EnsureSuccessStatusCode();
        }

        await using var context = await browser.NewContextAsync(1400, 1000);
        await SignInAsync(context, "giamsat");
        var page = await context.NewPageAsync();
        // The page's first list (every status) is held back until the filtered one is shown, as on a
        // slow network: arriving last, it must not replace the filtered list.
        var releaseFirst = new TaskCompletionSource();
        var firstDelivered = new TaskCompletionSource();
        await page.RouteAsync(url => url.Contains(HubRoutes.TicketList, StringComparison.Ordinal), async route =>
        {
            if (route.Request.Url.Contains("status=", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            var answer = await route.FetchAsync();
            await releaseFirst.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await route.FulfillAsync(new() { Response = answer });
            firstDelivered.TrySetResult();
        });
        await page.GotoAsync(new Uri(rig.BaseAddress, "/supervisor/history").ToString());

        await page.Locator("#list-status").SelectOptionAsync("Waiting");
        await page.Locator("#list-find").ClickAsync();
        var row = page.Locator($"#list-rows tr[data-ticket='{ticket.Number}']");
        await Expect(row).ToContainTextAsync("Đang chờ");
        releaseFirst.SetResult();
        await firstDelivered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Give the page's script its turn with the late answer before reading the list.
        await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 300))");

        // Only waiting tickets are listed (retried until the list settles).
        await Expect(page.Locator("#list-rows tr td:nth-child(3)").Filter(new() { HasNotText = "Đang chờ" })).ToHaveCountAsync(0);
        await Expect(row).ToHaveCountAsync(1);

        await row.Locator("a").ClickAsync();
        await Expect(page.Locator($"#results .ticket-history[data-ticket='{ticket.Number}'] h2")).ToContainTextAsync($"Số {ticket.Number}");
        await Expect(page.Locator("#results .timeline li[data-kind='Issued']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task SupervisorOpeningAnAdminPage_GetsAPageSayingWhy_NotRawJson()
    {
        await using var context = await browser.NewContextAsync();
        await SignInAsync(context, "giamsat");
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(new Uri(rig.BaseAddress, "/supervisor/audit").ToString());

        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        await Expect(page.Locator("#forbidden h2")).ToHaveTextAsync("Bạn không có quyền xem trang này");
        await Expect(page.Locator("#forbidden")).ToContainTextAsync("chỉ dành cho quản trị viên");
        await Expect(page.Locator("#forbidden a")).ToHaveAttributeAsync("href", "/supervisor");
    }

    private async Task<IPage> OpenDashboardAsync(IBrowserContext context)
    {
        await SignInAsync(context, "giamsat");
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(rig.BaseAddress, "/supervisor").ToString());
        await Expect(page.Locator("#counters tr")).ToHaveCountAsync(6);
        return page;
    }

    /// <summary>Signs in through the login page, as a supervisor would.</summary>
    private async Task SignInAsync(IBrowserContext context, string user)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(rig.BaseAddress, "/supervisor").ToString());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/supervisor/login"));
        await page.Locator("#user-name").FillAsync(user);
        await page.Locator("#password").FillAsync(SupervisorRig.Password);
        await page.Locator("#login-button").ClickAsync();
        await Expect(page.Locator("#counters")).ToBeAttachedAsync();
        await page.CloseAsync();
    }
}
