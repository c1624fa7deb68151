using QueueKiosk.Devices.EscPos;
using static QueueKiosk.Devices.Tests.EscPos.EscPosCommandsTests;

namespace QueueKiosk.Devices.Tests.EscPos;

public sealed class EscPosBuilderTests
{
    [Fact]
    public void Chain_ConcatenatesCommandsInOrder()
    {
        var bytes = new EscPosBuilder()
            .Initialize()
            .CancelKanjiMode()
            .Justify(Justification.Center)
            .Bold(true)
            .CharacterSize(2, 2)
            .Append("A"u8)
            .LineFeed()
            .FeedLines(2)
            .Cut(CutMode.Partial)
            .ToArray();

        Assert.Equal(Hex("1B40" + "1C2E" + "1B6101" + "1B4501" + "1D2111" + "41" + "0A" + "1B6402" + "1D5601"), bytes);
    }

    [Fact]
    public void EnsureCodeTable_SendsEscTOnlyOnChange()
    {
        var builder = new EscPosBuilder();

        builder.EnsureCodeTable(30).EnsureCodeTable(30).EnsureCodeTable(31).EnsureCodeTable(31);

        Assert.Equal(Hex("1B741E" + "1B741F"), builder.ToArray());
        Assert.Equal((byte)31, builder.CurrentCodeTable);
    }

    [Fact]
    public void Initialize_ForgetsTheCodeTable()
    {
        var builder = new EscPosBuilder().SelectCodeTable(30).Initialize();

        Assert.Null(builder.CurrentCodeTable);
        builder.EnsureCodeTable(30);
        Assert.Equal(Hex("1B741E" + "1B40" + "1B741E"), builder.ToArray());
    }

    [Theory]
    [InlineData(0, "")]
    [InlineData(10, "1B4A0A")]
    [InlineData(255, "1B4AFF")]
    [InlineData(256, "1B4AFF" + "1B4A01")]
    [InlineData(600, "1B4AFF" + "1B4AFF" + "1B4A5A")]
    public void FeedDots_SplitsIntoCommandsOf255(int dots, string expected) =>
        Assert.Equal(Hex(expected), new EscPosBuilder().FeedDots(dots).ToArray());
}
