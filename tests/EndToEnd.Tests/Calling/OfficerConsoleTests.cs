using Microsoft.Playwright;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace QueueKiosk.EndToEnd.Tests.Calling;

/// <summary>The officer console's other actions, in Chromium against a real Hub.Server.</summary>
public class OfficerConsoleTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 20_000 };
    private static readonly LocatorAssertionsToContainTextOptions SlowContains = new() { Timeout = 20_000 };

    [Fact]
    public async Task Console_WrongPasswordThenPauseResumeCallTransferStartFinishNoShow_AllInVietnamese()
    {
        await using var rig = await CallingRig.StartAsync(voice: false);
        var first = await rig.IssueTicketForCounterAsync(1);
        await using var context = await browser.NewContextAsync(1366, 768);
        var snapshot = await rig.SnapshotAsync();

        // A wrong password is refused in Vietnamese and the officer stays on the sign-in page.
        var login = await context.NewPageAsync();
        await login.GotoAsync(new Uri(rig.Hub.BaseAddress, "/officer/login").ToString());
        await login.FillAsync("#user-name", "canbo1");
        await login.FillAsync("#password", "sai-mat-khau");
        await login.SelectOptionAsync("#counter", snapshot.Counters.Single(c => c.Number == 1).Id.ToString());
        await login.ClickAsync("#login-button");
        await Expect(login.Locator("#login-error")).ToContainTextAsync("Sai tên đăng nhập hoặc mật khẩu", SlowContains);
        Assert.EndsWith("/officer/login", login.Url, StringComparison.Ordinal);
        await login.CloseAsync();

        var console = await CallingEndToEndTests.SignInAsync(context, rig, "canbo1", counterNumber: 1);

        // A ticket taken at the kiosk appears in the waiting list without a reload.
        await Expect(console.Locator($"#waiting-list tr[data-ticket='{first.Number}']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var second = await rig.IssueTicketForCounterAsync(1);
        await Expect(console.Locator($"#waiting-list tr[data-ticket='{second.Number}']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(console.Locator("#waiting-count")).ToHaveTextAsync("2", Slow);

        // Pause with a reason (P), then the shortcut for "call next" is refused with the API's Vietnamese sentence.
        await console.Keyboard.PressAsync("p");
        await console.FillAsync("#pause-reason", "Họp giao ban");
        await console.ClickAsync("#pause-ok");
        await Expect(console.Locator("#counter-state")).ToContainTextAsync("Tạm dừng: Họp giao ban", SlowContains);
        await Expect(console.Locator("#btn-call-next")).ToBeDisabledAsync();
        await console.Keyboard.PressAsync("F1");
        await Expect(console.Locator("#message")).ToContainTextAsync("Quầy đang tạm dừng", SlowContains);

        // Resume (P) and call a specific ticket from the list (the second one, out of order).
        await console.Keyboard.PressAsync("p");
        await Expect(console.Locator("#counter-state")).ToHaveTextAsync("Đang mở", Slow);
        await console.ClickAsync($"#waiting-list tr[data-ticket='{second.Number}'] button.call-this");
        await Expect(console.Locator("#current-number")).ToHaveTextAsync(second.Number, Slow);
        await Expect(console.Locator("#current-service")).ToContainTextAsync("Dịch vụ:", SlowContains);

        // Transfer it to counter 2: the console clears, and the ticket waits again (for counter 2).
        await Expect(console.Locator("#btn-transfer")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await console.Keyboard.PressAsync("t");
        var counter2 = snapshot.Counters.Single(c => c.Number == 2);
        await console.SelectOptionAsync("#transfer-counter", counter2.Id.ToString());
        await console.FillAsync("#transfer-reason", "Cần quầy hộ tịch 2");
        await console.ClickAsync("#transfer-ok");
        await Expect(console.Locator("#message")).ToContainTextAsync($"Đã chuyển số {second.Number}", SlowContains);
        await Expect(console.Locator("#current-number")).ToHaveTextAsync("---", Slow);
        var transferred = await rig.TicketAsync(second.Id);
        Assert.Equal(HubClient.Contracts.TicketStatus.Waiting, transferred.Status);

        // Call next (Space), start (S), then the first ticket cannot be "no-show" once serving: finish (F).
        await Expect(console.Locator("#btn-call-next")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await console.Keyboard.PressAsync(" ");
        await Expect(console.Locator("#current-number")).ToHaveTextAsync(first.Number, Slow);
        await Expect(console.Locator("#btn-start")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await console.Keyboard.PressAsync("s");
        await Expect(console.Locator("#current-status")).ToHaveTextAsync("Đang phục vụ", Slow);
        await Expect(console.Locator("#btn-no-show")).ToBeDisabledAsync();
        await Expect(console.Locator("#btn-finish")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await console.Keyboard.PressAsync("f");
        await Expect(console.Locator("#message")).ToContainTextAsync($"Đã hoàn thành số {first.Number}", SlowContains);
        await Expect(console.Locator("#current-number")).ToHaveTextAsync("---", Slow);

        // No-show: a new ticket called and marked absent (N).
        var third = await rig.IssueTicketForCounterAsync(1);
        await Expect(console.Locator($"#waiting-list tr[data-ticket='{third.Number}']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(console.Locator("#btn-call-next")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await console.Keyboard.PressAsync("F1");
        await Expect(console.Locator("#current-number")).ToHaveTextAsync(third.Number, Slow);
        await Expect(console.Locator("#btn-no-show")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await console.Keyboard.PressAsync("n");
        await Expect(console.Locator("#message")).ToContainTextAsync($"Số {third.Number} vắng mặt", SlowContains);
        Assert.Equal(HubClient.Contracts.TicketStatus.NoShow, (await rig.TicketAsync(third.Id)).Status);

        // Nobody left for counter 1 (the transferred ticket waits for counter 2): call next says so.
        await Expect(console.Locator("#btn-call-next")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await console.Keyboard.PressAsync("F1");
        await Expect(console.Locator("#message")).ToContainTextAsync("Không còn ai đang chờ", SlowContains);
    }
}
