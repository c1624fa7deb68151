using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using QueueKiosk.EndToEnd.Tests.Kiosk;
using QueueKiosk.HubClient.Contracts;
using static Microsoft.Playwright.Assertions;

namespace QueueKiosk.EndToEnd.Tests.Appointments;

/// <summary>
/// Issue 12 in Chromium against real Hub.Server and Kiosk.Ui processes (docs/appointments.md): a
/// citizen books on the phone page, checks in at the kiosk by typing the code as the QR scanner
/// would (characters, then Enter) and gets an appointment ticket; a cancelled booking frees its
/// place; a remote ticket is followed on the tracking page until it is called. The hub runs on the
/// real clock with Queue:IgnoreOpeningHours, so the slot is a few minutes from now whatever the hour.
/// </summary>
public sealed class AppointmentEndToEndTests(KioskRig rig, BrowserFixture browser) : IClassFixture<KioskRig>, IClassFixture<BrowserFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    static AppointmentEndToEndTests() => SetDefaultExpectTimeout(20_000);

    /// <summary>Service A takes bookings in one slot five minutes from now (its check-in window is open) and remote tickets.</summary>
    private async Task<(Guid ServiceId, string Slot)> OpenBookingAsync()
    {
        using var supervisor = await rig.SignInAsync("giamsat");
        var services = await supervisor.GetFromJsonAsync<List<ServiceDto>>(HubRoutes.Services, Json);
        var a = services!.Single(s => s.Code == "A").Id;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
        var slot = TimeOnly.FromDateTime(local).AddMinutes(5).ToString("HH:mm", CultureInfo.InvariantCulture);
        using var response = await supervisor.PutAsJsonAsync(HubRoutes.AdminServiceBookingOf(a), new
        {
            ServiceId = a,
            Enabled = true,
            Days = new[] { 0, 1, 2, 3, 4, 5, 6 },
            SlotTimes = new[] { slot },
            SlotMinutes = 30,
            PlacesPerSlot = 3,
            CheckInBeforeMinutes = 15,
            CheckInAfterMinutes = 10,
            DaysAhead = 1,
            RemoteTicketsAllowed = true,
            RemoteDailyLimitPerPhone = 3,
            ServingRule = "SlotTimeFirst",
        }, Json);
        response.EnsureSuccessStatusCode();
        return (a, slot);
    }

    private async Task<IBrowserContext> PhoneAsync() => await browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        IsMobile = true,
        HasTouch = true,
        Locale = "vi-VN",
    });

    /// <summary>Books on the phone page; <paramref name="previous"/>: the code the page shows from an earlier booking, which must be replaced.</summary>
    private static async Task<string> BookAsync(IPage page, string slot, string phone, string? previous = null)
    {
        await page.GetByTestId($"slot-{slot}").ClickAsync();
        await page.GetByTestId("book-name").FillAsync("Nguyễn Văn An");
        await page.GetByTestId("book-phone").FillAsync(phone);
        await page.GetByTestId("book-submit").ClickAsync();
        if (previous is not null)
        {
            await Expect(page.GetByTestId("book-code")).Not.ToHaveTextAsync(previous);
        }

        await Expect(page.GetByTestId("book-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{8}$"));
        await Expect(page.GetByTestId("book-qr")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^data:image/png;base64,"));
        return await page.GetByTestId("book-code").InnerTextAsync();
    }

    [Fact]
    public async Task BookOnThePhone_CheckInAtTheKioskWithTheCode_AndCancelFreesThePlace()
    {
        var (_, slot) = await OpenBookingAsync();
        await using var phone = await PhoneAsync();
        var page = await phone.NewPageAsync();
        await page.GotoAsync(rig.Hub.BaseAddress + "dat-lich");
        await Expect(page.GetByTestId($"slot-{slot}")).ToHaveTextAsync($"{slot} (3)");
        var code = await BookAsync(page, slot, "0912345678");
        await Expect(page.GetByTestId($"slot-{slot}")).ToHaveTextAsync($"{slot} (2)");

        // A second booking, cancelled with its code: the place is free again.
        var second = await BookAsync(page, slot, "0987654321", previous: code);
        await Expect(page.GetByTestId($"slot-{slot}")).ToHaveTextAsync($"{slot} (1)");
        await page.GetByTestId("cancel-code").FillAsync(second);
        await page.GetByTestId("cancel-submit").ClickAsync();
        await Expect(page.GetByTestId("cancel-result")).ToContainTextAsync("Đã hủy lịch hẹn");
        await Expect(page.GetByTestId($"slot-{slot}")).ToHaveTextAsync($"{slot} (2)");

        // At the kiosk: the scanner types the code and Enter.
        await using var screen = await browser.NewContextAsync(540, 960);
        var kiosk = await screen.NewPageAsync();
        await kiosk.GotoAsync(rig.Kiosk.BaseAddress.ToString());
        await KioskRig.OpenMenuAsync(kiosk, "menu-checkin");
        await Expect(kiosk.GetByTestId("checkin-code")).ToBeVisibleAsync();
        await kiosk.Keyboard.TypeAsync(code);
        await kiosk.Keyboard.PressAsync("Enter");
        await Expect(kiosk.GetByTestId("checkin-answer")).ToHaveAttributeAsync("data-kind", "found");
        await Expect(kiosk.GetByTestId("checkin-answer")).ToContainTextAsync($"Đã xác nhận lịch hẹn {slot}");
        var number = await kiosk.GetByTestId("checkin-number").InnerTextAsync();
        var ticket = Assert.Single((await rig.HubSnapshotAsync()).Waiting, t => t.Number == number);
        Assert.Equal(TicketChannel.Appointment, ticket.Channel);

        // The same code again, and a cancelled one: a sentence each, no ticket.
        await kiosk.Keyboard.TypeAsync(code);
        await kiosk.Keyboard.PressAsync("Enter");
        await Expect(kiosk.GetByTestId("checkin-answer")).ToContainTextAsync("đã được xác nhận");
        await kiosk.Keyboard.TypeAsync(second);
        await kiosk.Keyboard.PressAsync("Enter");
        await Expect(kiosk.GetByTestId("checkin-answer")).ToHaveAttributeAsync("data-kind", "refused");
        await Expect(kiosk.GetByTestId("checkin-answer")).ToContainTextAsync("đã bị hủy");
    }

    [Fact]
    public async Task RemoteTicket_IsFollowedOnTheTrackingPage_UntilItIsCalled()
    {
        await OpenBookingAsync();
        await using var phone = await PhoneAsync();
        var page = await phone.NewPageAsync();
        await page.GotoAsync(rig.Hub.BaseAddress + "dat-lich");
        await page.GetByTestId("remote-open").ClickAsync();
        await page.GetByTestId("remote-phone").FillAsync("0901234567");
        await page.GetByTestId("remote-take").ClickAsync();
        var link = page.GetByTestId("remote-track-link");
        await Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();
        var number = page.GetByTestId("track-number");
        await Expect(number).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^A\\d{3}$"));
        var shown = await number.InnerTextAsync();

        // The supervisor calls it at counter 1 (open in the demo).
        using var supervisor = await rig.SignInAsync("giamsat");
        var snapshot = (await supervisor.GetFromJsonAsync<QueueSnapshotDto>(HubRoutes.OwnSnapshot, Json))!;
        var ticket = snapshot.Waiting.Single(t => t.Number == shown);
        Assert.Equal(TicketChannel.Remote, ticket.Channel);
        var counter = snapshot.Counters.Single(c => c.Number == 1);
        using var call = await supervisor.PostAsJsonAsync(HubRoutes.CounterAction(counter.Id, CounterActions.Call), new CallTicketRequest(ticket.Id), Json);
        call.EnsureSuccessStatusCode();
        await Expect(page.Locator("#qk-state")).ToContainTextAsync("Quầy 1");
    }
}
