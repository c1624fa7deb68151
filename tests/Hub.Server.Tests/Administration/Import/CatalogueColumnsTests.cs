using QueueKiosk.HubServer.Administration.Import;

namespace QueueKiosk.HubServer.Tests.Administration.Import;

public sealed class CatalogueColumnsTests
{
    [Theory]
    [InlineData("Mã thủ tục", "code")]
    [InlineData("MÃ THỦ TỤC (*)", "code")]
    [InlineData("ma thu tuc", "code")]
    [InlineData("  Mã   TTHC ", "code")]
    [InlineData("Tên thủ tục hành chính", "nameVi")]
    [InlineData("Phí/lệ phí", "fee")]
    [InlineData("PHI, LE PHI", "fee")]
    [InlineData("Lĩnh vực (tiếng Anh)", "fieldEn")]
    [InlineData("Linh vuc", "field")]
    [InlineData("Cơ quan thực hiện", "agency")]
    [InlineData("Căn cứ pháp lý", "legalBasis")]
    public void Find_HeadersAsOfficesWriteThem(string header, string key)
    {
        Assert.Equal(key, CatalogueColumns.Find(header)?.Key);
    }

    [Fact]
    public void Find_DecomposedHeader_MatchesToo()
    {
        Assert.Equal("field", CatalogueColumns.Find("Lĩnh vực".Normalize(System.Text.NormalizationForm.FormD))?.Key);
        Assert.Null(CatalogueColumns.Find("Số điện thoại"));
        Assert.True(CatalogueColumns.IsIgnored("stt"));
    }

    [Fact]
    public void TheDocumentedTable_ListsEveryColumnAsTheCodeDefinesIt()
    {
        var doc = File.ReadAllText(Path.Combine(SampleFiles.RepositoryRoot, "docs", "administration-import.md"));

        foreach (var column in CatalogueColumns.All)
        {
            var otherHeaders = column.OtherHeaders.Count == 0 ? "–" : string.Join(", ", column.OtherHeaders);
            var line = $"| {column.HeaderVi} | `{column.Key}` | {column.HeaderEn} | {(column.Required ? "bắt buộc / required" : "không / no")} | {column.MaxLength} | {otherHeaders} |";
            Assert.Contains(line, doc, StringComparison.Ordinal);
        }
    }
}
