using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using QueueKiosk.Devices.Native;

namespace QueueKiosk.Devices.Printing.Queue;

/// <summary>
/// The queue on disk: an append-only file of JSON lines, one "queued" record per job (with its
/// bytes) and one "printed" record when it is done, each fsynced before the call returns. On
/// open it is read, a torn last line (power cut mid-write) is dropped, and the file is compacted
/// to the pending jobs plus the last printed one (for reprint), written to a temporary file,
/// fsynced and renamed over the old one. A lock file (flock through FileShare.None) makes
/// sure two processes never print the same queue.
/// </summary>
internal sealed class PrintJournal : IDisposable
{
    private const string Queued = "queued";
    private const string Printed = "printed";

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    private readonly FileStream _lockFile;
    private readonly FileStream _file;

    private PrintJournal(FileStream lockFile, FileStream file, List<PrintJob> pending, PrintJob? lastPrinted, int skippedLines)
    {
        _lockFile = lockFile;
        _file = file;
        Pending = pending;
        LastPrinted = lastPrinted;
        SkippedLines = skippedLines;
    }

    public string Path => _file.Name;

    /// <summary>Current size of the file; the queue compacts it when it has grown and nothing waits.</summary>
    public long Length => _file.Length;

    /// <summary>Jobs not yet printed, oldest first, as found when opening.</summary>
    public IReadOnlyList<PrintJob> Pending { get; }

    public PrintJob? LastPrinted { get; }

    /// <summary>Unreadable lines dropped when opening (a torn last write, or damage).</summary>
    public int SkippedLines { get; }

    public long NextSequence => Math.Max(Pending.Count == 0 ? 0 : Pending[^1].Sequence, LastPrinted?.Sequence ?? 0) + 1;

    /// <exception cref="IOException">The journal is locked by another process or cannot be written.</exception>
    public static PrintJournal Open(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);

        // A separate lock file, held while the journal is open: the journal itself is replaced by
        // rename when compacted, and a lock on the old inode would not guard the new one.
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(fullPath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new IOException($"{fullPath}: hàng đợi in đang được tiến trình khác dùng (print queue is in use by another process).", ex);
        }

        try
        {
            List<PrintJob> pending;
            PrintJob? lastPrinted;
            int skipped;
            using (var existing = new FileStream(fullPath, FileMode.OpenOrCreate, FileAccess.Read, FileShare.Read))
            {
                (pending, lastPrinted, skipped) = Read(existing);
            }

            var compacted = fullPath + ".compact";
            using (var output = new FileStream(compacted, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                if (lastPrinted is not null)
                {
                    WriteRecord(output, QueuedRecord(lastPrinted));
                    WriteRecord(output, PrintedRecord(lastPrinted.Id, DateTimeOffset.UtcNow));
                }

                foreach (var job in pending)
                {
                    WriteRecord(output, QueuedRecord(job));
                }

                output.Flush(flushToDisk: true);
            }

            File.Move(compacted, fullPath, overwrite: true);
            LinuxNative.FsyncDirectory(directory);
            var file = new FileStream(fullPath, FileMode.Append, FileAccess.Write, FileShare.Read);
            return new PrintJournal(lockFile, file, pending, lastPrinted, skipped);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    public void AppendQueued(PrintJob job) => Append(QueuedRecord(job));

    public void AppendPrinted(Guid id, DateTimeOffset printedAt) => Append(PrintedRecord(id, printedAt));

    public void Dispose()
    {
        _file.Dispose();
        _lockFile.Dispose();
    }

    private void Append(JournalRecord record)
    {
        WriteRecord(_file, record);
        _file.Flush(flushToDisk: true);
    }

    private static void WriteRecord(Stream stream, JournalRecord record)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(record, Json);
        stream.Write(line);
        stream.WriteByte((byte)'\n');
    }

    private static (List<PrintJob> Pending, PrintJob? LastPrinted, int Skipped) Read(Stream file)
    {
        var jobs = new Dictionary<Guid, PrintJob>();
        var order = new List<Guid>();
        PrintJob? lastPrinted = null;
        var skipped = 0;
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            JournalRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<JournalRecord>(line, Json);
            }
            catch (JsonException)
            {
                skipped++;
                continue;
            }

            switch (record)
            {
                case { Type: Queued, Data: not null }:
                    if (jobs.TryAdd(record.Id, new PrintJob(record.Id, record.Seq, record.Created, record.Label, record.Data)))
                    {
                        order.Add(record.Id);
                    }

                    break;
                case { Type: Printed }:
                    if (jobs.Remove(record.Id, out var done))
                    {
                        lastPrinted = done;
                    }

                    break;
                default:
                    skipped++;
                    break;
            }
        }

        var pending = order.Where(jobs.ContainsKey).Select(id => jobs[id]).OrderBy(j => j.Sequence).ToList();
        return (pending, lastPrinted, skipped);
    }

    private static JournalRecord QueuedRecord(PrintJob job) =>
        new(Queued, job.Id, job.Sequence, job.CreatedAt, job.Label, job.Data, null);

    private static JournalRecord PrintedRecord(Guid id, DateTimeOffset at) =>
        new(Printed, id, 0, default, null, null, at);

    private sealed record JournalRecord(
        string Type,
        Guid Id,
        long Seq,
        DateTimeOffset Created,
        string? Label,
        byte[]? Data,
        DateTimeOffset? PrintedAt);
}
