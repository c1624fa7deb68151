using QueueKiosk.HubServer.Administration.Import;

namespace QueueKiosk.HubServer.Tests.Administration.Import;

public sealed class ProcedureDocumentsTextTests
{
    [Fact]
    public void Parse_BulletsNumbersAndCounts()
    {
        var documents = ProcedureDocumentsText.Parse(
            "- Tờ khai đăng ký khai sinh (bản chính: 01, bản sao: 0)\n" +
            "2. Giấy chứng sinh (01 bản chính, 02 bản sao)\n" +
            "+ Giấy tờ tùy thân\n" +
            "b) Bản sao giấy đăng ký kết hôn (bản sao: 01)\n" +
            "\n");

        Assert.Equal(
            [
                new ImportedDocument("Tờ khai đăng ký khai sinh", 1, 0),
                new ImportedDocument("Giấy chứng sinh", 1, 2),
                new ImportedDocument("Giấy tờ tùy thân", 1, 0),
                new ImportedDocument("Bản sao giấy đăng ký kết hôn", 0, 1),
            ],
            documents);
    }

    [Fact]
    public void Parse_OneLineSeparatedBySemicolons_AndNotesInParenthesesStay()
    {
        var documents = ProcedureDocumentsText.Parse("Đơn đề nghị (theo mẫu); Giấy tờ tùy thân");

        Assert.Equal([new ImportedDocument("Đơn đề nghị (theo mẫu)", 1, 0), new ImportedDocument("Giấy tờ tùy thân", 1, 0)], documents);
    }

    [Fact]
    public void Format_ThenParse_GivesTheSameList()
    {
        IReadOnlyList<ImportedDocument> documents = [new("Tờ khai", 1, 0), new("Bản vẽ thiết kế", 2, 1)];

        var text = ProcedureDocumentsText.Format(documents);

        Assert.Equal("- Tờ khai (bản chính: 1, bản sao: 0)\n- Bản vẽ thiết kế (bản chính: 2, bản sao: 1)", text);
        Assert.Equal(documents, ProcedureDocumentsText.Parse(text));
        Assert.Empty(ProcedureDocumentsText.Parse("  "));
    }
}
