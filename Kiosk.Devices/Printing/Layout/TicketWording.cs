using System.Globalization;

namespace QueueKiosk.Devices.Printing.Layout;

/// <summary>
/// The words of a queue ticket, in one place for the paper (<see cref="TicketComposer"/>) and the
/// kiosk's screen (Kiosk.Ui shows <see cref="TicketLayout.Facts"/> of the very layout it prints),
/// so the two cannot disagree: "dưới 1 phút" on both, never "0 phút"; the priority on both;
/// "quý khách" on both (issue 10 item 8).
/// </summary>
public sealed record TicketWording
{
    public static readonly TicketWording Vietnamese = new()
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

    public static readonly TicketWording English = new()
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

    public required string Heading { get; init; }

    public required string Counters { get; init; }

    public required string PeopleAhead { get; init; }

    public required string EstimatedWait { get; init; }

    public required string IssuedAt { get; init; }

    public required string LookupCaption { get; init; }

    /// <summary>The last line when the site wrote no thank-you of its own in this language.</summary>
    public required string ThankYou { get; init; }

    public required string Priority { get; init; }

    public required string UnderOneMinute { get; init; }

    /// <summary>"{0}" is the minutes.</summary>
    public required string AboutMinutes { get; init; }

    /// <summary>"{0}" is the hours, "{1}" the minutes.</summary>
    public required string AboutHoursAndMinutes { get; init; }

    /// <summary>English for "en", Vietnamese for anything else (the office's default).</summary>
    public static TicketWording For(string? language) => language == "en" ? English : Vietnamese;

    /// <summary>"khoảng 25 phút", "khoảng 1 giờ 10 phút", "dưới 1 phút" (a wait under half a minute, none included).</summary>
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

    /// <summary>The service, and for a priority ticket its group: "Tư pháp - Hộ tịch – Ưu tiên: Người cao tuổi".</summary>
    public string ServiceLine(string serviceName, string? priorityName) =>
        string.IsNullOrWhiteSpace(priorityName) ? serviceName : $"{serviceName} – {Priority}: {priorityName}";

    /// <summary>How a fact is printed on one line: "Quầy phục vụ: 1, 2".</summary>
    public static string Line(TicketFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return $"{fact.Label}: {fact.Value}";
    }
}

/// <summary>What a fact is, so a screen can place each one (e.g. an element id per kind).</summary>
public enum TicketFactKind
{
    Counters,
    PeopleAhead,
    EstimatedWait,
    IssuedAt,
}

/// <summary>One labelled fact of a ticket ("Số người chờ trước quý khách" / "0"), worded by <see cref="TicketWording"/>.</summary>
public sealed record TicketFact(TicketFactKind Kind, string Label, string Value);
