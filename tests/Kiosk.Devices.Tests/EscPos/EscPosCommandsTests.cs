using QueueKiosk.Devices.EscPos;

namespace QueueKiosk.Devices.Tests.EscPos;

public sealed class EscPosCommandsTests
{
    [Fact]
    public void Initialize_IsEscAt() => Assert.Equal(Hex("1B40"), EscPosCommands.Initialize());

    [Fact]
    public void CancelKanjiMode_IsFsDot() => Assert.Equal(Hex("1C2E"), EscPosCommands.CancelKanjiMode());

    [Fact]
    public void LineFeed_IsLf() => Assert.Equal(Hex("0A"), EscPosCommands.LineFeed());

    [Theory]
    [InlineData(0, "1B7400")]
    [InlineData(30, "1B741E")]
    [InlineData(31, "1B741F")]
    [InlineData(52, "1B7434")]
    [InlineData(255, "1B74FF")]
    public void SelectCodeTable(byte table, string expected) => Assert.Equal(Hex(expected), EscPosCommands.SelectCodeTable(table));

    [Theory]
    [InlineData(Justification.Left, "1B6100")]
    [InlineData(Justification.Center, "1B6101")]
    [InlineData(Justification.Right, "1B6102")]
    public void SetJustification(Justification justification, string expected) =>
        Assert.Equal(Hex(expected), EscPosCommands.SetJustification(justification));

    [Theory]
    [InlineData(true, "1B4501")]
    [InlineData(false, "1B4500")]
    public void SetBold(bool on, string expected) => Assert.Equal(Hex(expected), EscPosCommands.SetBold(on));

    [Theory]
    [InlineData(1, 1, "1D2100")]
    [InlineData(2, 1, "1D2110")]
    [InlineData(1, 2, "1D2101")]
    [InlineData(2, 2, "1D2111")]
    [InlineData(6, 6, "1D2155")]
    [InlineData(8, 8, "1D2177")]
    [InlineData(3, 5, "1D2124")]
    public void SetCharacterSize_HighNibbleWidthLowNibbleHeight(int width, int height, string expected) =>
        Assert.Equal(Hex(expected), EscPosCommands.SetCharacterSize(width, height));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(9, 1)]
    [InlineData(1, 0)]
    [InlineData(1, 9)]
    public void SetCharacterSize_OutOfRange_Throws(int width, int height) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EscPosCommands.SetCharacterSize(width, height));

    [Theory]
    [InlineData(0, "1B6400")]
    [InlineData(3, "1B6403")]
    [InlineData(255, "1B64FF")]
    public void FeedLines(int lines, string expected) => Assert.Equal(Hex(expected), EscPosCommands.FeedLines(lines));

    [Theory]
    [InlineData(1, "1B4A01")]
    [InlineData(24, "1B4A18")]
    [InlineData(255, "1B4AFF")]
    public void FeedDots(int dots, string expected) => Assert.Equal(Hex(expected), EscPosCommands.FeedDots(dots));

    [Theory]
    [InlineData(-1)]
    [InlineData(256)]
    public void Feeds_OutOfRange_Throw(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EscPosCommands.FeedLines(value));
        Assert.Throws<ArgumentOutOfRangeException>(() => EscPosCommands.FeedDots(value));
    }

    [Fact]
    public void RasterImage_OneBand_HeaderThenRows()
    {
        // 10 dots wide (2 bytes per row), 2 rows: a dot at (0,0) and at (9,1).
        var bitmap = new MonoBitmap(10, 2) { [0, 0] = true, [9, 1] = true };

        Assert.Equal(Hex("1D763000" + "0200" + "0200" + "8000" + "0040"), EscPosCommands.RasterImage(bitmap));
    }

    [Theory]
    [InlineData(1, "1D76300001000100" + "80" + "1D76300001000100" + "00" + "1D76300001000100" + "FF"
        + "1D76300001000100" + "00" + "1D76300001000100" + "FF" + "1D76300001000100" + "0F")]
    [InlineData(2, "1D76300001000200" + "8000" + "1D76300001000200" + "FF00" + "1D76300001000200" + "FF0F")]
    [InlineData(5, "1D76300001000500" + "8000FF00FF" + "1D76300001000100" + "0F")]
    [InlineData(6, "1D76300001000600" + "8000FF00FF0F")]
    [InlineData(128, "1D76300001000600" + "8000FF00FF0F")]
    public void RasterImage_SplitsIntoBandsOfAtMostMaxRows(int maxRows, string expected)
    {
        // 8 dots wide, 6 rows.
        var bitmap = new MonoBitmap(8, 6, [0x80, 0x00, 0xFF, 0x00, 0xFF, 0x0F]);

        Assert.Equal(Hex(expected), EscPosCommands.RasterImage(bitmap, maxRows));
    }

    [Fact]
    public void RasterImage_WideImage_LittleEndianSizes()
    {
        var bitmap = new MonoBitmap(576, 300);

        var bytes = EscPosCommands.RasterImage(bitmap, maxRowsPerBand: 300);

        Assert.Equal(Hex("1D763000" + "4800" + "2C01"), bytes[..8]);
        Assert.Equal(8 + (72 * 300), bytes.Length);
    }

    [Fact]
    public void RasterImage_Empty_EmitsNothing() => Assert.Empty(EscPosCommands.RasterImage(new MonoBitmap(0, 0)));

    [Theory]
    [InlineData(QrModel.Model1, "1D286B0400314131 00")]
    [InlineData(QrModel.Model2, "1D286B0400314132 00")]
    public void QrSelectModel(QrModel model, string expected) => Assert.Equal(Hex(expected), EscPosCommands.QrSelectModel(model));

    [Theory]
    [InlineData(1, "1D286B0300314301")]
    [InlineData(6, "1D286B0300314306")]
    [InlineData(16, "1D286B0300314310")]
    public void QrModuleSize(int size, string expected) => Assert.Equal(Hex(expected), EscPosCommands.QrModuleSize(size));

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void QrModuleSize_OutOfRange_Throws(int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EscPosCommands.QrModuleSize(size));

    [Theory]
    [InlineData(QrErrorCorrection.Low, "1D286B0300314530")]
    [InlineData(QrErrorCorrection.Medium, "1D286B0300314531")]
    [InlineData(QrErrorCorrection.Quartile, "1D286B0300314532")]
    [InlineData(QrErrorCorrection.High, "1D286B0300314533")]
    public void SetQrErrorCorrectionLevel(QrErrorCorrection level, string expected) =>
        Assert.Equal(Hex(expected), EscPosCommands.QrErrorCorrectionLevel(level));

    [Theory]
    [InlineData("A", "1D286B0400315030" + "41")]
    [InlineData("A012", "1D286B0700315030" + "41303132")]
    public void QrStore_LengthIsDataPlusThree(string data, string expected) =>
        Assert.Equal(Hex(expected), EscPosCommands.QrStore(System.Text.Encoding.ASCII.GetBytes(data)));

    [Fact]
    public void QrStore_LongData_UsesHighLengthByte()
    {
        var data = new byte[300];

        var bytes = EscPosCommands.QrStore(data);

        // 303 = 0x012F
        Assert.Equal(Hex("1D286B2F01315030"), bytes[..8]);
        Assert.Equal(308, bytes.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7090)]
    public void QrStore_BadLength_Throws(int length) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EscPosCommands.QrStore(new byte[length]));

    [Fact]
    public void QrPrint() => Assert.Equal(Hex("1D286B0300315130"), EscPosCommands.QrPrint());

    [Fact]
    public void QrCode_ModelSizeLevelStorePrint()
    {
        Assert.Equal(
            Hex("1D286B040031413200" + "1D286B0300314306" + "1D286B0300314531" + "1D286B0500315030" + "4132" + "1D286B0300315130"),
            EscPosCommands.QrCode("A2", 6, QrErrorCorrection.Medium));
    }

    [Theory]
    [InlineData(1, "1D6801")]
    [InlineData(80, "1D6850")]
    [InlineData(255, "1D68FF")]
    public void BarcodeHeight(int dots, string expected) => Assert.Equal(Hex(expected), EscPosCommands.BarcodeHeight(dots));

    [Theory]
    [InlineData(2, "1D7702")]
    [InlineData(3, "1D7703")]
    [InlineData(6, "1D7706")]
    public void BarcodeModuleWidth(int dots, string expected) => Assert.Equal(Hex(expected), EscPosCommands.BarcodeModuleWidth(dots));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void BarcodeModuleWidth_OutOfRange_Throws(int dots) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EscPosCommands.BarcodeModuleWidth(dots));

    [Theory]
    [InlineData(BarcodeTextPosition.None, "1D4800")]
    [InlineData(BarcodeTextPosition.Above, "1D4801")]
    [InlineData(BarcodeTextPosition.Below, "1D4802")]
    [InlineData(BarcodeTextPosition.AboveAndBelow, "1D4803")]
    public void SetBarcodeTextPosition(BarcodeTextPosition position, string expected) =>
        Assert.Equal(Hex(expected), EscPosCommands.BarcodeTextPosition(position));

    [Theory]
    [InlineData("A012", "1D6B4906" + "7B42" + "41303132")]
    [InlineData("000.00.14.H56-200203-0118", "1D6B491B" + "7B42" + "3030302E30302E31342E4835362D3230303230332D30313138")]
    [InlineData("a{b", "1D6B4906" + "7B42" + "617B7B62")]
    public void Code128_CodeSetBWithLength(string data, string expected) => Assert.Equal(Hex(expected), EscPosCommands.Code128(data));

    [Theory]
    [InlineData("")]
    [InlineData("Đ")]
    [InlineData("tab\there")]
    public void Code128_BadData_Throws(string data) => Assert.Throws<ArgumentException>(() => EscPosCommands.Code128(data));

    [Theory]
    [InlineData(CutMode.Full, 0, "1D5600")]
    [InlineData(CutMode.Partial, 0, "1D5601")]
    [InlineData(CutMode.FeedThenPartial, 0, "1D564200")]
    [InlineData(CutMode.FeedThenPartial, 96, "1D564260")]
    [InlineData(CutMode.FeedThenFull, 255, "1D5641FF")]
    public void Cut(CutMode mode, int feed, string expected) => Assert.Equal(Hex(expected), EscPosCommands.Cut(mode, feed));

    [Theory]
    [InlineData(StatusRequest.Printer, "100401")]
    [InlineData(StatusRequest.OfflineCause, "100402")]
    [InlineData(StatusRequest.ErrorCause, "100403")]
    [InlineData(StatusRequest.PaperSensor, "100404")]
    public void RequestStatus(StatusRequest request, string expected) => Assert.Equal(Hex(expected), EscPosCommands.RequestStatus(request));

    internal static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}
