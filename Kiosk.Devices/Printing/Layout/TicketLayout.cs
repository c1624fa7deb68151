using System.Globalization;

namespace QueueKiosk.Devices.Printing.Layout;

/// <summary>
/// What a queue ticket says, independent of how a printer draws it. Strings are NFC Vietnamese;
/// <see cref="IssuedAt"/> is printed as given, so pass it already in the site's zone.
/// </summary>
public sealed record TicketLayout
{
    private readonly string? _heading;
    private readonly string? _lookupCaption;
    private readonly string? _footer;

    public required string CentreName { get; init; }

    /// <summary>A line under the centre's name (the site's ticket header, e.g. its people's committee), or null.</summary>
    public string? Header { get; init; }

    /// <summary>The ticket's own words (labels, the wait): Vietnamese unless the citizen chose English at the kiosk; see <see cref="TicketWording"/>.</summary>
    public TicketWording Wording { get; init; } = TicketWording.Vietnamese;

    /// <summary>The line above the number; the wording's own unless set.</summary>
    public string Heading { get => _heading ?? Wording.Heading; init => _heading = value; }

    public required string Number { get; init; }

    public required string ServiceName { get; init; }

    public string? ProcedureName { get; init; }

    /// <summary>The priority group's name for a priority ticket ("Người cao tuổi"), else null.</summary>
    public string? PriorityName { get; init; }

    /// <summary>Counter numbers or names that serve this ticket's service.</summary>
    public IReadOnlyList<string> Counters { get; init; } = [];

    public int PeopleAhead { get; init; }

    public TimeSpan? EstimatedWait { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Printed as a QR code when set (see <see cref="FormatLookupUrl"/>).</summary>
    public string? LookupUrl { get; init; }

    public string LookupCaption { get => _lookupCaption ?? Wording.LookupCaption; init => _lookupCaption = value; }

    /// <summary>The site's own lines before the thank-you (where to wait, the hotline), or null; line breaks are kept.</summary>
    public string? Notes { get; init; }

    /// <summary>The last, bold line: the site's thank-you, or the wording's own.</summary>
    public string Footer { get => _footer ?? Wording.ThankYou; init => _footer = value; }

    /// <summary>Fills "{number}" in a configured lookup URL template with the escaped ticket number.</summary>
    public static string FormatLookupUrl(string template, string number)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(number);
        return template.Replace("{number}", Uri.EscapeDataString(number), StringComparison.Ordinal);
    }

    /// <summary>The line under the number: the service, and the priority group of a priority ticket.</summary>
    public string ServiceLine(TicketWording? wording = null) => (wording ?? Wording).ServiceLine(ServiceName, PriorityName);

    /// <summary>
    /// The labelled facts in print order: the paper prints them one a line, the kiosk's screen
    /// shows the same list (in the screen's language), so both say the same.
    /// </summary>
    public IReadOnlyList<TicketFact> Facts(TicketWording? wording = null)
    {
        var words = wording ?? Wording;
        var facts = new List<TicketFact>(4);
        if (Counters.Count > 0)
        {
            facts.Add(new TicketFact(TicketFactKind.Counters, words.Counters, string.Join(", ", Counters)));
        }

        facts.Add(new TicketFact(TicketFactKind.PeopleAhead, words.PeopleAhead, PeopleAhead.ToString(CultureInfo.InvariantCulture)));
        if (EstimatedWait is { } wait)
        {
            facts.Add(new TicketFact(TicketFactKind.EstimatedWait, words.EstimatedWait, words.FormatWait(wait)));
        }

        facts.Add(new TicketFact(TicketFactKind.IssuedAt, words.IssuedAt, IssuedAt.ToString("HH:mm:ss dd/MM/yyyy", CultureInfo.InvariantCulture)));
        return facts;
    }

    /// <summary>"khoảng 25 phút", "khoảng 1 giờ 10 phút", "dưới 1 phút" (as <see cref="TicketWording.FormatWait"/> in Vietnamese).</summary>
    public static string FormatWait(TimeSpan wait) => TicketWording.Vietnamese.FormatWait(wait);

    /// <summary>The ticket the demo, the bench and the tests print.</summary>
    public static TicketLayout Demo() => new()
    {
        CentreName = "UBND PHƯỜNG BẾN THÀNH - BỘ PHẬN MỘT CỬA",
        Number = "A012",
        ServiceName = "Tư pháp - Hộ tịch",
        ProcedureName = "Đăng ký khai sinh",
        Counters = ["1", "2", "5"],
        PeopleAhead = 7,
        EstimatedWait = TimeSpan.FromMinutes(25),
        IssuedAt = new DateTimeOffset(2026, 11, 21, 8, 15, 42, TimeSpan.FromHours(7)),
        LookupUrl = FormatLookupUrl("https://motcua.example.gov.vn/tra-cuu?so={number}", "A012"),
    };
}
