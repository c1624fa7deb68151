using System.Text;
using QueueKiosk.Devices.Voice;

namespace QueueKiosk.Devices.Tests.Voice;

public class VietnameseNumberReaderTests
{
    [Theory]
    [InlineData(0, "không")]
    [InlineData(1, "một")]
    [InlineData(4, "bốn")]
    [InlineData(5, "năm")]
    [InlineData(9, "chín")]
    [InlineData(10, "mười")]
    [InlineData(11, "mười một")]
    [InlineData(14, "mười bốn")]
    [InlineData(15, "mười lăm")]
    [InlineData(19, "mười chín")]
    [InlineData(20, "hai mươi")]
    [InlineData(21, "hai mươi mốt")]
    [InlineData(24, "hai mươi tư")]
    [InlineData(25, "hai mươi lăm")]
    [InlineData(31, "ba mươi mốt")]
    [InlineData(44, "bốn mươi tư")]
    [InlineData(55, "năm mươi lăm")]
    [InlineData(99, "chín mươi chín")]
    [InlineData(100, "một trăm")]
    [InlineData(101, "một trăm linh một")]
    [InlineData(104, "một trăm linh bốn")]
    [InlineData(105, "một trăm linh năm")]
    [InlineData(110, "một trăm mười")]
    [InlineData(111, "một trăm mười một")]
    [InlineData(115, "một trăm mười lăm")]
    [InlineData(121, "một trăm hai mươi mốt")]
    [InlineData(200, "hai trăm")]
    [InlineData(999, "chín trăm chín mươi chín")]
    [InlineData(1000, "một nghìn")]
    [InlineData(1001, "một nghìn không trăm linh một")]
    [InlineData(1005, "một nghìn không trăm linh năm")]
    [InlineData(1010, "một nghìn không trăm mười")]
    [InlineData(1015, "một nghìn không trăm mười lăm")]
    [InlineData(1021, "một nghìn không trăm hai mươi mốt")]
    [InlineData(1100, "một nghìn một trăm")]
    [InlineData(2024, "hai nghìn không trăm hai mươi tư")]
    [InlineData(5555, "năm nghìn năm trăm năm mươi lăm")]
    [InlineData(9999, "chín nghìn chín trăm chín mươi chín")]
    [InlineData(10000, "mười nghìn")]
    [InlineData(15000, "mười lăm nghìn")]
    [InlineData(21005, "hai mươi mốt nghìn không trăm linh năm")]
    [InlineData(100000, "một trăm nghìn")]
    [InlineData(1000000, "một triệu")]
    [InlineData(1000005, "một triệu không trăm linh năm")]
    [InlineData(2500000, "hai triệu năm trăm nghìn")]
    [InlineData(1000000000, "một tỷ")]
    public void ReadNumber_FollowsTheSpokenRules(long number, string expected)
    {
        var read = VietnameseNumberReader.ReadNumber(number);
        Assert.Equal(expected.Normalize(NormalizationForm.FormC), read);
        Assert.True(read.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData(24, "hai mươi bốn")]
    [InlineData(2024, "hai nghìn không trăm hai mươi bốn")]
    [InlineData(14, "mười bốn")]
    public void ReadNumber_FourAfterTensCanBeBon(long number, string expected)
    {
        Assert.Equal(expected, VietnameseNumberReader.ReadNumber(number, new VietnameseReadingOptions { FourAfterTens = "bốn" }));
    }

    [Theory]
    [InlineData(105, "một trăm lẻ năm")]
    [InlineData(1005, "một nghìn không trăm lẻ năm")]
    public void ReadNumber_ZeroTensCanBeLe(long number, string expected)
    {
        Assert.Equal(expected, VietnameseNumberReader.ReadNumber(number, new VietnameseReadingOptions { ZeroTens = "lẻ" }));
    }

    [Fact]
    public void ReadNumber_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseNumberReader.ReadNumber(-1));
    }

    [Theory]
    [InlineData("A015", "a, không, một, năm")]
    [InlineData("B102", "bê, một, không, hai")]
    [InlineData("C7", "xê, bảy")]
    [InlineData("D-09", "dê, không, chín")]
    [InlineData("E4", "e, bốn")]
    [InlineData("0015", "không, không, một, năm")]
    [InlineData("a1", "a, một")]
    public void ReadCharacters_ReadsEachLetterAndDigit(string code, string expected)
    {
        Assert.Equal(expected, VietnameseNumberReader.ReadCharacters(code));
    }

    [Theory]
    [InlineData("A015", "a, mười lăm")]
    [InlineData("B1021", "bê, một nghìn không trăm hai mươi mốt")]
    [InlineData("0024", "hai mươi tư")]
    [InlineData("7", "bảy")]
    [InlineData("C", "xê")]
    public void ReadCode_ReadsPrefixByNameAndDigitsAsANumber(string code, string expected)
    {
        Assert.Equal(expected, VietnameseNumberReader.ReadCode(code));
    }

    [Fact]
    public void ReadCharacters_UnknownSymbol_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => VietnameseNumberReader.ReadCharacters("A#1"));
        Assert.Contains("'#'", e.Message, StringComparison.Ordinal);
    }
}
