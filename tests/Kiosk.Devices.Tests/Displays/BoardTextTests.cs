using QueueKiosk.Devices.Displays;

namespace QueueKiosk.Devices.Tests.Displays;

public class BoardTextTests
{
    [Theory]
    [InlineData(15, 4, true, "0015")]
    [InlineData(15, 4, false, "  15")]
    [InlineData(7, 3, true, "007")]
    [InlineData(0, 3, false, "  0")]
    [InlineData(9999, 4, true, "9999")]
    public void FormatNumber_PadsToTheDigitCount(int number, int digits, bool leadingZeros, string expected)
    {
        Assert.Equal(expected, BoardText.FormatNumber(number, new DisplayFormat(digits, leadingZeros)));
    }

    [Theory]
    [InlineData("A15", 4, true, "A015")]
    [InlineData("A15", 4, false, "A 15")]
    [InlineData("a015", 4, true, "A015")]
    [InlineData("15", 3, true, "015")]
    [InlineData("--", 4, true, "  --")]
    public void FormatText_PadsBetweenPrefixAndDigits(string text, int digits, bool leadingZeros, string expected)
    {
        Assert.Equal(expected, BoardText.FormatText(text, new DisplayFormat(digits, leadingZeros)));
    }

    [Fact]
    public void FormatNumber_TooLong_ThrowsNamingTheDigitCount()
    {
        var e = Assert.Throws<ArgumentException>(() => BoardText.FormatNumber(1234, new DisplayFormat(3)));
        Assert.Contains("3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatText_UndrawableCharacter_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => BoardText.FormatText("K12", new DisplayFormat(4)));
        Assert.Contains("'K'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BlankStyle.Dark, 4, "    ")]
    [InlineData(BlankStyle.Dashes, 3, "---")]
    public void BlankText_FollowsTheBlankStyle(BlankStyle style, int digits, string expected)
    {
        Assert.Equal(expected, BoardText.BlankText(new DisplayFormat(digits, true, style)));
    }

    [Fact]
    public void SevenSegment_EncodesDigitsBlankAndDash()
    {
        Assert.Equal([0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F, 0x00, 0x40], SevenSegment.Encode("0123456789 -"));
    }
}
