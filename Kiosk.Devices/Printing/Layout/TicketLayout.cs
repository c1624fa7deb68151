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

    /// <summary>The ticket's own words: Vietnamese unless the citizen chose English at the kiosk.</summary>
    public TicketLabels Labels { get; init; } = TicketLabels.Vietnamese;

    /// <summary>A line under the centre's name (the site's ticket header, e.g. its people's committee), or null.</summary>
    public string? Header { get; init; }

    /// <summary>The line above the number; the labels' own unless set.</summary>
    public string Heading { get => _heading ?? Labels.Heading; init => _heading = value; }

    public required string Number { get; init; }

    public required string ServiceName { get; init; }

    public string? ProcedureName { get; init; }

    /// <summary>Counter numbers or names that serve this ticket's service.</summary>
    public IReadOnlyList<string> Counters { get; init; } = [];

    public int PeopleAhead { get; init; }

    public TimeSpan? EstimatedWait { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Printed as a QR code when set (see <see cref="FormatLookupUrl"/>).</summary>
    public string? LookupUrl { get; init; }

    public string LookupCaption { get => _lookupCaption ?? Labels.LookupCaption; init => _lookupCaption = value; }

    /// <summary>The site's own lines before the thank-you (where to wait, the hotline), or null; line breaks are kept.</summary>
    public string? Notes { get; init; }

    /// <summary>The last, bold line: the site's thank-you, or the labels' own.</summary>
    public string Footer { get => _footer ?? Labels.ThankYou; init => _footer = value; }

    public const string DefaultFooter = "Xin cảm ơn quý khách!";

    /// <summary>Fills "{number}" in a configured lookup URL template with the escaped ticket number.</summary>
    public static string FormatLookupUrl(string template, string number)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(number);
        return template.Replace("{number}", Uri.EscapeDataString(number), StringComparison.Ordinal);
    }

    /// <summary>"khoảng 25 phút", "khoảng 1 giờ 10 phút", "dưới 1 phút" (Vietnamese; see <see cref="TicketLabels.FormatWait"/>).</summary>
    public static string FormatWait(TimeSpan wait) => TicketLabels.Vietnamese.FormatWait(wait);

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
