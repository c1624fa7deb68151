using QueueKiosk.Devices.Printing.Queue;

namespace QueueKiosk.Devices.Tests.Printing;

public sealed class PrintJournalTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qk-journal-").FullName;

    private string JournalPath => Path.Combine(_directory, "q.journal");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Reopen_KeepsPendingInOrder_DropsPrinted_AndATornLastLine()
    {
        var jobs = Enumerable.Range(1, 3).Select(i => new PrintJob(Guid.NewGuid(), i, DateTimeOffset.UtcNow, $"A{i}", TestJobs.Job(i))).ToList();
        using (var journal = PrintJournal.Open(JournalPath))
        {
            jobs.ForEach(journal.AppendQueued);
            journal.AppendPrinted(jobs[0].Id, DateTimeOffset.UtcNow);
        }

        File.AppendAllText(JournalPath, "{\"type\":\"queued\",\"id\":\"0000"); // power cut mid-write

        using var reopened = PrintJournal.Open(JournalPath);
        Assert.Equal([2, 3], reopened.Pending.Select(j => (int)j.Sequence));
        Assert.Equal(jobs[1].Data, reopened.Pending[0].Data);
        Assert.Equal(jobs[0].Id, reopened.LastPrinted?.Id);
        Assert.Equal(1, reopened.SkippedLines);
        Assert.Equal(4, reopened.NextSequence);
        Assert.Equal(4, File.ReadAllLines(JournalPath).Length); // compacted: the last printed job (queued + printed) and 2 pending
    }

    [Fact]
    public void SecondOpen_WhileTheFirstIsOpen_IsRefused()
    {
        using var first = PrintJournal.Open(JournalPath);

        var error = Assert.Throws<IOException>(() => PrintJournal.Open(JournalPath));

        Assert.Contains("in use by another process", error.Message, StringComparison.Ordinal);
    }
}
