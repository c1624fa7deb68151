using QueueKiosk.Devices.Camera;

namespace QueueKiosk.Devices.Tests.Camera;

public sealed class RecordingIndexTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static RecordingFileInfo File(string name, long size, DateTimeOffset lastWrite) => new("/rec/" + name, size, lastWrite);

    [Fact]
    public void FileName_RoundTripsTheUtcStart()
    {
        var name = RecordingFileName.For("quay1", T0.AddSeconds(75));
        Assert.Equal("quay1-20260302-080115.mp4", name);
        Assert.Equal(T0.AddSeconds(75), RecordingFileName.TryParseStart("quay1", name));
    }

    [Theory]
    [InlineData("quay2-20260302-080115.mp4")]
    [InlineData("quay1-20260302-080115.mkv")]
    [InlineData("quay1-2026030-080115.mp4")]
    [InlineData("quay1-20261302-080115.mp4")]
    [InlineData("../quay1-20260302-080115.mp4")]
    public void FileName_OtherFiles_AreNotSegments(string name) => Assert.Null(RecordingFileName.TryParseStart("quay1", name));

    [Fact]
    public void Build_EndIsNextStart_LastEndsAtItsLastWrite()
    {
        var segments = RecordingIndex.Build("quay1",
        [
            File("quay1-20260302-080100.mp4", 10, T0.AddSeconds(101)),
            File("quay1-20260302-080000.mp4", 10, T0.AddSeconds(61)),
            File("notes.txt", 10, T0),
            File("quay1-20260302-080200.mp4", 10, T0.AddSeconds(150)),
        ]);

        Assert.Equal(["quay1-20260302-080000.mp4", "quay1-20260302-080100.mp4", "quay1-20260302-080200.mp4"], segments.Select(s => s.FileName));
        Assert.Equal(T0.AddSeconds(60), segments[0].EndUtc);
        Assert.Equal(T0.AddSeconds(120), segments[1].EndUtc);
        Assert.Equal(T0.AddSeconds(150), segments[2].EndUtc);
    }

    [Fact]
    public void Overlapping_ReturnsSegmentsTouchingTheWindowOnly()
    {
        var segments = RecordingIndex.Build("quay1",
        [
            File("quay1-20260302-080000.mp4", 10, T0.AddSeconds(60)),
            File("quay1-20260302-080100.mp4", 10, T0.AddSeconds(120)),
            File("quay1-20260302-080200.mp4", 10, T0.AddSeconds(180)),
            File("quay1-20260302-080300.mp4", 10, T0.AddSeconds(240)),
        ]);

        // A ticket called at 08:01:30 and finished at 08:02:10.
        var found = RecordingIndex.Overlapping(segments, T0.AddSeconds(90), T0.AddSeconds(130));

        Assert.Equal(["quay1-20260302-080100.mp4", "quay1-20260302-080200.mp4"], found.Select(s => s.FileName));
        Assert.Empty(RecordingIndex.Overlapping(segments, T0.AddSeconds(240), T0.AddSeconds(300)));
    }

    [Fact]
    public void Retention_DeletesOlderThanAgeAndNeverTheNewest()
    {
        var now = T0.AddDays(10).AddHours(1);
        var segments = RecordingIndex.Build("quay1",
        [
            File("quay1-20260302-080000.mp4", 100, T0.AddMinutes(1)),
            File("quay1-20260305-080000.mp4", 100, T0.AddDays(3).AddMinutes(1)),
            File("quay1-20260311-080000.mp4", 100, now),
        ]);

        var chosen = RetentionPolicy.SelectForDeletion(segments, now, TimeSpan.FromDays(7), budgetBytes: null);
        Assert.Equal(["quay1-20260302-080000.mp4"], chosen.Select(s => s.FileName));

        var everythingOld = RetentionPolicy.SelectForDeletion(segments, now.AddYears(1), TimeSpan.FromDays(1), budgetBytes: null);
        Assert.Equal(2, everythingOld.Count);
        Assert.DoesNotContain(everythingOld, s => s.FileName == "quay1-20260311-080000.mp4");
    }

    [Fact]
    public void Retention_OverBudget_DeletesOldestUntilItFits()
    {
        var segments = RecordingIndex.Build("quay1",
            Enumerable.Range(0, 5).Select(i => File(RecordingFileName.For("quay1", T0.AddMinutes(i)), 100, T0.AddMinutes(i + 1))));

        var chosen = RetentionPolicy.SelectForDeletion(segments, T0.AddMinutes(5), maxAge: null, budgetBytes: 250);

        Assert.Equal([RecordingFileName.For("quay1", T0), RecordingFileName.For("quay1", T0.AddMinutes(1)), RecordingFileName.For("quay1", T0.AddMinutes(2))],
            chosen.Select(s => s.FileName));
    }
}
