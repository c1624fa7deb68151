using QueueKiosk.HubServer.Administration.Import;

namespace QueueKiosk.HubServer.Tests.Administration.Import;

public sealed class FeeTextTests
{
    [Theory]
    [InlineData("Không")]
    [InlineData("Miễn phí")]
    [InlineData("MIỄN PHÍ")]
    [InlineData("Không thu")]
    [InlineData("0")]
    [InlineData("0 đồng")]
    public void FreeWords_ReadAsFree(string text)
    {
        Assert.True(FeeText.TryParse(text, out var fee, out _));
        Assert.True(fee!.IsFree);
        Assert.Empty(fee.AmountsVnd);
    }

    [Theory]
    [InlineData("50.000 đồng", new long[] { 50_000 })]
    [InlineData("50,000đ", new long[] { 50_000 })]
    [InlineData("100000 VNĐ", new long[] { 100_000 })]
    [InlineData("1.200.000 vnd/hồ sơ", new long[] { 1_200_000 })]
    [InlineData("20.000 đồng/bản", new long[] { 20_000 })]
    [InlineData("50 000 đồng", new long[] { 50_000 })]
    [InlineData("Lệ phí: 50.000 đồng; Phí: 30.000 đồng", new long[] { 50_000, 30_000 })]
    [InlineData("Lệ phí: 30.000 đồng/lần\nPhí thẩm định hồ sơ: theo Nghị quyết của HĐND tỉnh", new long[] { 30_000 })]
    [InlineData("2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang", new long[] { 2_000, 1_000 })]
    [InlineData("50.000 đồng/hợp đồng, giao dịch", new long[] { 50_000 })]
    [InlineData("15000", new long[] { 15_000 })]
    [InlineData("Lệ phí: 15.000", new long[] { 15_000 })]
    [InlineData("0,1% giá trị tài sản", new long[0])]
    [InlineData("Theo Nghị quyết số 15/2020/NQ-HĐND", new long[0])]
    public void Amounts_ReadInDong(string text, long[] expected)
    {
        Assert.True(FeeText.TryParse(text, out var fee, out var problem), problem?.MessageEn);
        Assert.False(fee!.IsFree);
        Assert.Equal(expected, fee.AmountsVnd);
        Assert.Equal(text, fee.Text);
    }

    [Theory]
    [InlineData("50.00 đồng", "\"50.00\" is not an amount")]
    [InlineData("5O.000 đồng", "\"5O.000 đồng\" is not a readable amount")]
    [InlineData("-50.000 đồng", "a negative amount")]
    [InlineData("20 USD", "the unit \"USD\" is not Vietnamese đồng")]
    [InlineData("$20", "the unit \"$\" is not Vietnamese đồng")]
    [InlineData("1.5 triệu đồng", "write the amount in full (e.g. 1.500.000 đồng) instead of \"5 triệu\"")]
    [InlineData("Lệ phí: 12,5", "\"12,5\" is not an amount")]
    public void BadFees_AreRefusedWithTheReason(string text, string reason)
    {
        Assert.False(FeeText.TryParse(text, out var fee, out var problem));
        Assert.Null(fee);
        Assert.Contains(reason, problem!.MessageEn, StringComparison.Ordinal);
        Assert.True(problem.MessageVi.IsNormalized());
    }
}
