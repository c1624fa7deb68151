using System.Text;
using QueueKiosk.HubClient.Realtime.Protocol;

namespace QueueKiosk.HubClient.Tests.Protocol;

public class RecordSeparatorFramerTests
{
    private static string[] Feed(RecordSeparatorFramer framer, string chunk) =>
        [.. framer.Append(Encoding.UTF8.GetBytes(chunk)).Select(Encoding.UTF8.GetString)];

    [Fact]
    public void SeveralMessagesInOneChunk_ComeOutInOrder()
    {
        var framer = new RecordSeparatorFramer();
        Assert.Equal(["{\"type\":6}", "{\"type\":1}", "{}"], Feed(framer, "{\"type\":6}\u001e{\"type\":1}\u001e{}\u001e"));
        Assert.Equal(0, framer.PendingBytes);
    }

    [Fact]
    public void OneMessageOverSeveralChunks_ComesOutOnceComplete()
    {
        var framer = new RecordSeparatorFramer();
        Assert.Empty(Feed(framer, "{\"ty"));
        Assert.Empty(Feed(framer, "pe\":"));
        Assert.Equal(["{\"type\":6}"], Feed(framer, "6}\u001e"));
    }

    [Fact]
    public void ChunkEndingInsideTheNextMessage_KeepsTheRest()
    {
        var framer = new RecordSeparatorFramer();
        Assert.Equal(["a"], Feed(framer, "a\u001eb"));
        Assert.Equal(1, framer.PendingBytes);
        Assert.Equal(["bc", "d"], Feed(framer, "c\u001ed\u001e"));
    }

    [Fact]
    public void MultiByteUtf8SplitAcrossChunks_IsReassembled()
    {
        var framer = new RecordSeparatorFramer();
        var bytes = Encoding.UTF8.GetBytes("\"Quầy\"\u001e");
        Assert.Empty(framer.Append(bytes.AsSpan(0, 4)));
        var message = Assert.Single(framer.Append(bytes.AsSpan(4)));
        Assert.Equal("\"Quầy\"", Encoding.UTF8.GetString(message));
    }

    [Fact]
    public void MessageWithoutSeparatorBeyondLimit_IsRefused()
    {
        var framer = new RecordSeparatorFramer(maxMessageBytes: 32);
        var error = Assert.Throws<InvalidDataException>(() => framer.Append(new byte[40]));
        Assert.Contains("0x1E", error.Message, StringComparison.Ordinal);
    }
}
