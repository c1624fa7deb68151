using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Fonts;
using QueueKiosk.Devices.Text;

namespace QueueKiosk.Devices.Printing.Layout;

/// <summary>A text line as the raster encoder sent it: the bitmap of the GS v 0 command(s).</summary>
public sealed record RasterTextLine(string Text, MonoBitmap Bitmap);

/// <summary>
/// Raster mode: every text line is drawn here and sent as a GS v 0 image cropped to its ink, with
/// the alignment done by ESC a or, for printers that ignore ESC a on images, baked in as left padding
/// (<see cref="PrinterProfile.AlignRasterWithCommand"/>). Blank
/// space above and below the ink becomes ESC J feeds, never white rows, which keeps an 80 mm
/// ticket near 20 KB. The QR code stays a native GS ( k command.
/// </summary>
internal sealed class RasterTicketEncoder(ITextRasterizer rasterizer, PrinterProfile profile)
{
    private const int SideMargin = 8;
    private const int LineGap = 6;
    private const int RuleThickness = 2;

    private readonly EscPosBuilder _builder = new();
    private readonly List<RasterTextLine> _lines = [];
    private int _pendingFeed;
    private Justification? _justification;

    public (byte[] Bytes, IReadOnlyList<RasterTextLine> Lines) Encode(IReadOnlyList<TicketElement> elements)
    {
        _builder.Initialize();
        if (profile.ResolveCancelKanjiMode())
        {
            _builder.CancelKanjiMode();
        }

        SetJustification(Justification.Left);
        foreach (var element in elements)
        {
            switch (element)
            {
                case TicketText text:
                    WriteText(text);
                    break;
                case TicketGap gap:
                    _pendingFeed += gap.Dots;
                    break;
                case TicketRule:
                    WriteRule();
                    break;
                case TicketQrCode qr:
                    FlushFeed();
                    SetJustification(Justification.Center);
                    _builder.QrCode(qr.Data, profile.QrModuleSize, profile.QrErrorCorrection);
                    break;
                default:
                    throw new NotSupportedException($"Unknown ticket element {element.GetType().Name}.");
            }
        }

        FlushFeed();
        _builder.Cut(profile.CutMode, profile.CutFeedDots);
        return (_builder.ToArray(), _lines);
    }

    internal static TextStyle StyleFor(TicketTextRole role, int widthDots)
    {
        var narrow = widthDots < 500;
        return role switch
        {
            TicketTextRole.Body => new TextStyle(narrow ? 20 : 24),
            TicketTextRole.BodyBold => new TextStyle(narrow ? 20 : 24, Bold: true),
            TicketTextRole.Small => new TextStyle(narrow ? 18 : 20),
            TicketTextRole.CentreName => new TextStyle(narrow ? 22 : 26, Bold: true),
            TicketTextRole.Heading => new TextStyle(narrow ? 28 : 32, Bold: true),
            TicketTextRole.Number => new TextStyle(narrow ? 112 : 144, Bold: true),
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
        };
    }

    private void WriteText(TicketText text)
    {
        var usable = profile.WidthDots - (2 * SideMargin);
        var style = StyleFor(text.Role, profile.WidthDots);
        if (text.Role == TicketTextRole.Number)
        {
            // The number is never wrapped: it shrinks until it fits.
            while (style.PixelSize > 24 && rasterizer.MeasureWidth(text.Text, style) > usable)
            {
                style = style with { PixelSize = style.PixelSize * 9 / 10 };
            }
        }

        var metrics = rasterizer.GetLineMetrics(style);
        foreach (var line in TextWrapper.Wrap(VietnameseText.Nfc(text.Text), usable, s => rasterizer.MeasureWidth(s, style)))
        {
            var rendered = rasterizer.RenderLine(line, style);
            if (rendered.Bitmap.FindInk() is not { } ink)
            {
                _pendingFeed += metrics.Height + LineGap;
                continue;
            }

            // Either the printer centres the image (ESC a, fewest bytes) or the white space to
            // its left is part of the image (works on printers that ignore ESC a for images).
            var byCommand = profile.AlignRasterWithCommand && text.Align != Justification.Left;
            var left = byCommand ? (((ink.Width + 7) / 8 * 8) - ink.Width) / 2 : text.Align switch
            {
                Justification.Center => (profile.WidthDots - ink.Width) / 2,
                Justification.Right => profile.WidthDots - SideMargin - ink.Width,
                _ => SideMargin,
            };
            SetJustification(byCommand ? text.Align : Justification.Left);

            // Whole bytes per row: the bitmap kept for callers is exactly what GS v 0 carries.
            var image = new MonoBitmap((left + ink.Width + 7) / 8 * 8, ink.Height);
            image.Draw(rendered.Bitmap.Crop(ink.Left, ink.Top, ink.Width, ink.Height), left, 0);

            // Keep baselines on a regular pitch: the white above and below the ink is fed, not sent.
            var inkAscent = rendered.Baseline - ink.Top;
            var inkDescent = ink.Bottom + 1 - rendered.Baseline;
            _pendingFeed += Math.Max(0, metrics.Ascent - inkAscent);
            FlushFeed();
            _builder.RasterImage(image, profile.MaxRasterRowsPerBand);
            _lines.Add(new RasterTextLine(line, image));
            _pendingFeed += Math.Max(0, metrics.Descent - inkDescent) + LineGap;
        }
    }

    private void SetJustification(Justification justification)
    {
        if (_justification != justification)
        {
            _builder.Justify(justification);
            _justification = justification;
        }
    }

    private void WriteRule()
    {
        FlushFeed();
        SetJustification(Justification.Left);
        var rule = new MonoBitmap(profile.WidthDots, RuleThickness);
        rule.FillRectangle(SideMargin, 0, profile.WidthDots - (2 * SideMargin), RuleThickness);
        _builder.RasterImage(rule, profile.MaxRasterRowsPerBand);
    }

    private void FlushFeed()
    {
        _builder.FeedDots(_pendingFeed);
        _pendingFeed = 0;
    }
}
