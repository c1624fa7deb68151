using System.Text;
using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.EscPos.CodePages;
using QueueKiosk.Devices.Fonts;
using QueueKiosk.Devices.Printing.Layout;
using QueueKiosk.Devices.Simulation;

namespace QueueKiosk.Devices.Tests.EscPos;

public sealed class CodePageTests : IDisposable
{
    private readonly SkiaTextRasterizer _rasterizer = SkiaTextRasterizer.OpenDefault();

    public void Dispose() => _rasterizer.Dispose();

    [Fact]
    public void Alphabet_Has67LowerAnd67UpperDistinctNfcLetters()
    {
        Assert.Equal(67, VietnameseAlphabet.Lower.Count);
        Assert.Equal(67, VietnameseAlphabet.Upper.Count);
        Assert.Equal(134, VietnameseAlphabet.All.Distinct(StringComparer.Ordinal).Count());
        Assert.All(VietnameseAlphabet.All, letter =>
        {
            Assert.Single(letter);
            Assert.True(letter.IsNormalized(NormalizationForm.FormC));
            Assert.True(letter[0] >= 0x80);
        });
        Assert.Contains("đ", VietnameseAlphabet.Lower);
        Assert.Contains("Đ", VietnameseAlphabet.Upper);
    }

    [Theory]
    [InlineData('á', Tcvn3Table.Lower, 0xB8)]
    [InlineData('ă', Tcvn3Table.Lower, 0xA8)]
    [InlineData('đ', Tcvn3Table.Lower, 0xAE)]
    [InlineData('ư', Tcvn3Table.Lower, 0xAD)]
    [InlineData('ế', Tcvn3Table.Lower, 0xD5)]
    [InlineData('ỵ', Tcvn3Table.Lower, 0xFE)]
    [InlineData('Á', Tcvn3Table.Upper, 0xB8)]
    [InlineData('Ế', Tcvn3Table.Upper, 0xD5)]
    [InlineData('Ă', Tcvn3Table.Upper, 0xA1)]
    [InlineData('Đ', Tcvn3Table.Upper, 0xA7)]
    [InlineData('Ư', Tcvn3Table.Upper, 0xAD)]
    public void Tcvn3_KnownPositions(char letter, Tcvn3Table table, byte value)
    {
        Assert.Equal((table, value), Tcvn3.Encode(letter));
        Assert.Equal(letter, Tcvn3.Decode(table, value));
    }

    [Fact]
    public void Tcvn3_EveryLetter_EncodesInItsCaseTable_AndDecodesBack()
    {
        foreach (var (letters, table) in new[] { (VietnameseAlphabet.Lower, Tcvn3Table.Lower), (VietnameseAlphabet.Upper, Tcvn3Table.Upper) })
        {
            var seen = new HashSet<byte>();
            foreach (var letter in letters)
            {
                var encoded = Tcvn3.Encode(letter[0]);
                Assert.NotNull(encoded);
                Assert.Equal(table, encoded.Value.Table);
                Assert.True(seen.Add(encoded.Value.Value), $"{letter} shares byte 0x{encoded.Value.Value:X2}");
                Assert.Equal(letter[0], Tcvn3.Decode(table, encoded.Value.Value));
            }
        }
    }

    [Theory]
    [InlineData('A')]
    [InlineData('z')]
    [InlineData('0')]
    [InlineData(':')]
    public void Tcvn3_Ascii_NeedsNoTable(char c) => Assert.Equal(((Tcvn3Table?)null, (byte)c), Tcvn3.Encode(c));

    [Fact]
    public void Tcvn3Encoder_SwitchesTableOnlyForCapitalsWithDiacritics()
    {
        var builder = new EscPosBuilder();

        new Tcvn3TextEncoder(30, 31).Write(builder, "SỐ thứ");

        // The first character selects the lower table; Ố needs the capitals table; ASCII (0x20..0x7F)
        // prints the same in every ESC t table, so "t h" stay in table 31 and only ứ switches back.
        Assert.Equal(EscPosCommandsTests.Hex("1B741E" + "53" + "1B741F" + "E8" + "20" + "74" + "68" + "1B741E" + "F8"), builder.ToArray());
    }

    [Fact]
    public void Tcvn3_All134Letters_RoundTripThroughTheVirtualPrinter() =>
        AssertRoundTrip(PrinterTextMode.Tcvn3, VietnameseAlphabet.All);

    [Fact]
    public void Cp1258_All134Letters_RoundTripThroughTheVirtualPrinter() =>
        AssertRoundTrip(PrinterTextMode.Cp1258, VietnameseAlphabet.All);

    [Theory]
    [InlineData(PrinterTextMode.Tcvn3)]
    [InlineData(PrinterTextMode.Cp1258)]
    public void Sentences_RoundTripThroughTheVirtualPrinter(PrinterTextMode mode) =>
        AssertRoundTrip(mode, ["ĐĂNG KÝ KHAI SINH", "Đăng ký kết hôn", "Xin mời công dân có số thứ tự A012 đến quầy số 3", "Ủy ban nhân dân Phường Bến Thành: 25 phút"]);

    [Theory]
    [InlineData("ế", "ê\u0301")]
    [InlineData("Ế", "Ê\u0301")]
    [InlineData("ặ", "ă\u0323")]
    [InlineData("ợ", "ơ\u0323")]
    [InlineData("ử", "ư\u0309")]
    [InlineData("á", "a\u0301")]
    [InlineData("đ", "đ")]
    [InlineData("Đăng ký", "Đăng ky\u0301")]
    public void Cp1258Form_RecomposesVowelsAndKeepsTonesCombining(string input, string expected) =>
        Assert.Equal(expected, Cp1258.ToCp1258Form(input));

    [Theory]
    [InlineData("ế", "EAEC")]
    [InlineData("ặ", "E3F2")]
    [InlineData("ỡ", "F5DE")]
    [InlineData("ử", "FDD2")]
    [InlineData("à", "61CC")]
    [InlineData("Đ", "D0")]
    [InlineData("đ", "F0")]
    public void Cp1258Encode_Bytes(string input, string expected) =>
        Assert.Equal(Convert.FromHexString(expected), Cp1258.Encode(input));

    [Fact]
    public void Cp1258_NaiveNfcEncoding_LosesLetters_WhichIsWhyWeDecompose()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var naive = Encoding.GetEncoding(1258).GetBytes("ế");

        Assert.Equal("?"u8.ToArray(), naive);
        Assert.All(VietnameseAlphabet.All, letter => Assert.True(Cp1258.CanEncode(letter), letter));
    }

    [Theory]
    [InlineData("Quầy 2 – Hộ tịch", "Quay 2 - Ho tich")]
    [InlineData("“Xin mời” — số A005…", "\"Xin moi\" - so A005...")]
    [InlineData("Giờ ‘cao điểm’ · 1 → 2", "Gio 'cao diem' . 1 -> 2")]
    public void AsciiFold_TypographicPunctuation_BecomesItsAsciiStandIn(string input, string expected) =>
        Assert.Equal(expected, AsciiFold.Fold(input));

    [Fact]
    public void Tcvn3_Punctuation_PrintsAsAsciiNotQuestionMarks() =>
        AssertRoundTrip(PrinterTextMode.Tcvn3, ["Quầy 2 - Hộ tịch - Ưu tiên", "\"Đã gọi\" ..."], ["Quầy 2 – Hộ tịch — Ưu tiên", "“Đã gọi” …"]);

    [Fact]
    public void Cp1258_PunctuationItHas_PrintsAsIs_AndTheRestFolds() =>
        AssertRoundTrip(PrinterTextMode.Cp1258, ["Quầy 2 – Hộ tịch “A005”…", "1 -> 2"], ["Quầy 2 – Hộ tịch “A005”…", "1 → 2"]);

    [Theory]
    [InlineData("Đăng ký", "Dang ky")]
    [InlineData("SỐ THỨ TỰ", "SO THU TU")]
    [InlineData("Ủy ban nhân dân", "Uy ban nhan dan")]
    [InlineData("giá €5", "gia ?5")]
    public void AsciiFold_DropsDiacritics(string input, string expected) => Assert.Equal(expected, AsciiFold.Fold(input));

    [Fact]
    public void AsciiFold_EveryLetter_BecomesOneAsciiLetter() =>
        Assert.All(VietnameseAlphabet.All, letter =>
        {
            var folded = AsciiFold.Fold(letter);
            Assert.Single(folded);
            Assert.True(char.IsAsciiLetter(folded[0]), $"{letter} -> {folded}");
        });

    private void AssertRoundTrip(PrinterTextMode mode, IReadOnlyList<string> lines) => AssertRoundTrip(mode, lines, lines);

    /// <summary>Prints <paramref name="written"/> in the mode and reads back <paramref name="expected"/> from the virtual printer.</summary>
    private void AssertRoundTrip(PrinterTextMode mode, IReadOnlyList<string> expected, IReadOnlyList<string> written)
    {
        var lines = written;
        var profile = new PrinterProfile { Mode = mode };
        var tables = profile.ResolveCodeTables();
        IPrinterTextEncoder encoder = mode == PrinterTextMode.Tcvn3
            ? new Tcvn3TextEncoder(tables.Tcvn3Lower!.Value, tables.Tcvn3Upper!.Value)
            : new Cp1258TextEncoder(tables.Cp1258!.Value);
        var builder = new EscPosBuilder().Initialize();
        foreach (var line in lines)
        {
            encoder.Write(builder, line);
            builder.LineFeed();
        }

        builder.Cut(CutMode.Partial);
        var printer = new VirtualPrinter(_rasterizer, VirtualPrinterOptions.FromProfile(profile));

        printer.Write(builder.ToArray());

        Assert.Equal(expected, Assert.Single(printer.Tickets).TextLines);
    }
}
