using System.Globalization;
using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.EscPos.CodePages;

namespace QueueKiosk.Devices.Printing.Layout;

/// <summary>
/// A page for installers: the profile's mode and code tables, then every Vietnamese letter in lower
/// case and capitals, so a new printer's tables can be checked against the virtual printer's PNG
/// (hardware-docs/printers.md, "How to check a printer's tables").
/// </summary>
public static class PrinterTestPage
{
    public static IReadOnlyList<TicketElement> Compose(PrinterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var tables = profile.ResolveCodeTables();
        var elements = new List<TicketElement>
        {
            new TicketText("TRANG IN THỬ", TicketTextRole.Heading, Justification.Center),
            new TicketGap(8),
            new TicketText(string.Create(CultureInfo.InvariantCulture, $"Chế độ: {profile.Mode}, khổ {profile.PaperWidthMm} mm, mẫu {profile.Preset}"), TicketTextRole.Body, Justification.Left),
            new TicketText($"TCVN-3: {Show(tables.Tcvn3Lower)}/{Show(tables.Tcvn3Upper)}, CP1258: {Show(tables.Cp1258)}", TicketTextRole.Body, Justification.Left),
            new TicketRule(),
        };

        foreach (var upper in new[] { false, true })
        {
            // One group per vowel with its five tones, so a wrong letter is easy to spot.
            var groups = VietnameseAlphabet.LowerRows.Select(row => upper ? row.ToUpperInvariant() : row);
            elements.Add(new TicketText(string.Join(' ', groups), TicketTextRole.Body, Justification.Left));
            elements.Add(new TicketGap(8));
        }

        elements.Add(new TicketText("SỐ THỨ TỰ - Đăng ký khai sinh", TicketTextRole.BodyBold, Justification.Left));
        return elements;
    }

    private static string Show(byte? table) => table?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
