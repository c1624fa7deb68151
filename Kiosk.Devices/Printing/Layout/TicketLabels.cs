using System.Globalization;

namespace QueueKiosk.Devices.Printing.Layout;

/// <summary>
/// The ticket's own words, in the language the citizen chose at the kiosk. Vietnamese is the
/// default; only what the layout writes itself is here (the site's header, notes and names come
/// with the ticket as the office wrote them). Every string is printable in every text mode: ASCII
/// folding and the code pages cover them (tests decode them back from the bytes).
/// </summary>
public sealed record TicketLabels
{
    public required string Heading { get; init; }

    public required string Counters { get; init; }

    public required string PeopleAhead { get; init; }

    public required string EstimatedWait { get; init; }

    public required string IssuedAt { get; init; }

    public required string LookupCaption { get; init; }

    /// <summary>The last line when the site wrote no thank-you of its own in this language.</summary>
    public required string ThankYou { get; init; }

    /// <summary>Before the priority group's name on the service line ("Ưu tiên: Người cao tuổi").</summary>
    public required string Priority { get; init; }

    public required string UnderOneMinute { get; init; }

    /// <summary>"{0}" is the minutes.</summary>
    public required string AboutMinutes { get; init; }

    /// <summary>"{0}" the hours, "{1}" the minutes.</summary>
    public required string AboutHoursAndMinutes { get; init; }

    public static readonly TicketLabels Vietnamese = new()
    {
        Heading = "SỐ THỨ TỰ",
        Counters = "Quầy phục vụ",
        PeopleAhead = "Số người chờ trước quý khách",
        EstimatedWait = "Thời gian chờ dự kiến",
        IssuedAt = "Giờ lấy số",
        LookupCaption = "Quét mã QR để theo dõi số thứ tự",
        ThankYou = "Xin cảm ơn quý khách!",
        Priority = "Ưu tiên",
        UnderOneMinute = "dưới 1 phút",
        AboutMinutes = "khoảng {0} phút",
        AboutHoursAndMinutes = "khoảng {0} giờ {1} phút",
    };

    public static readonly TicketLabels English = new()
    {
        Heading = "QUEUE NUMBER",
        Counters = "Counters",
        PeopleAhead = "People ahead of you",
        EstimatedWait = "Estimated wait",
        IssuedAt = "Issued at",
        LookupCaption = "Scan the QR code to follow your number",
        ThankYou = "Thank you!",
        Priority = "Priority",
        UnderOneMinute = "under 1 minute",
        AboutMinutes = "about {0} min",
        AboutHoursAndMinutes = "about {0} h {1} min",
    };

    /// <summary>English for "en", Vietnamese for anything else (the default of the office).</summary>
    public static TicketLabels For(string? language) => language == "en" ? English : Vietnamese;

    /// <summary>"khoảng 25 phút" / "about 25 min", "dưới 1 phút" / "under 1 minute".</summary>
    public string FormatWait(TimeSpan wait)
    {
        var minutes = (int)Math.Round(wait.TotalMinutes);
        if (minutes < 1)
        {
            return UnderOneMinute;
        }

        return minutes < 60
            ? string.Format(CultureInfo.InvariantCulture, AboutMinutes, minutes)
            : string.Format(CultureInfo.InvariantCulture, AboutHoursAndMinutes, minutes / 60, minutes % 60);
    }
}
