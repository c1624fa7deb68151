using QueueKiosk.Devices.Displays;
using QueueKiosk.Devices.Displays.Framed;

namespace QueueKiosk.Devices.Tests.Displays;

public class FramedLedProtocolTests
{
    [Theory]
    // STX ADDR 'N' LEN "0015" CHK ETX; CHK = 01^4E^04^30^30^31^35 = 0x4F
    [InlineData(1, "0015", "02014E04303031354F03")]
    [InlineData(2, " 15", "02024E032031356B03")]
    [InlineData(3, "A015", "02034E04413031353C03")]
    [InlineData(12, "----", "020C4E042D2D2D2D4603")]
    public void BuildShow_IsByteExact(byte address, string text, string expectedHex)
    {
        Assert.Equal(expectedHex, Convert.ToHexString(FramedLedProtocol.BuildShow(address, text)));
    }

    [Fact]
    public void BuildBlank_IsByteExact()
    {
        // 01 ^ 42 ^ 00 = 43
        Assert.Equal("02014200" + "43" + "03", Convert.ToHexString(FramedLedProtocol.BuildBlank(1)));
    }

    [Theory]
    [InlineData(1, 0, "02014C01307C03")]
    [InlineData(5, 9, "02054C01397103")]
    public void BuildBrightness_IsByteExact(byte address, int level, string expectedHex)
    {
        Assert.Equal(expectedHex, Convert.ToHexString(FramedLedProtocol.BuildBrightness(address, level)));
    }

    [Fact]
    public void BuildBrightness_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FramedLedProtocol.BuildBrightness(1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => FramedLedProtocol.BuildBrightness(1, -1));
    }

    [Fact]
    public void BuildShow_RejectsCharactersABoardCannotDraw()
    {
        Assert.Throws<ArgumentException>(() => FramedLedProtocol.BuildShow(1, "X12"));
    }

    [Fact]
    public void CheckReply_AcceptsAckFromTheAddressedBoard()
    {
        FramedLedProtocol.CheckReply(7, [0x06, 0x07], "b7");
    }

    [Theory]
    [InlineData("1507")] // NAK
    [InlineData("0608")] // ACK from board 8
    [InlineData("4107")] // neither ACK nor NAK
    [InlineData("06")] // short
    public void CheckReply_RejectsNakForeignAndGarbage(string replyHex)
    {
        var e = Assert.Throws<LedBoardException>(() => FramedLedProtocol.CheckReply(7, Convert.FromHexString(replyHex), "quầy 7"));
        Assert.Contains("quầy 7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseFrame_RoundTrips()
    {
        var frame = FramedLedProtocol.BuildShow(3, "A015");
        Assert.Equal(FramedParseStatus.Frame, FramedLedProtocol.TryParseFrame(frame, out var parsed, out var consumed));
        Assert.Equal(frame.Length, consumed);
        Assert.Equal(3, parsed!.Address);
        Assert.Equal(FramedLedProtocol.CommandShow, parsed.Command);
        Assert.Equal("A015", parsed.PayloadText);
    }

    [Theory]
    [InlineData("", FramedParseStatus.NeedMoreData, 0)]
    [InlineData("0201", FramedParseStatus.NeedMoreData, 0)]
    [InlineData("02014E0430303135", FramedParseStatus.NeedMoreData, 0)]
    [InlineData("FF02014200", FramedParseStatus.Garbage, 1)]
    [InlineData("02014E04303031354F04", FramedParseStatus.Garbage, 1)]
    [InlineData("02014E04303031354E03", FramedParseStatus.BadChecksum, 10)]
    public void TryParseFrame_IncompleteGarbageOrBadChecksum(string hex, FramedParseStatus expected, int expectedConsumed)
    {
        Assert.Equal(expected, FramedLedProtocol.TryParseFrame(Convert.FromHexString(hex), out _, out var consumed));
        Assert.Equal(expectedConsumed, consumed);
    }

    // The examples printed in hardware-docs/displays.md.
    [Fact]
    public void DocumentedExamples_AreWhatTheCodeSends()
    {
        Assert.Equal("02014E04303031354F03", Convert.ToHexString(FramedLedProtocol.BuildShow(1, "0015")));
        Assert.Equal("020142004303", Convert.ToHexString(FramedLedProtocol.BuildBlank(1)));
        Assert.Equal("02024C01357A03", Convert.ToHexString(FramedLedProtocol.BuildBrightness(2, 5)));
        Assert.Equal("0601", Convert.ToHexString(FramedLedProtocol.BuildReply(1, accepted: true)));
        Assert.Equal("1501", Convert.ToHexString(FramedLedProtocol.BuildReply(1, accepted: false)));
    }
}
