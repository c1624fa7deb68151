namespace QueueKiosk.Devices.EscPos;

/// <summary>
/// Appends <see cref="EscPosCommands"/> to one buffer; still pure (no I/O). It remembers the code
/// table last selected so text encoders switch tables only when a character needs it.
/// </summary>
public sealed class EscPosBuilder
{
    private readonly List<byte> _bytes = new(4096);

    /// <summary>The table of the last ESC t, or null before any (after ESC @ the printer uses its default).</summary>
    public byte? CurrentCodeTable { get; private set; }

    public int Length => _bytes.Count;

    public EscPosBuilder Append(ReadOnlySpan<byte> bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public EscPosBuilder Initialize()
    {
        CurrentCodeTable = null;
        return Append(EscPosCommands.Initialize());
    }

    public EscPosBuilder CancelKanjiMode() => Append(EscPosCommands.CancelKanjiMode());

    public EscPosBuilder SelectCodeTable(byte table)
    {
        CurrentCodeTable = table;
        return Append(EscPosCommands.SelectCodeTable(table));
    }

    /// <summary>Sends ESC t only when the table differs from the current one.</summary>
    public EscPosBuilder EnsureCodeTable(byte table) => CurrentCodeTable == table ? this : SelectCodeTable(table);

    public EscPosBuilder Justify(Justification justification) => Append(EscPosCommands.SetJustification(justification));

    public EscPosBuilder Bold(bool on) => Append(EscPosCommands.SetBold(on));

    public EscPosBuilder CharacterSize(int widthMultiplier, int heightMultiplier) =>
        Append(EscPosCommands.SetCharacterSize(widthMultiplier, heightMultiplier));

    public EscPosBuilder LineFeed() => Append(EscPosCommands.LineFeed());

    public EscPosBuilder FeedLines(int lines) => Append(EscPosCommands.FeedLines(lines));

    /// <summary>Feeds any number of dots as ESC J commands of at most 255 dots each.</summary>
    public EscPosBuilder FeedDots(int dots)
    {
        while (dots > 0)
        {
            var step = Math.Min(dots, 255);
            Append(EscPosCommands.FeedDots(step));
            dots -= step;
        }

        return this;
    }

    public EscPosBuilder RasterImage(MonoBitmap bitmap, int maxRowsPerBand) => Append(EscPosCommands.RasterImage(bitmap, maxRowsPerBand));

    public EscPosBuilder QrCode(string data, int moduleSize, QrErrorCorrection level) => Append(EscPosCommands.QrCode(data, moduleSize, level));

    public EscPosBuilder Cut(CutMode mode, int feedDots = 0) => Append(EscPosCommands.Cut(mode, feedDots));

    public byte[] ToArray() => [.. _bytes];
}
