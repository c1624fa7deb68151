using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.EscPos.CodePages;
using QueueKiosk.Devices.Text;

namespace QueueKiosk.Devices.Printing.Layout;

/// <summary>
/// TCVN-3, CP1258 and ASCII modes: the printer's own font (Font A, 12x24 dots), sizes with GS !,
/// bold with ESC E, alignment with ESC a. A ticket is one to two kilobytes.
/// </summary>
internal sealed class TextTicketEncoder(IPrinterTextEncoder textEncoder, PrinterProfile profile)
{
    /// <summary>Font A line pitch at the default line spacing, used to turn dot gaps into lines.</summary>
    private const int LinePitchDots = 30;

    private readonly EscPosBuilder _builder = new();

    public byte[] Encode(IReadOnlyList<TicketElement> elements)
    {
        _builder.Initialize();
        if (profile.ResolveCancelKanjiMode())
        {
            _builder.CancelKanjiMode();
        }

        foreach (var element in elements)
        {
            switch (element)
            {
                case TicketText text:
                    WriteText(text);
                    break;
                case TicketGap gap:
                    var lines = (int)Math.Round(gap.Dots / (double)LinePitchDots);
                    if (lines > 0)
                    {
                        _builder.FeedLines(lines);
                    }

                    break;
                case TicketRule:
                    _builder.Justify(Justification.Left).Append(System.Text.Encoding.ASCII.GetBytes(new string('-', profile.TextColumns))).LineFeed();
                    break;
                case TicketQrCode qr:
                    _builder.Justify(Justification.Center)
                        .QrCode(qr.Data, profile.QrModuleSize, profile.QrErrorCorrection)
                        .LineFeed();
                    break;
                default:
                    throw new NotSupportedException($"Unknown ticket element {element.GetType().Name}.");
            }
        }

        _builder.Cut(profile.CutMode, profile.CutFeedDots);
        return _builder.ToArray();
    }

    internal static (int Width, int Height, bool Bold) SizeFor(TicketTextRole role, int columns) => role switch
    {
        TicketTextRole.Body or TicketTextRole.Small => (1, 1, false),
        TicketTextRole.BodyBold or TicketTextRole.CentreName => (1, 1, true),
        TicketTextRole.Heading => (2, 2, true),
        TicketTextRole.Number => columns >= 48 ? (6, 6, true) : (4, 4, true),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    private void WriteText(TicketText text)
    {
        var (width, height, bold) = SizeFor(text.Role, profile.TextColumns);
        if (text.Role == TicketTextRole.Number)
        {
            // The number shrinks rather than wraps.
            width = Math.Clamp(Math.Min(width, profile.TextColumns / Math.Max(1, text.Text.Length)), 1, 8);
            height = Math.Max(width, 1);
        }

        var columns = profile.TextColumns / width;
        _builder.Justify(text.Align).CharacterSize(width, height).Bold(bold);
        foreach (var line in TextWrapper.Wrap(VietnameseText.Nfc(text.Text), columns, s => s.Length))
        {
            textEncoder.Write(_builder, line);
            _builder.LineFeed();
        }

        _builder.CharacterSize(1, 1).Bold(false);
    }
}
