using QueueKiosk.KioskUi.Hub;
using QueueKiosk.KioskUi.Localization;
using QueueKiosk.KioskUi.Tickets;

namespace QueueKiosk.KioskUi.Appointments;

/// <summary>
/// "Tôi đã đặt lịch hẹn" (docs/appointments.md): the booking code typed on the screen or scanned from
/// the booking's QR goes to the hub; the ticket it issues is printed like any other, and the hub's
/// sentence (on time, or late and so a walk-in) is shown with it.
/// </summary>
public sealed class CheckInService(IKioskBackend hub, TakeNumberService tickets, ILogger<CheckInService> logger)
{
    /// <summary>The booking code's length (Hub.Server's BookingCodes).</summary>
    public const int CodeLength = 8;

    public async Task<CheckInAnswer> CheckInAsync(string? code, string language, CancellationToken cancellationToken)
    {
        var wanted = Extract(code);
        if (wanted is null)
        {
            return new CheckInAnswer(CheckInKind.Empty, KioskText.Get(language, "checkin.empty"), false, null);
        }

        CheckInOutcome outcome;
        try
        {
            outcome = await hub.CheckInAppointmentAsync(wanted, language, cancellationToken);
        }
        catch (HubUnavailableException e)
        {
            logger.LogWarning("Check-in not done, hub unavailable: {Message}", e.Message);
            return new CheckInAnswer(CheckInKind.HubUnavailable, KioskText.Get(language, "checkin.hubUnavailable"), false, null);
        }

        if (outcome is CheckInOutcome.Refused refused)
        {
            return new CheckInAnswer(CheckInKind.Refused, refused.Message, false, null);
        }

        var result = ((CheckInOutcome.CheckedIn)outcome).Result;
        var printed = await tickets.PrintAsync(result.Ticket, null, language, cancellationToken);
        return new CheckInAnswer(CheckInKind.CheckedIn, language == KioskText.English ? result.MessageEn : result.MessageVi, result.Late, printed.Ticket);
    }

    /// <summary>The code out of what was typed or scanned: letters and digits only, upper case; a QR may hold more text around it.</summary>
    public static string? Extract(string? typed)
    {
        var letters = new string((typed ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return letters.Length == 0 ? null : letters.Length > CodeLength ? letters[^CodeLength..] : letters;
    }
}

public enum CheckInKind
{
    CheckedIn,
    Refused,
    Empty,
    HubUnavailable,
}

/// <param name="Message">The sentence to show (the hub's, in the kiosk's language).</param>
public sealed record CheckInAnswer(CheckInKind Kind, string Message, bool Late, TicketView? Ticket);

public sealed record CheckInBody(string? Code);
