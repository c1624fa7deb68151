using System.Globalization;

namespace QueueKiosk.Devices.Printing.Layout;

/// <summary>
/// What a queue ticket says, independent of how a printer draws it. Strings are NFC Vietnamese;
/// <see cref="IssuedAt"/> is printed as given, so pass it already in the site's zone.
/// </summary>
public sealed record TicketLayout
{
    public required string CentreName { get; init; }

    /// <summary>A line under the centre's name (the site's ticket header, e.g. its people's committee), or null.</summary>
    public string? Header { get; init; }

    public string Heading { get; init; } = "SỐ THỨ TỰ";

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

    public string LookupCaption { get; init; } = "Quét mã QR để theo dõi số thứ tự";

    /// <summary>The site's own lines before the thank-you (where to wait, the hotline), or null; line breaks are kept.</summary>
    public string? Notes { get; init; }

    /// <summary>The last, bold line: the site's thank-you.</summary>
    public string Footer { get; init; } = DefaultFooter;

    public const string DefaultFooter = "Xin cảm ơn quý khách!";

    /// <summary>Fills "{number}" in a configured lookup URL template with the escaped ticket number.</summary>
    public static string FormatLookupUrl(string template, string number)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(number);
        return template.Replace("{number}", Uri.EscapeDataString(number), StringComparison.Ordinal);
    }

    /// <summary>"khoảng 25 phút", "khoảng 1 giờ 10 phút", "dưới 1 phút".</summary>
    public static string FormatWait(TimeSpan wait)
    {
        var minutes = (int)Math.Round(wait.TotalMinutes);
        if (minutes < 1)
        {
            return "dưới 1 phút";
        }

        return minutes < 60
            ? string.Create(CultureInfo.InvariantCulture, $"khoảng {minutes} phút")
            : string.Create(CultureInfo.InvariantCulture, $"khoảng {minutes / 60} giờ {minutes % 60} phút");
    }

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
