using System.Collections.Concurrent;
using QueueKiosk.Devices.Voice;

namespace QueueKiosk.Devices.Tests.Voice;

public class AnnouncementQueueTests
{
    [Fact]
    public async Task Composer_ChimeThenSpeechRepeatedWithPauses()
    {
        var speech = new FixedSynthesizer(TimeSpan.FromMilliseconds(500));
        var sound = new AnnouncementSoundOptions { Repeat = 3, AfterChime = TimeSpan.FromMilliseconds(300), BetweenRepeats = TimeSpan.FromMilliseconds(700) };
        var composer = new AnnouncementComposer(speech, sound: sound);

        var (text, audio) = await composer.ComposeAsync("A015", "3");

        var chime = Chime.Generate(PcmFormat.Speech);
        var expectedFrames = chime.Samples.Length + Frames(300) + (3 * Frames(500)) + (2 * Frames(700));
        Assert.Equal(expectedFrames, audio.Samples.Length);
        Assert.Equal("Xin mời công dân có số thứ tự a, không, một, năm đến quầy số ba", text);
        Assert.Equal(chime.Samples, audio.Samples[..chime.Samples.Length]);
        Assert.Equal(1, speech.Calls);
    }

    [Fact]
    public void GroupText_FirstCallInFull_TheOthersShort()
    {
        var text = AnnouncementText.BuildGroup([("A005", "2"), ("B003", "4")]);

        Assert.Equal("Xin mời công dân có số thứ tự a, không, không, năm đến quầy số hai; số bê, không, không, ba đến quầy số bốn", text);
    }

    [Fact]
    public async Task Queue_CallsQueuedMeanwhile_AreSaidTogetherOnce()
    {
        var speech = new FixedSynthesizer(TimeSpan.FromMilliseconds(100));
        var composer = new AnnouncementComposer(speech, sound: new AnnouncementSoundOptions { Chime = false, Repeat = 2 });
        var store = new AnnouncementStore();
        using var queue = new AnnouncementQueue(composer, store, waitForPlayback: false);
        var published = new ConcurrentQueue<Announcement>();
        queue.Published += published.Enqueue;
        // Three calls before the voice gets to any of them: a backlog.
        var calls = new[] { queue.Enqueue("A005", "2"), queue.Enqueue("B003", "4"), queue.Enqueue("C001", "5") };

        await queue.StartAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => published.Count == 3));
        await queue.StopAsync(CancellationToken.None);

        var (leader, others) = (published.First(), published.Skip(1).ToArray());
        Assert.Equal(calls[0].Id, leader.Id);
        Assert.Equal([calls[1].Id, calls[2].Id], leader.AlsoSays);
        Assert.Contains("số xê, không, không, một đến quầy số năm", leader.Text, StringComparison.Ordinal);
        // Said once: one sentence of 100 ms, not repeated.
        Assert.Equal(TimeSpan.FromMilliseconds(100), leader.Duration);
        Assert.Equal(1, speech.Calls);
        Assert.All(others, a =>
        {
            Assert.Equal(leader.Id, a.SaidWith);
            Assert.Equal(AnnouncementStatus.Published, a.Status);
            Assert.False(store.TryGetWav(a.Id, out _));
        });
    }

    [Fact]
    public async Task Queue_AGroupTheVoiceCannotSay_FallsBackToOneByOne()
    {
        var composer = new AnnouncementComposer(new FixedSynthesizer(TimeSpan.FromMilliseconds(50), failOn: "bê"), sound: new AnnouncementSoundOptions { Chime = false, Repeat = 1 });
        using var queue = new AnnouncementQueue(composer, new AnnouncementStore(), waitForPlayback: false);
        var published = new ConcurrentQueue<Announcement>();
        queue.Published += published.Enqueue;
        queue.Enqueue("A1", "1");
        queue.Enqueue("B2", "2");

        await queue.StartAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => published.Count == 2));
        await queue.StopAsync(CancellationToken.None);

        var results = published.ToArray();
        Assert.Equal(("A1", AnnouncementStatus.Published, (string?)null), (results[0].TicketNumber, results[0].Status, results[0].SaidWith));
        Assert.Equal(("B2", AnnouncementStatus.Failed), (results[1].TicketNumber, results[1].Status));
    }

    [Fact]
    public async Task Queue_PublishesInOrder_EachAfterThePreviousFinished()
    {
        var composer = new AnnouncementComposer(
            new FixedSynthesizer(TimeSpan.FromMilliseconds(150)),
            sound: new AnnouncementSoundOptions { Chime = false, Repeat = 2, BetweenRepeats = TimeSpan.FromMilliseconds(50) });
        var store = new AnnouncementStore();
        using var queue = new AnnouncementQueue(composer, store, waitForPlayback: true, gapAfterPlayback: TimeSpan.FromMilliseconds(50));
        var published = new ConcurrentQueue<(Announcement Announcement, long At)>();
        queue.Published += a => published.Enqueue((a, TimeProvider.System.GetTimestamp()));
        await queue.StartAsync(CancellationToken.None);

        // Enqueued from several threads at once, as concurrent officer calls would be.
        var enqueued = new ConcurrentQueue<Announcement>();
        await Task.WhenAll(Enumerable.Range(1, 4).Select(i => Task.Run(() => enqueued.Enqueue(queue.Enqueue($"A{i:000}", $"{i}")))));

        Assert.True(await Eventually.TrueAsync(() => published.Count == 4), "all four published within 20 s");
        await queue.StopAsync(CancellationToken.None);

        // Calls that queued up while another was said are said with the next one (SaidWith): the
        // pacing holds between the announcements that have audio of their own.
        var all = published.ToArray();
        Assert.All(all.Where(p => p.Announcement.SaidWith is { } leader), p =>
            Assert.Contains(p.Announcement.Id, all.Single(l => l.Announcement.Id == p.Announcement.SaidWith).Announcement.AlsoSays));
        var order = all.Where(p => p.Announcement.SaidWith is null).ToArray();
        Assert.Equal(enqueued.Select(a => a.Id).ToHashSet(), all.Select(p => p.Announcement.Id).ToHashSet());
        for (var i = 1; i < order.Length; i++)
        {
            var previous = order[i - 1];
            var sincePrevious = TimeProvider.System.GetElapsedTime(previous.At, order[i].At);
            Assert.True(sincePrevious >= previous.Announcement.Duration, $"announcement {i} started {sincePrevious} after the previous one, whose audio lasts {previous.Announcement.Duration}");
            Assert.True(order[i].Announcement.EnqueuedAt >= order[i - 1].Announcement.EnqueuedAt, "published in the order they were queued");
        }

        foreach (var (announcement, _) in order)
        {
            Assert.Equal(AnnouncementStatus.Published, announcement.Status);
            Assert.True(store.TryGetWav(announcement.Id, out var wav));
            Assert.Equal(announcement.Duration, WavFile.Read(wav, announcement.Id).Duration);
        }
    }

    [Fact]
    public async Task Queue_AFailedAnnouncement_IsReportedAndTheNextStillPlays()
    {
        var composer = new AnnouncementComposer(new FixedSynthesizer(TimeSpan.FromMilliseconds(50), failOn: "bê"), sound: new AnnouncementSoundOptions { Chime = false, Repeat = 1 });
        using var queue = new AnnouncementQueue(composer, new AnnouncementStore(), waitForPlayback: false);
        var published = new ConcurrentQueue<Announcement>();
        queue.Published += published.Enqueue;
        await queue.StartAsync(CancellationToken.None);

        queue.Enqueue("B1", "1");
        queue.Enqueue("A2", "2");

        Assert.True(await Eventually.TrueAsync(() => published.Count == 2));
        await queue.StopAsync(CancellationToken.None);
        var results = published.ToArray();
        Assert.Equal(AnnouncementStatus.Failed, results[0].Status);
        Assert.Contains("synthetic failure", results[0].Error, StringComparison.Ordinal);
        Assert.Equal(AnnouncementStatus.Published, results[1].Status);
        Assert.Equal("A2", results[1].TicketNumber);
    }

    [Fact]
    public void Store_KeepsOnlyTheNewest()
    {
        var store = new AnnouncementStore(capacity: 2);
        foreach (var id in new[] { "1", "2", "3" })
        {
            store.Put(new Announcement { Id = id, TicketNumber = id, Counter = "1", EnqueuedAt = DateTimeOffset.UnixEpoch }, [1]);
        }

        Assert.False(store.TryGetWav("1", out _));
        Assert.True(store.TryGetWav("3", out _));
        Assert.Equal(["2", "3"], store.Recent().Select(a => a.Id));
    }

    private static int Frames(int milliseconds) => PcmFormat.Speech.SampleRate * milliseconds / 1000;

    /// <summary>Stands in for a speech engine: a fixed-length tone, so lengths can be checked exactly.</summary>
    private sealed class FixedSynthesizer(TimeSpan length, string? failOn = null) : ISpeechSynthesizer
    {
        public int Calls;

        public Task<PcmAudio> SynthesizeAsync(string text, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Calls);
            if (failOn is not null && text.Contains(failOn, StringComparison.Ordinal))
            {
                return Task.FromException<PcmAudio>(new SpeechSynthesisException("synthetic failure"));
            }

            var samples = new short[Frames((int)length.TotalMilliseconds)];
            Array.Fill(samples, (short)1000);
            return Task.FromResult(new PcmAudio(PcmFormat.Speech, samples));
        }
    }
}
