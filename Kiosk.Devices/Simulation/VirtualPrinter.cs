using System.Text;
using QRCoder;
using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.EscPos.CodePages;
using QueueKiosk.Devices.Fonts;
using static QueueKiosk.Devices.EscPos.EscPosBytes;

namespace QueueKiosk.Devices.Simulation;

/// <summary>
/// An ESC/POS interpreter for the commands QueueKiosk emits: it draws what a thermal printer would
/// (text in the printer font approximated with the same rasteriser, raster images, QR codes, rough
/// barcodes) onto a page, decodes text back to Unicode through the selected code table, and ends a
/// ticket at every cut. Bytes may arrive in any chunking. Not thread-safe: one writer at a time.
/// </summary>
public sealed class VirtualPrinter
{
    /// <summary>Font A is 12x24 dots; DejaVu at 20 px has about that advance.</summary>
    private const int PrinterFontPixelSize = 20;
    private const int CharacterHeight = 24;
    private const int CharacterWidth = 12;
    private const int DefaultLineSpacing = 30;

    private readonly ITextRasterizer _rasterizer;
    private readonly VirtualPrinterOptions _options;
    private readonly List<byte> _pending = [];
    private readonly List<VirtualTicket> _tickets = [];
    private readonly List<(VirtualCodeTable Table, byte Value)> _lineBytes = [];

    private PageCanvas _page;
    private List<string> _textLines = [];
    private List<VirtualImage> _images = [];
    private List<string> _qrCodes = [];
    private List<string> _barcodes = [];
    private int _statusRequests;
    private bool _lastWasImage;

    private byte _codeTable;
    private int _lineSpacing = DefaultLineSpacing;
    private Justification _justification;
    private bool _bold;
    private int _widthMultiplier = 1;
    private int _heightMultiplier = 1;
    private int _qrModuleSize = 3;
    private QrErrorCorrection _qrLevel = QrErrorCorrection.Low;
    private byte[] _qrData = [];
    private int _barcodeHeight = 162;
    private int _barcodeModuleWidth = 3;
    private BarcodeTextPosition _barcodeTextPosition = BarcodeTextPosition.None;

    public VirtualPrinter(ITextRasterizer rasterizer, VirtualPrinterOptions? options = null)
    {
        _rasterizer = rasterizer ?? throw new ArgumentNullException(nameof(rasterizer));
        _options = options ?? new VirtualPrinterOptions();
        _page = new PageCanvas(_options.WidthDots);
    }

    /// <summary>Raised for every cut, after the ticket is added to <see cref="Tickets"/>.</summary>
    public event Action<VirtualTicket>? TicketCut;

    public IReadOnlyList<VirtualTicket> Tickets => _tickets;

    /// <summary>Bytes received and not yet interpretable (an incomplete command).</summary>
    public int PendingBytes => _pending.Count;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        _pending.AddRange(bytes);
        var data = _pending.ToArray();
        var offset = 0;
        while (offset < data.Length)
        {
            var consumed = Interpret(data.AsSpan(offset), offset);
            if (consumed == 0)
            {
                break;
            }

            offset += consumed;
        }

        _pending.RemoveRange(0, offset);
    }

    /// <summary>Ends whatever was printed since the last cut as a ticket (the paper torn off by hand).</summary>
    public VirtualTicket? TearOff()
    {
        PrintLineBuffer(DefaultLineSpacing);
        return _page.Height == 0 && _textLines.Count == 0 ? null : FinishTicket(0);
    }

    /// <summary>Interprets one command at the start of <paramref name="data"/>; returns its length, or 0 if incomplete.</summary>
    private int Interpret(ReadOnlySpan<byte> data, int position)
    {
        var first = data[0];
        switch (first)
        {
            case EscPosBytes.LineFeed:
                _lastWasImage = false;
                if (!PrintLineBuffer(LineAdvance()))
                {
                    _page.Advance(LineAdvance());
                }

                return 1;
            case CarriageReturn:
                return 1;
            case Esc:
                return data.Length < 2 ? 0 : InterpretEsc(data, position);
            case Gs:
                return data.Length < 2 ? 0 : InterpretGs(data, position);
            case Fs:
                if (data.Length < 2)
                {
                    return 0;
                }

                return data[1] is CancelKanjiLetter or (byte)'&' ? 2 : throw Unknown(data, position);
            case Dle:
                if (data.Length < 3)
                {
                    return 0;
                }

                if (data[1] is not (Eot or 0x05))
                {
                    throw Unknown(data, position);
                }

                // DLE EOT n (status) and DLE ENQ n (real-time request) are answered, never printed.
                _statusRequests++;
                return 3;
            default:
                if (first < 0x20)
                {
                    throw Unknown(data, position);
                }

                _lineBytes.Add((CurrentTable(), first));
                return 1;
        }
    }

    private int InterpretEsc(ReadOnlySpan<byte> data, int position)
    {
        switch (data[1])
        {
            case InitializeLetter:
                PrintLineBuffer(LineAdvance());
                _codeTable = 0;
                _justification = Justification.Left;
                _bold = false;
                _widthMultiplier = _heightMultiplier = 1;
                _lineSpacing = DefaultLineSpacing;
                return 2;
            case CodeTableLetter when data.Length >= 3:
                _codeTable = data[2];
                return 3;
            case JustificationLetter when data.Length >= 3:
                _justification = (Justification)(data[2] % 48 > 2 ? 0 : data[2] % 48);
                return 3;
            case BoldLetter when data.Length >= 3:
                _bold = (data[2] & 1) != 0;
                return 3;
            case FeedLinesLetter when data.Length >= 3:
                _lastWasImage = false;
                PrintLineBuffer(0);
                _page.Advance(data[2] * _lineSpacing);
                return 3;
            case FeedDotsLetter when data.Length >= 3:
                _lastWasImage = false;
                PrintLineBuffer(0);
                _page.Advance(data[2]);
                return 3;
            case (byte)'2':
                _lineSpacing = DefaultLineSpacing;
                return 2;
            case (byte)'3' when data.Length >= 3:
                _lineSpacing = data[2];
                return 3;
            case (byte)'!' or (byte)'-' or (byte)'M' or (byte)'R' or (byte)'G' when data.Length >= 3:
                // Print mode, underline, font, international set, double strike: no effect on what
                // the virtual page records beyond what GS ! and ESC E already give.
                return 3;
            case (byte)'p' when data.Length >= 5:
                return 5; // cash drawer pulse
            case CodeTableLetter or JustificationLetter or BoldLetter or FeedLinesLetter or FeedDotsLetter
                or (byte)'3' or (byte)'!' or (byte)'-' or (byte)'M' or (byte)'R' or (byte)'G' or (byte)'p':
                return 0;
            default:
                throw Unknown(data, position);
        }
    }

    private int InterpretGs(ReadOnlySpan<byte> data, int position)
    {
        switch (data[1])
        {
            case CharacterSizeLetter when data.Length >= 3:
                _widthMultiplier = (data[2] >> 4) + 1;
                _heightMultiplier = (data[2] & 0x0F) + 1;
                return 3;
            case BarcodeHeightLetter when data.Length >= 3:
                _barcodeHeight = data[2];
                return 3;
            case BarcodeWidthLetter when data.Length >= 3:
                _barcodeModuleWidth = data[2];
                return 3;
            case BarcodeTextPositionLetter when data.Length >= 3:
                _barcodeTextPosition = (BarcodeTextPosition)(data[2] & 3);
                return 3;
            case RasterLetter:
                return InterpretRaster(data, position);
            case OpenParenthesis:
                return InterpretSymbol(data, position);
            case EscPosBytes.BarcodeLetter:
                return InterpretBarcode(data, position);
            case CutLetter:
                return InterpretCut(data, position);
            case (byte)'a' or (byte)'B' or (byte)'r' or (byte)'I' when data.Length >= 3:
                // Automatic status back, reverse print, status and ID requests: nothing to draw.
                return 3;
            case CharacterSizeLetter or BarcodeHeightLetter or BarcodeWidthLetter or BarcodeTextPositionLetter
                or (byte)'a' or (byte)'B' or (byte)'r' or (byte)'I':
                return 0;
            default:
                throw Unknown(data, position);
        }
    }

    private int InterpretRaster(ReadOnlySpan<byte> data, int position)
    {
        if (data.Length < 8)
        {
            return 0;
        }

        if (data[2] != RasterFunction)
        {
            throw Unknown(data, position);
        }

        var rowBytes = data[4] | (data[5] << 8);
        var rows = data[6] | (data[7] << 8);
        var length = 8 + (rowBytes * rows);
        if (data.Length < length)
        {
            return 0;
        }

        PrintLineBuffer(0);
        var band = new MonoBitmap(rowBytes * 8, rows, data.Slice(8, rowBytes * rows));
        var x = AlignedX(band.Width);
        var y = _page.Height;
        _page.Draw(band, x, y);
        _page.Advance(rows);

        // Bands of one tall image arrive back to back: join them so tests see the image whole.
        if (_lastWasImage && _images.Count > 0 && _images[^1] is var previous
            && previous.X == x && previous.Bitmap.Width == band.Width && previous.Y + previous.Bitmap.Height == y)
        {
            var joined = new MonoBitmap(band.Width, previous.Bitmap.Height + rows);
            joined.Draw(previous.Bitmap, 0, 0);
            joined.Draw(band, 0, previous.Bitmap.Height);
            _images[^1] = previous with { Bitmap = joined };
        }
        else
        {
            _images.Add(new VirtualImage(x, y, band));
        }

        _lastWasImage = true;
        return length;
    }

    private int InterpretSymbol(ReadOnlySpan<byte> data, int position)
    {
        if (data.Length < 5)
        {
            return 0;
        }

        var parameterLength = data[3] | (data[4] << 8);
        var length = 5 + parameterLength;
        if (data.Length < length)
        {
            return 0;
        }

        if (data[2] != SymbolLetter || parameterLength < 3 || data[5] != QrCodeSymbol)
        {
            throw Unknown(data, position);
        }

        var parameters = data.Slice(7, parameterLength - 2);
        switch (data[6])
        {
            case QrFunctionModel:
                break;
            case QrFunctionModuleSize:
                _qrModuleSize = parameters[0];
                break;
            case QrFunctionErrorCorrection:
                _qrLevel = (QrErrorCorrection)parameters[0];
                break;
            case QrFunctionStore:
                _qrData = parameters[1..].ToArray();
                break;
            case QrFunctionPrint:
                PrintQr();
                break;
            default:
                throw Unknown(data, position);
        }

        _lastWasImage = false;
        return length;
    }

    private int InterpretBarcode(ReadOnlySpan<byte> data, int position)
    {
        if (data.Length < 4)
        {
            return 0;
        }

        if (data[2] != BarcodeCode128)
        {
            throw Unknown(data, position);
        }

        var length = 4 + data[3];
        if (data.Length < length)
        {
            return 0;
        }

        PrintLineBuffer(0);
        var body = Encoding.ASCII.GetString(data.Slice(4, data[3]));
        var text = (body.StartsWith("{B", StringComparison.Ordinal) ? body[2..] : body).Replace("{{", "{", StringComparison.Ordinal);
        _barcodes.Add(text);
        DrawBarcode(text);
        _lastWasImage = false;
        return length;
    }

    private int InterpretCut(ReadOnlySpan<byte> data, int position)
    {
        if (data.Length < 3)
        {
            return 0;
        }

        var feed = 0;
        var length = 3;
        switch (data[2])
        {
            case CutFull or CutPartial or CutFullAsciiDigit or CutPartialAsciiDigit:
                break;
            case CutFeedThenFull or CutFeedThenPartial:
                if (data.Length < 4)
                {
                    return 0;
                }

                feed = data[3];
                length = 4;
                break;
            default:
                throw Unknown(data, position);
        }

        PrintLineBuffer(LineAdvance());
        FinishTicket(feed);
        return length;
    }

    private VirtualTicket FinishTicket(int feed)
    {
        _page.Advance(feed);
        var ticket = new VirtualTicket(_page.ToBitmap(), _textLines, _images, _qrCodes, _barcodes, _statusRequests);
        _tickets.Add(ticket);
        _page = new PageCanvas(_options.WidthDots);
        _textLines = [];
        _images = [];
        _qrCodes = [];
        _barcodes = [];
        _statusRequests = 0;
        _lastWasImage = false;
        TicketCut?.Invoke(ticket);
        return ticket;
    }

    private int LineAdvance() => Math.Max(_lineSpacing, CharacterHeight * _heightMultiplier);

    /// <summary>
    /// Prints the buffered text at the current line and advances by <paramref name="advance"/> dots
    /// (at least the character height). Returns false, feeding nothing, when the buffer is empty.
    /// </summary>
    private bool PrintLineBuffer(int advance)
    {
        if (_lineBytes.Count == 0)
        {
            return false;
        }

        var text = DecodeLine();
        _lineBytes.Clear();
        _textLines.Add(text);
        // The printer font is monospaced: each character is centred in a 12-dot cell.
        var style = new TextStyle(PrinterFontPixelSize, _bold);
        var metrics = _rasterizer.GetLineMetrics(style);
        var line = new MonoBitmap(CharacterWidth * text.Length, CharacterHeight + metrics.Height);
        for (var i = 0; i < text.Length; i++)
        {
            var glyph = _rasterizer.RenderLine(text[i].ToString(), style);
            line.Draw(glyph.Bitmap, (i * CharacterWidth) + ((CharacterWidth - glyph.Bitmap.Width) / 2), metrics.Ascent + 4 - glyph.Baseline);
        }

        var glyphs = line.Scale(_widthMultiplier, _heightMultiplier);
        var cellHeight = CharacterHeight * _heightMultiplier;
        // Baselines sit about where Font A's is: 4 of 24 dots above the cell bottom.
        // Tall stacked marks may reach into the line above, but never above the top of the paper.
        var top = Math.Max(0, _page.Height + cellHeight - (cellHeight / 6) - ((metrics.Ascent + 4) * _heightMultiplier));
        _page.Draw(glyphs, AlignedX(glyphs.Width), top);
        _page.Advance(Math.Max(advance, cellHeight));
        return true;
    }

    private string DecodeLine()
    {
        var builder = new StringBuilder();
        var i = 0;
        while (i < _lineBytes.Count)
        {
            var table = _lineBytes[i].Table;
            var run = new List<byte>();
            while (i < _lineBytes.Count && _lineBytes[i].Table == table)
            {
                run.Add(_lineBytes[i++].Value);
            }

            builder.Append(table switch
            {
                VirtualCodeTable.Cp1258 => Cp1258.Decode(run.ToArray()),
                VirtualCodeTable.Tcvn3Lower => new string(run.Select(b => Tcvn3.Decode(Tcvn3Table.Lower, b) ?? '?').ToArray()),
                VirtualCodeTable.Tcvn3Upper => new string(run.Select(b => Tcvn3.Decode(Tcvn3Table.Upper, b) ?? '?').ToArray()),
                _ => new string(run.Select(b => b < 0x80 ? (char)b : '?').ToArray()),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private VirtualCodeTable CurrentTable() =>
        _options.CodeTables.TryGetValue(_codeTable, out var table) ? table : VirtualCodeTable.Pc437;

    private int AlignedX(int width) => _justification switch
    {
        Justification.Center => Math.Max(0, (_options.WidthDots - width) / 2),
        Justification.Right => Math.Max(0, _options.WidthDots - width),
        _ => 0,
    };

    private void PrintQr()
    {
        PrintLineBuffer(0);
        var text = Encoding.UTF8.GetString(_qrData);
        _qrCodes.Add(text);
        var level = _qrLevel switch
        {
            QrErrorCorrection.Medium => QRCodeGenerator.ECCLevel.M,
            QrErrorCorrection.Quartile => QRCodeGenerator.ECCLevel.Q,
            QrErrorCorrection.High => QRCodeGenerator.ECCLevel.H,
            _ => QRCodeGenerator.ECCLevel.L,
        };
        using var generator = new QRCodeGenerator();
        using var code = generator.CreateQrCode(text, level);
        // QRCoder adds a 4-module quiet zone; the printer's symbol starts at the first module.
        const int quietZone = 4;
        var modules = code.ModuleMatrix.Count - (2 * quietZone);
        var symbol = new MonoBitmap(modules * _qrModuleSize, modules * _qrModuleSize);
        for (var y = 0; y < modules; y++)
        {
            for (var x = 0; x < modules; x++)
            {
                if (code.ModuleMatrix[y + quietZone][x + quietZone])
                {
                    symbol.FillRectangle(x * _qrModuleSize, y * _qrModuleSize, _qrModuleSize, _qrModuleSize);
                }
            }
        }

        _page.Draw(symbol, AlignedX(symbol.Width), _page.Height);
        _page.Advance(symbol.Height);
    }

    private void DrawBarcode(string text)
    {
        // Roughly: 11 modules per symbol character plus start/stop, bars from the character bits.
        var module = Math.Max(1, _barcodeModuleWidth);
        var symbolModules = (text.Length + 3) * 11;
        var barcode = new MonoBitmap(symbolModules * module, Math.Max(1, _barcodeHeight));
        var x = 0;
        foreach (var c in $"\u0068{text}\u006A")
        {
            for (var bit = 10; bit >= 0; bit--)
            {
                if (bit is 10 or 0 || ((c >> (bit % 7)) & 1) != 0)
                {
                    barcode.FillRectangle(x, 0, module, barcode.Height);
                }

                x += module;
            }
        }

        _page.Draw(barcode, AlignedX(barcode.Width), _page.Height);
        _page.Advance(barcode.Height);
        if (_barcodeTextPosition is BarcodeTextPosition.Below or BarcodeTextPosition.AboveAndBelow)
        {
            var caption = _rasterizer.RenderLine(text, new TextStyle(PrinterFontPixelSize)).Bitmap;
            _page.Draw(caption, AlignedX(caption.Width), _page.Height);
            _page.Advance(caption.Height);
        }
    }

    private static VirtualPrinterException Unknown(ReadOnlySpan<byte> data, int position) =>
        new($"Virtual printer: unknown or malformed command at byte {position}: {Convert.ToHexString(data[..Math.Min(8, data.Length)])}");

    /// <summary>A page that grows downwards as paper is fed.</summary>
    private sealed class PageCanvas(int width)
    {
        private readonly List<byte[]> _rows = [];
        private readonly int _rowBytes = (width + 7) / 8;

        public int Height { get; private set; }

        public void Advance(int dots) => Height += Math.Max(0, dots);

        public void Draw(MonoBitmap source, int x, int y)
        {
            for (var row = 0; row < source.Height; row++)
            {
                var targetY = y + row;
                // White rows of a glyph box must not lengthen the paper.
                if (targetY < 0 || !source.Row(row).ContainsAnyExcept((byte)0))
                {
                    continue;
                }

                while (_rows.Count <= targetY)
                {
                    _rows.Add(new byte[_rowBytes]);
                }

                var target = _rows[targetY];
                for (var column = 0; column < source.Width; column++)
                {
                    var targetX = x + column;
                    if (targetX >= 0 && targetX < width && source[column, row])
                    {
                        target[targetX >> 3] |= (byte)(0x80 >> (targetX & 7));
                    }
                }
            }
        }

        public MonoBitmap ToBitmap()
        {
            var height = Math.Max(1, Math.Max(Height, _rows.Count));
            var data = new byte[_rowBytes * height];
            for (var y = 0; y < _rows.Count; y++)
            {
                _rows[y].CopyTo(data, y * _rowBytes);
            }

            return new MonoBitmap(width, height, data);
        }
    }
}
