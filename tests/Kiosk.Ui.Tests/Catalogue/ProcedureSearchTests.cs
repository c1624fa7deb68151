using QueueKiosk.KioskUi.Catalogue;

namespace QueueKiosk.KioskUi.Tests.Catalogue;

public class ProcedureSearchTests
{
    private readonly ProcedureSearch _search = new(SampleCatalogue.Procedures);

    [Theory]
    [InlineData("khai sinh")]
    [InlineData("dang ky khai sinh")]
    [InlineData("KHAI SINH")]
    [InlineData("Đăng ký khai sinh")]
    [InlineData("  đăng-ký   KHAI sinh ")]
    public void Search_BirthRegistrationInAnySpelling_PutsDangKyKhaiSinhFirst(string query)
    {
        var results = _search.Search(query);

        Assert.Equal("Đăng ký khai sinh", results[0].Name);
    }

    [Fact]
    public void Search_KhaiSinh_ListsEveryBirthProcedureBeforePartialMatches()
    {
        var names = _search.Search("khai sinh").Select(p => p.Name).ToList();

        Assert.All(names.Take(4), n => Assert.Contains("khai sinh", n, StringComparison.Ordinal));
        Assert.Equal("Đăng ký khai tử", Assert.Single(names.Skip(4)));
    }

    [Theory]
    [InlineData("1.001193", "Đăng ký khai sinh")]
    [InlineData("1.000894", "Đăng ký kết hôn")]
    [InlineData("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản")]
    public void Search_ProcedureCode_FindsThatProcedureFirst(string code, string expected)
    {
        Assert.Equal(expected, _search.Search(code)[0].Name);
    }

    [Fact]
    public void Search_CodePrefix_FindsProceduresWithThatPrefixBeforeNameMatches()
    {
        var results = _search.Search("2.000");

        Assert.Equal(["2.000815", "2.000884"], results.Take(2).Select(p => p.Code).Order());
    }

    [Fact]
    public void Search_NameStartsWithQuery_RanksAboveWordsElsewhere()
    {
        // "chung thuc" starts both certification names; "chu ky" is only in one of them.
        var results = _search.Search("chung thuc chu ky");

        Assert.Equal("2.000884", results[0].Code);
    }

    [Fact]
    public void Search_HalfTypedWord_StillFindsTheProcedure()
    {
        var results = _search.Search("ket ho");

        Assert.Equal("Đăng ký kết hôn", results[0].Name);
    }

    [Fact]
    public void Search_WordsInAnotherOrder_FindAllWordMatchesBeforePartialOnes()
    {
        var results = _search.Search("sinh khai");

        Assert.Equal("Đăng ký khai sinh", results[0].Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("--")]
    [InlineData(null)]
    public void Search_NothingTyped_ReturnsNothing(string? query)
    {
        Assert.Empty(_search.Search(query));
    }

    [Fact]
    public void Search_UnknownWords_ReturnsNothing()
    {
        Assert.Empty(_search.Search("xyz qwv"));
    }

    [Fact]
    public void Search_Limit_CapsTheNumberOfResults()
    {
        Assert.Equal(2, _search.Search("dang ky", limit: 2).Count);
    }
}
