using Microsoft.Playwright;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using QueueKiosk.HubClient.Contracts;
using static Microsoft.Playwright.Assertions;

namespace QueueKiosk.EndToEnd.Tests.Calling;

/// <summary>
/// Issue 10 items 1-3 as an officer does them, in Chromium against a real Hub.Server: Space over a
/// ticket being served asks first, "Hoàn tác" brings a finished ticket back, a late no-show is put
/// back, a ticket is cancelled and issued at the counter, the counter closed; one officer per
/// counter and signing out pauses it.
/// </summary>
public class OfficerConsoleSafetyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 20_000 };
    private static readonly LocatorAssertionsToContainTextOptions SlowContains = new() { Timeout = 20_000 };
    private static readonly LocatorAssertionsToBeVisibleOptions SlowVisible = new() { Timeout = 20_000 };

    [Fact]
    public async Task SpaceWhileServing_AsksFirst_AndFinishCanBeUndone()
    {
        await using var rig = await CallingRig.StartAsync(voice: false);
        var first = await rig.IssueTicketForCounterAsync(1);
        var second = await rig.IssueTicketForCounterAsync(1);
        await using var context = await browser.NewContextAsync(1366, 768);
        var console = await CallingEndToEndTests.SignInAsync(context, rig, "canbo1", counterNumber: 1);
        await Expect(console.Locator($"#waiting-list tr[data-ticket='{second.Number}']")).ToBeVisibleAsync(SlowVisible);

        // Nobody at the counter: Space calls straight away.
        await console.Keyboard.PressAsync(" ");
        await Expect(console.Locator("#current-number")).ToHaveTextAsync(first.Number, Slow);
        await Expect(console.Locator("#btn-start")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await console.Keyboard.PressAsync("s");
        await Expect(console.Locator("#current-status")).ToHaveTextAsync("Đang phục vụ", Slow);

        // Space while serving asks, saying what happens to the current ticket; "Quay lại" changes nothing.
        // The hub's event can show "Đang phục vụ" before the start request has answered; the console
        // ignores shortcuts until it has (no double actions), which the enabled call button shows.
        await Expect(console.Locator("#btn-call-next")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await console.Keyboard.PressAsync(" ");
        await Expect(console.Locator("#confirm-dialog")).ToBeVisibleAsync(SlowVisible);
        await Expect(console.Locator("#confirm-text")).ToContainTextAsync($"Số {first.Number} đang được phục vụ sẽ được ghi là Hoàn thành", SlowContains);
        await console.ClickAsync("#confirm-cancel");
        await Expect(console.Locator("#confirm-dialog")).ToBeHiddenAsync();
        Assert.Equal(TicketStatus.Serving, (await rig.TicketAsync(first.Id)).Status);
        Assert.Equal(TicketStatus.Waiting, (await rig.TicketAsync(second.Id)).Status);

        // Finish (F), then "Hoàn tác": the ticket is being served again, at this counter.
        await console.Keyboard.PressAsync("f");
        await Expect(console.Locator("#undo-bar")).ToBeVisibleAsync(SlowVisible);
        await Expect(console.Locator("#undo-text")).ToContainTextAsync($"Đã hoàn thành số {first.Number}", SlowContains);
        Assert.Equal(TicketStatus.Served, (await rig.TicketAsync(first.Id)).Status);
        await console.ClickAsync("#btn-undo");
        await Expect(console.Locator("#message")).ToContainTextAsync($"Đã hoàn tác: số {first.Number} đang phục vụ", SlowContains);
        await Expect(console.Locator("#current-number")).ToHaveTextAsync(first.Number, Slow);
        Assert.Equal(TicketStatus.Serving, (await rig.TicketAsync(first.Id)).Status);

        // Confirming calls the next one and finishes the current one, as the dialog said.
        await Expect(console.Locator("#btn-call-next")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await console.Keyboard.PressAsync("F1");
        await console.ClickAsync("#confirm-ok");
        await Expect(console.Locator("#current-number")).ToHaveTextAsync(second.Number, Slow);
        Assert.Equal(TicketStatus.Served, (await rig.TicketAsync(first.Id)).Status);
    }

    [Fact]
    public async Task Transfer_CanBeUndone_TheTicketIsCalledAtThisCounterAgain_NotWaitingForTheOther()
    {
        await using var rig = await CallingRig.StartAsync(voice: false);
        var ticket = await rig.IssueTicketForCounterAsync(1);
        await using var context = await browser.NewContextAsync(1366, 768);
        var console = await CallingEndToEndTests.SignInAsync(context, rig, "canbo1", counterNumber: 1);
        await Expect(console.Locator($"#waiting-list tr[data-ticket='{ticket.Number}']")).ToBeVisibleAsync(SlowVisible);
        await console.Keyboard.PressAsync("F1");
        await Expect(console.Locator("#current-number")).ToHaveTextAsync(ticket.Number, Slow);

        // Transfer (T) to counter 2: "Hoàn tác" is offered as for a finish.
        await Expect(console.Locator("#btn-transfer")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await console.Keyboard.PressAsync("t");
        var counter2 = (await rig.SnapshotAsync()).Counters.Single(c => c.Number == 2);
        await console.SelectOptionAsync("#transfer-counter", counter2.Id.ToString());
        await console.ClickAsync("#transfer-ok");
        await Expect(console.Locator("#undo-bar")).ToBeVisibleAsync(SlowVisible);
        await Expect(console.Locator("#undo-text")).ToContainTextAsync($"Đã chuyển số {ticket.Number}", SlowContains);
        await Expect(console.Locator("#current-number")).ToHaveTextAsync("---", Slow);
        var transferred = await rig.TicketAsync(ticket.Id);
        Assert.Equal((TicketStatus.Waiting, (Guid?)counter2.Id), (transferred.Status, transferred.TargetCounterId));

        // "Hoàn tác": the ticket is called at counter 1 again and no longer waits for counter 2.
        await console.ClickAsync("#btn-undo");
        await Expect(console.Locator("#message")).ToContainTextAsync($"Đã hoàn tác: số {ticket.Number} đã gọi", SlowContains);
        await Expect(console.Locator("#current-number")).ToHaveTextAsync(ticket.Number, Slow);
        var back = await rig.TicketAsync(ticket.Id);
        Assert.Equal((TicketStatus.Called, (int?)1, (Guid?)null), (back.Status, back.CounterNumber, back.TargetCounterId));
        Assert.Equal(ticket.Id, (await rig.SnapshotAsync()).Counters.Single(c => c.Number == 1).CurrentTicketId);
    }

    [Fact]
    public async Task LateNoShow_IsPutBack_CancelIsUndone_WalkInGetsANumber_AndTheCounterCloses()
    {
        await using var rig = await CallingRig.StartAsync(voice: false);
        var late = await rig.IssueTicketForCounterAsync(1);
        await using var context = await browser.NewContextAsync(1366, 768);
        var console = await CallingEndToEndTests.SignInAsync(context, rig, "canbo1", counterNumber: 1);
        await Expect(console.Locator($"#waiting-list tr[data-ticket='{late.Number}']")).ToBeVisibleAsync(SlowVisible);
        // Nothing to undo yet: the bar is hidden (a class's display once overrode the hidden attribute).
        await Expect(console.Locator("#undo-bar")).ToBeHiddenAsync();

        // Called, absent (N), then the citizen turns up: "Xếp lại" with the number on the paper (L), and call them.
        await console.Keyboard.PressAsync("F1");
        await Expect(console.Locator("#btn-no-show")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await console.Keyboard.PressAsync("n");
        await Expect(console.Locator("#undo-bar")).ToBeVisibleAsync(SlowVisible);
        Assert.Equal(TicketStatus.NoShow, (await rig.TicketAsync(late.Id)).Status);
        await console.Keyboard.PressAsync("l");
        await console.FillAsync("#requeue-number", late.Number);
        await console.ClickAsync("#requeue-ok");
        await Expect(console.Locator($"#waiting-list tr[data-ticket='{late.Number}']")).ToBeVisibleAsync(SlowVisible);
        Assert.Equal(TicketStatus.Waiting, (await rig.TicketAsync(late.Id)).Status);
        await console.ClickAsync($"#waiting-list tr[data-ticket='{late.Number}'] button.call-this");
        await Expect(console.Locator("#current-number")).ToHaveTextAsync(late.Number, Slow);

        // Cancel (X), then undo: called at this counter again.
        await Expect(console.Locator("#btn-cancel-ticket")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await console.Keyboard.PressAsync("x");
        await Expect(console.Locator("#message")).ToContainTextAsync($"Đã huỷ số {late.Number}", SlowContains);
        Assert.Equal(TicketStatus.Cancelled, (await rig.TicketAsync(late.Id)).Status);
        await console.ClickAsync("#btn-undo");
        await Expect(console.Locator("#current-number")).ToHaveTextAsync(late.Number, Slow);
        Assert.Equal(TicketStatus.Called, (await rig.TicketAsync(late.Id)).Status);

        // A walk-in: a number issued at the counter with a priority.
        await console.ClickAsync("#btn-issue");
        await console.SelectOptionAsync("#issue-priority", "Elderly");
        await console.ClickAsync("#issue-ok");
        await Expect(console.Locator("#message")).ToContainTextAsync("Đã cấp số", SlowContains);
        await Expect(console.Locator("#message")).ToContainTextAsync("ưu tiên Người cao tuổi", SlowContains);
        var issued = (await rig.SnapshotAsync()).Waiting.Single(t => t.Channel == TicketChannel.Officer);
        Assert.Equal(PriorityCategory.Elderly, issued.Priority);

        // End of the day: close the counter, after one confirmation.
        await console.ClickAsync("#btn-close");
        await Expect(console.Locator("#confirm-text")).ToContainTextAsync("Quầy sẽ không gọi số nữa", SlowContains);
        await console.ClickAsync("#confirm-ok");
        await Expect(console.Locator("#counter-state")).ToHaveTextAsync("Đóng", Slow);
        Assert.Equal(CounterState.Closed, (await rig.SnapshotAsync()).Counters.Single(c => c.Number == 1).State);
    }

    [Fact]
    public async Task SecondOfficer_IsToldWhoIsThere_TakesOver_TheFirstConsoleSeesIt_AndSigningOutPauses()
    {
        await using var rig = await CallingRig.StartAsync(voice: false);
        await using var firstContext = await browser.NewContextAsync(1366, 768);
        var first = await CallingEndToEndTests.SignInAsync(firstContext, rig, "canbo1", counterNumber: 1);
        var counter1 = (await rig.SnapshotAsync()).Counters.Single(c => c.Number == 1);
        var firstName = counter1.OfficerName;
        Assert.False(string.IsNullOrEmpty(firstName));

        // The second officer picks counter 1 and presses Enter in the counter list: refused, naming who is there.
        await using var secondContext = await browser.NewContextAsync(1366, 768);
        var login = await secondContext.NewPageAsync();
        await login.GotoAsync(new Uri(rig.Hub.BaseAddress, "/officer/login").ToString());
        await login.FillAsync("#user-name", "canbo2");
        await login.FillAsync("#password", CallingRig.Password);
        await login.SelectOptionAsync("#counter", counter1.Id.ToString());
        await login.FocusAsync("#counter");
        await login.Keyboard.PressAsync("Enter");
        await Expect(login.Locator("#login-error")).ToContainTextAsync($"quầy 1 đang có cán bộ {firstName} làm việc", SlowContains);
        await Expect(login.Locator("#takeover-button")).ToBeVisibleAsync(SlowVisible);

        // Taking over is a second press; the first console is told who took over.
        await login.ClickAsync("#takeover-button");
        await Expect(login.Locator("body")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 20_000 });
        await Expect(first.Locator("#message")).ToContainTextAsync("đã tiếp quản quầy này", SlowContains);
        Assert.NotEqual(firstName, (await rig.SnapshotAsync()).Counters.Single(c => c.Number == 1).OfficerName);

        // Signing out pauses the counter (the hall shows "Tạm dừng"), with nobody's name on it.
        await login.ClickAsync("#btn-logout");
        Assert.True(await Eventually.TrueAsync(async () =>
            (await rig.SnapshotAsync()).Counters.Single(c => c.Number == 1) is { State: CounterState.Paused, OfficerName: null }));
    }
}
