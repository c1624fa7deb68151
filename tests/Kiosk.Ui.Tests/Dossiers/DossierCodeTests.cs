using QueueKiosk.KioskUi.Dossiers;

namespace QueueKiosk.KioskUi.Tests.Dossiers;

public class DossierCodeTests
{
    [Theory]
    [InlineData("000.00.14.H56-200203-0118", "000.00.14.H56-200203-0118")]
    [InlineData(" 000.00.14.h56-200203-0118 ", "000.00.14.H56-200203-0118")]
    [InlineData("000.00.14.H56–200203–0118", "000.00.14.H56-200203-0118")]
    [InlineData("０００.００.１４.Ｈ５６-２００２０３-０１１８", "000.00.14.H56-200203-0118")]
    [InlineData("000.00 .14.H56-200203-0118\r", "000.00.14.H56-200203-0118")]
    [InlineData("123.45.67.G01-261122-9999", "123.45.67.G01-261122-9999")]
    public void TryParse_OfficialFormat_ReturnsCanonicalCode(string input, string expected)
    {
        Assert.True(DossierCode.TryParse(input, out var code, out var problem));
        Assert.Equal(expected, code);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("000.00.14.H56-200203-011", "format")]
    [InlineData("000.00.14.56-200203-0118", "format")]
    [InlineData("00.00.14.H56-200203-0118", "format")]
    [InlineData("000.00.14.H56.200203.0118", "format")]
    [InlineData("000-00-14-H56-200203-0118", "format")]
    [InlineData("HS-2020-0118", "format")]
    [InlineData("000.00.14.H56-201302-0118", "date")]
    [InlineData("000.00.14.H56-200230-0118", "date")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData(null, "empty")]
    public void TryParse_NotTheOfficialFormat_SaysWhatIsWrong(string? input, string expectedProblem)
    {
        Assert.False(DossierCode.TryParse(input, out _, out var problem));
        Assert.Equal(expectedProblem, problem);
    }
}
