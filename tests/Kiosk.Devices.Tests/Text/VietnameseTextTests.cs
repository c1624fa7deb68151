using System.Text;
using QueueKiosk.Devices.Text;

namespace QueueKiosk.Devices.Tests.Text;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Đăng ký khai sinh", "Dang ky khai sinh")]
    [InlineData("ĐĂNG KÝ KẾT HÔN", "DANG KY KET HON")]
    [InlineData("Chứng thực bản sao từ bản chính", "Chung thuc ban sao tu ban chinh")]
    [InlineData("Người có công", "Nguoi co cong")]
    [InlineData("ẤẦẨẪẬ ắằẳẵặ ướờởỡợ", "AAAAA aaaaa uooooo")]
    [InlineData("plain ascii 123", "plain ascii 123")]
    public void FoldDiacritics_RemovesMarksAndKeepsCase(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.FoldDiacritics(input));
    }

    [Fact]
    public void FoldDiacritics_AcceptsDecomposedInput()
    {
        var decomposed = "Đăng ký".Normalize(NormalizationForm.FormD);

        Assert.Equal("Dang ky", VietnameseText.FoldDiacritics(decomposed));
    }

    [Theory]
    [InlineData("  Đăng-ký KHAI   sinh ", "dang ky khai sinh")]
    [InlineData("dang ky", "dang ky")]
    [InlineData("1.001193", "1.001193")]
    [InlineData("Tư pháp - Hộ tịch", "tu phap ho tich")]
    public void SearchKey_FoldsLowersAndCollapsesSeparators(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.SearchKey(input));
    }

    [Fact]
    public void Nfc_ComposesDecomposedText()
    {
        var decomposed = "Hộ tịch".Normalize(NormalizationForm.FormD);

        var composed = VietnameseText.Nfc(decomposed);

        Assert.True(composed.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Hộ tịch", composed);
    }
}
