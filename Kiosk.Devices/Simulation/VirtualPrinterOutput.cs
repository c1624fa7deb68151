using System.Globalization;
using System.Text;

namespace QueueKiosk.Devices.Simulation;

/// <summary>
/// Saves every ticket a <see cref="VirtualPrinter"/> cuts into a folder as ticket-NNNN.png, with
/// the decoded text and QR contents beside it in ticket-NNNN.txt, for ./run.sh and support staff.
/// </summary>
public sealed class VirtualPrinterOutput : IDisposable
{
    private readonly VirtualPrinter _printer;
    private readonly string _folder;
    private readonly Lock _lock = new();
    private int _next;

    public VirtualPrinterOutput(VirtualPrinter printer, string folder)
    {
        _printer = printer ?? throw new ArgumentNullException(nameof(printer));
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = Directory.CreateDirectory(folder).FullName;
        // Continue numbering after tickets already in the folder so a restart overwrites nothing.
        _next = Directory.EnumerateFiles(_folder, "ticket-*.png")
            .Select(path => int.TryParse(Path.GetFileNameWithoutExtension(path).AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        _printer.TicketCut += Save;
    }

    /// <summary>Paths of the PNG files written by this instance, oldest first.</summary>
    public List<string> WrittenFiles { get; } = [];

    public void Dispose() => _printer.TicketCut -= Save;

    private void Save(VirtualTicket ticket)
    {
        lock (_lock)
        {
            _next++;
            var stem = Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"ticket-{_next:D4}"));
            File.WriteAllBytes(stem + ".png", MonoPng.Encode(ticket.Page));
            var text = new StringBuilder();
            foreach (var line in ticket.TextLines)
            {
                text.AppendLine(line);
            }

            foreach (var qr in ticket.QrCodes)
            {
                text.Append("[QR] ").AppendLine(qr);
            }

            File.WriteAllText(stem + ".txt", text.ToString(), Encoding.UTF8);
            WrittenFiles.Add(stem + ".png");
        }
    }
}

/// <summary>A write-only stream into a <see cref="VirtualPrinter"/>, so code written for a printer stream can print to it.</summary>
public sealed class VirtualPrinterStream(VirtualPrinter printer) : Stream
{
    private readonly Lock _lock = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_lock)
        {
            printer.Write(buffer);
        }
    }
}
