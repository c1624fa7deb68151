using QueueKiosk.HubServer.Supervision;

namespace QueueKiosk.HubServer.Tests.Supervision;

/// <summary>An alert's two texts share the one Message column: each comes back whole, and rows from before read as they were.</summary>
public sealed class AlertTextTests
{
    [Fact]
    public void BothTexts_ComeBackWhole_VietnameseKeptReadable()
    {
        var stored = AlertText.Encode("Quầy tạm dừng 31 phút (lý do: \"Họp\" / giao ban)", "Counter paused for 31 min");

        Assert.Contains("Quầy tạm dừng", stored, StringComparison.Ordinal);
        Assert.Equal(("Quầy tạm dừng 31 phút (lý do: \"Họp\" / giao ban)", "Counter paused for 31 min"), AlertText.Decode(stored));
    }

    [Theory]
    [InlineData("Máy in hết giấy / printer out of paper")]
    [InlineData("{not json")]
    public void ARowFromBefore_ReadsAsItsTextInBothLanguages(string stored)
    {
        Assert.Equal((stored, stored), AlertText.Decode(stored));
    }
}
