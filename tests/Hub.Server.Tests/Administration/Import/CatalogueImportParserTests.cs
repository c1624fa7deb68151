using System.Diagnostics;
using System.Text;
using QueueKiosk.HubServer.Administration.Import;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Administration.Import;

public sealed class CatalogueImportParserTests(ITestOutputHelper output)
{
    private const string Header = "Mã thủ tục,Tên thủ tục,Lĩnh vực,\"Phí, lệ phí\"";

    [Fact]
    public void SampleCsv_ReadsTwentyProceduresBelowItsTitleRow()
    {
        var preview = CatalogueImportParser.Parse("thu-tuc-mau.csv", File.ReadAllBytes(SampleFiles.SampleCsv));

        Assert.Empty(preview.AllProblems);
        Assert.True(preview.CanImport);
        Assert.Equal(CatalogueFileKind.Csv, preview.FileKind);
        Assert.Equal(2, preview.HeaderRowNumber);
        Assert.Equal(20, preview.Rows.Count);
        Assert.Equal(CatalogueColumns.All.Count, preview.Columns.Count(c => c.Column is not null));
        Assert.Null(Assert.Single(preview.Columns, c => c.Header == "STT").Column);

        var birth = preview.Rows[0];
        Assert.Equal(3, birth.RowNumber);
        Assert.Equal(
            new ProcedureValues(
                "1.001193", "Đăng ký khai sinh", "Birth registration", "Hộ tịch", "Civil status", "Cấp xã",
                "Ủy ban nhân dân cấp xã", "Trong ngày", "Miễn phí",
                "- Tờ khai đăng ký khai sinh (bản chính: 1, bản sao: 0)\n- Giấy chứng sinh (bản chính: 1, bản sao: 0)",
                "Luật Hộ tịch số 60/2014/QH13\nNghị định số 123/2015/NĐ-CP"),
            birth.Values);
        Assert.True(birth.Fee!.IsFree);
        Assert.Equal(2, birth.Documents.Count);
        Assert.Equal([2_000L, 1_000, 200_000], preview.Rows.Single(r => r.Values.Code == "2.000815").Fee!.AmountsVnd);
        Assert.All(preview.Rows, r => Assert.True(r.Values.NameVi.IsNormalized()));
    }

    [Fact]
    public void SampleXlsx_GivesTheSamePreviewAsTheSampleCsv()
    {
        var csv = CatalogueImportParser.Parse("thu-tuc-mau.csv", File.ReadAllBytes(SampleFiles.SampleCsv));
        var generated = XlsxTestWriter.Write(CsvTableReader.Read(File.ReadAllBytes(SampleFiles.SampleCsv)).Select(r => r.Cells).ToList());
        // QK_WRITE_SAMPLES=1 writes the .xlsx sample from the .csv one: the .csv is the source.
        if (Environment.GetEnvironmentVariable("QK_WRITE_SAMPLES") == "1")
            File.WriteAllBytes(SampleFiles.SampleXlsx, generated);

        var xlsx = CatalogueImportParser.Parse("thu-tuc-mau.xlsx", File.ReadAllBytes(SampleFiles.SampleXlsx));

        Assert.Empty(xlsx.AllProblems);
        Assert.Equal(CatalogueFileKind.Xlsx, xlsx.FileKind);
        Assert.Equal(csv.Rows.Select(r => (r.RowNumber, r.Values)), xlsx.Rows.Select(r => (r.RowNumber, r.Values)));
        Assert.Equal(csv.Rows.Select(r => (r.RowNumber, r.Values)), CatalogueImportParser.Parse("x.xlsx", generated).Rows.Select(r => (r.RowNumber, r.Values)));
    }

    [Fact]
    public void Xlsx_InlineStringsGapsAndNumbers_AreRead()
    {
        var bytes = XlsxTestWriter.Write(
            [
                ["UBND XÃ MẪU"],
                [],
                ["Mã TTHC", "", "Tên TTHC", "Lĩnh vực", "Lệ phí"],
                ["1.000001", "", "Thủ tục một", "Hộ tịch", "15000"],
                ["1.000002", "bỏ qua", "Thủ tục hai", "Hộ tịch", ""],
            ],
            sharedStrings: false);

        var preview = CatalogueImportParser.Parse("Danh muc.XLSX", bytes);

        Assert.True(preview.CanImport, string.Join("; ", preview.AllProblems.Select(p => p.MessageEn)));
        Assert.Equal(3, preview.HeaderRowNumber);
        Assert.Equal([4, 5], preview.Rows.Select(r => r.RowNumber));
        Assert.Equal([15_000L], preview.Rows[0].Fee!.AmountsVnd);
        Assert.Null(preview.Rows[1].Values.Fee);
        Assert.Equal("Thủ tục hai", preview.Rows[1].Values.NameVi);
    }

    [Fact]
    public void Xlsx_RichTextSharedStrings_AreReadWithoutPhoneticHints()
    {
        var bytes = XlsxTestWriter.Write(
            [["Mã thủ tục", "Tên thủ tục", "Lĩnh vực"], ["1.000001", "Đăng ký khai sinh", "Hộ tịch"]],
            richText: true);

        var preview = CatalogueImportParser.Parse("a.xlsx", bytes);

        var values = Assert.Single(preview.Rows).Values;
        Assert.Equal(("1.000001", "Đăng ký khai sinh", "Hộ tịch"), (values.Code, values.NameVi, values.FieldVi));
    }

    [Theory]
    [InlineData("danh-muc.xls")]
    [InlineData("danh-muc.pdf")]
    [InlineData("danh-muc")]
    public void FileThatIsNotXlsxOrCsv_IsRefused(string fileName)
    {
        var problem = OnlyFileProblem(CatalogueImportParser.Parse(fileName, Encoding.UTF8.GetBytes(Header)));

        Assert.Equal(ImportProblems.FileTypeCode, problem.Code);
        Assert.Contains(fileName, problem.MessageVi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n,,,\r\n")]
    public void EmptyFile_IsRefused(string content)
    {
        Assert.Equal(ImportProblems.FileEmptyCode, OnlyFileProblem(Parse(content)).Code);
    }

    [Fact]
    public void HeaderWithoutRows_IsAnEmptyFile()
    {
        Assert.Equal(ImportProblems.FileEmptyCode, OnlyFileProblem(Parse(Header)).Code);
    }

    [Fact]
    public void FileOverTheSizeLimit_IsRefused()
    {
        var preview = CatalogueImportParser.Parse("a.csv", Encoding.UTF8.GetBytes(Header + "\r\n1,Tên,Hộ tịch,0"), new CatalogueImportOptions { MaxFileBytes = 10 });

        Assert.Equal(ImportProblems.FileTooLargeCode, OnlyFileProblem(preview).Code);
    }

    [Fact]
    public void CsvInALegacyEncoding_IsRefusedWithHowToSaveIt()
    {
        // "Mã thủ tục" as Windows-1252 bytes: not UTF-8.
        byte[] content = [(byte)'M', 0xE3, (byte)' ', (byte)'t', (byte)'h', 0xFB, (byte)',', (byte)'x'];

        var problem = OnlyFileProblem(CatalogueImportParser.Parse("a.csv", content));

        Assert.Equal(ImportProblems.CsvNotUtf8Code, problem.Code);
        Assert.Contains("CSV UTF-8", problem.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void XlsxThatIsNotASpreadsheet_IsRefused()
    {
        Assert.Equal(ImportProblems.FileUnreadableCode, OnlyFileProblem(CatalogueImportParser.Parse("a.xlsx", Encoding.UTF8.GetBytes(Header))).Code);

        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            archive.CreateEntry("readme.txt");
        Assert.Equal(ImportProblems.FileUnreadableCode, OnlyFileProblem(CatalogueImportParser.Parse("a.xlsx", zip.ToArray())).Code);
    }

    [Fact]
    public void NoHeaderRow_IsRefused()
    {
        var problem = OnlyFileProblem(Parse("1.000001,Đăng ký khai sinh,Hộ tịch,0", "1.000002,Đăng ký kết hôn,Hộ tịch,0"));

        Assert.Equal(ImportProblems.NoHeaderRowCode, problem.Code);
    }

    [Fact]
    public void MissingRequiredColumn_IsNamed()
    {
        var preview = Parse("Mã thủ tục,Tên thủ tục,Phí", "1.000001,Đăng ký khai sinh,0");

        var problem = OnlyFileProblem(preview);
        Assert.Equal(ImportProblems.MissingColumnCode, problem.Code);
        Assert.Equal("Lĩnh vực", problem.Column);
        Assert.Empty(preview.Rows);
    }

    [Fact]
    public void UnknownAndRepeatedColumns_AreWarnings()
    {
        var preview = Parse("STT,Mã thủ tục,Tên thủ tục,Lĩnh vực,Số điện thoại,Tên TTHC", "1,1.000001,Đăng ký khai sinh,Hộ tịch,0123,Khác");

        Assert.True(preview.CanImport);
        Assert.Equal(
            [(ImportProblems.UnknownColumnCode, "Số điện thoại"), (ImportProblems.DuplicateColumnCode, "Tên TTHC")],
            preview.FileProblems.Select(p => (p.Code, p.Column)));
        Assert.All(preview.FileProblems, p => Assert.Equal(ImportSeverity.Warning, p.Severity));
        Assert.Equal("Đăng ký khai sinh", preview.Rows[0].Values.NameVi);
    }

    [Fact]
    public void RowProblems_AreEachNamedWithRowAndColumn()
    {
        var preview = Parse(
            Header,
            "1.000001,Đăng ký khai sinh,Hộ tịch,Miễn phí",
            ",Không mã,Hộ tịch,0",
            "1.000001,Trùng mã,Hộ tịch,0",
            "1.000 003,Mã có khoảng trắng,Hộ tịch,0",
            "1.000004,,Hộ tịch,0",
            "1.000005,Không lĩnh vực,,0",
            "1.000006,Phí sai,Hộ tịch,50.00 đồng",
            $"1.000007,{new string('x', 501)},Hộ tịch,0");

        Assert.False(preview.CanImport);
        Assert.Equal(
            [
                (3, ImportProblems.CodeMissingCode, "Mã thủ tục"),
                (4, ImportProblems.CodeDuplicateCode, "Mã thủ tục"),
                (5, ImportProblems.CodeInvalidCode, "Mã thủ tục"),
                (6, ImportProblems.ValueRequiredCode, "Tên thủ tục"),
                (7, ImportProblems.ValueRequiredCode, "Lĩnh vực"),
                (8, ImportProblems.BadFeeCode, "Phí, lệ phí"),
                (9, ImportProblems.TooLongCode, "Tên thủ tục"),
            ],
            preview.AllProblems.Select(p => (p.RowNumber!.Value, p.Code, p.Column!)));
        Assert.Equal("Mã thủ tục \"1.000001\" trùng với dòng 2.", preview.Rows[2].Problems[0].MessageVi);
        Assert.Equal("The column \"Tên thủ tục\" is 501 characters long, more than 400.", preview.Rows[7].Problems[0].MessageEn);
        Assert.Equal(8, preview.Rows.Count);
        Assert.All(preview.AllProblems, p => Assert.True(p.MessageVi.IsNormalized() && p.MessageEn.Length > 0));
    }

    [Fact]
    public void DuplicateCode_IgnoresCase()
    {
        var preview = Parse(Header, "abc.1,Một,Hộ tịch,0", "ABC.1,Hai,Hộ tịch,0");

        Assert.Equal(ImportProblems.CodeDuplicateCode, Assert.Single(preview.AllProblems).Code);
    }

    [Fact]
    public void UnknownField_IsAnErrorWhenTheFieldsAreGiven()
    {
        var options = new CatalogueImportOptions { KnownFields = ["Hộ tịch", "Chứng thực"] };

        var preview = Parse(options, Header, "1.000001,Một,hộ tịch,0", "1.000002,Hai,Đất đai,0");

        Assert.Equal("Hộ tịch", preview.Rows[0].Values.FieldVi);
        var problem = Assert.Single(preview.AllProblems);
        Assert.Equal((3, ImportProblems.UnknownFieldCode, "Lĩnh vực"), (problem.RowNumber!.Value, problem.Code, problem.Column!));
        Assert.Equal("Lĩnh vực \"Đất đai\" chưa có trong danh mục lĩnh vực.", problem.MessageVi);
    }

    [Fact]
    public void UnknownField_IsListedToCreateWhenAsked()
    {
        var options = new CatalogueImportOptions { KnownFields = ["Hộ tịch"], CreateMissingFields = true };

        var preview = Parse(
            options,
            "Mã thủ tục,Tên thủ tục,Lĩnh vực,Lĩnh vực (tiếng Anh)",
            "1.000001,Một,Đất đai,",
            "1.000002,Hai,đất đai,Land",
            "1.000003,Ba,Xây dựng,Construction",
            "1.000004,Bốn,Hộ tịch,Civil status");

        Assert.True(preview.CanImport);
        Assert.Equal([new FieldToCreate("Đất đai", "Land"), new FieldToCreate("Xây dựng", "Construction")], preview.FieldsToCreate);
        Assert.Equal("Đất đai", preview.Rows[1].Values.FieldVi);
    }

    [Fact]
    public void DecomposedText_IsNormalisedToNfcWithAWarning()
    {
        var decomposed = "Đăng ký khai sinh".Normalize(NormalizationForm.FormD);

        var preview = Parse(Header, $"1.000001,{decomposed},Hộ tịch,0");

        Assert.True(preview.CanImport);
        Assert.Equal("Đăng ký khai sinh", preview.Rows[0].Values.NameVi);
        var warning = Assert.Single(preview.AllProblems);
        Assert.Equal((ImportSeverity.Warning, ImportProblems.NormalisedCode, "Tên thủ tục"), (warning.Severity, warning.Code, warning.Column!));
    }

    [Fact]
    public void SemicolonSeparatedCsvWithSpacesAndLineBreaks_IsCleaned()
    {
        var preview = Parse(
            "Mã thủ tục;Tên thủ tục;Lĩnh vực;Thành phần hồ sơ",
            "  1.000001 ;  Đăng   ký khai sinh ;Hộ tịch;\"- Tờ khai\r\n\r\n  - Giấy chứng sinh (bản sao: 1)  \"");

        var values = Assert.Single(preview.Rows).Values;
        Assert.Equal(("1.000001", "Đăng ký khai sinh"), (values.Code, values.NameVi));
        Assert.Equal("- Tờ khai (bản chính: 1, bản sao: 0)\n- Giấy chứng sinh (bản chính: 0, bản sao: 1)", values.Documents);
    }

    [Fact]
    public void RowNumbers_CountEmptyLinesAndLinesInsideQuotes_AsASpreadsheetShowsThem()
    {
        var preview = Parse(Header, "", "1.000001,\"Một\r\ndòng hai\",Hộ tịch,0", "1.000002,Hai,Hộ tịch,0");

        Assert.Equal([3, 4], preview.Rows.Select(r => r.RowNumber));
        Assert.Equal("Một dòng hai", preview.Rows[0].Values.NameVi);
    }

    [Fact]
    public void Utf16CsvWithByteOrderMark_IsRead()
    {
        var content = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header + "\r\n1.000001,Đăng ký khai sinh,Hộ tịch,0")).ToArray();

        var preview = CatalogueImportParser.Parse("a.csv", content);

        Assert.Equal("Đăng ký khai sinh", Assert.Single(preview.Rows).Values.NameVi);
    }

    [Fact]
    public void TooManyRows_IsRefused()
    {
        var preview = Parse(new CatalogueImportOptions { MaxRows = 2 }, Header, "1,A,B,0", "2,A,B,0", "3,A,B,0");

        Assert.Equal(ImportProblems.TooManyRowsCode, OnlyFileProblem(preview).Code);
    }

    [Fact]
    public void TwoThousandRows_CsvAndXlsx_AreReadCompletely()
    {
        var rows = new List<IReadOnlyList<string>> { CatalogueColumns.All.Select(c => c.HeaderVi).ToList() };
        for (var i = 1; i <= 2000; i++)
        {
            rows.Add(
            [
                $"2.{i:000000}", $"Thủ tục hành chính số {i}", $"Procedure {i}", $"Lĩnh vực {i % 25}", $"Field {i % 25}", "Cấp xã",
                "Ủy ban nhân dân cấp xã", $"{i % 15 + 1:00} ngày làm việc", i % 3 == 0 ? "Miễn phí" : $"{i % 9 + 1}0.000 đồng/hồ sơ",
                "- Tờ khai (bản chính: 01, bản sao: 0)\n- Giấy tờ tùy thân (bản chính: 0, bản sao: 01)", "Nghị định số 123/2015/NĐ-CP",
            ]);
        }

        var csv = new StringBuilder();
        foreach (var row in rows)
            csv.Append(string.Join(',', row.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))).Append("\r\n");
        var csvBytes = Encoding.UTF8.GetBytes(csv.ToString());
        var xlsxBytes = XlsxTestWriter.Write(rows);

        // The first parse of each kind includes loading and compiling the code; the second is what a
        // running server would take.
        var watch = Stopwatch.StartNew();
        var fromCsv = CatalogueImportParser.Parse("big.csv", csvBytes);
        var csvMs = watch.ElapsedMilliseconds;
        watch.Restart();
        CatalogueImportParser.Parse("big.csv", csvBytes);
        var csvWarmMs = watch.ElapsedMilliseconds;
        watch.Restart();
        var fromXlsx = CatalogueImportParser.Parse("big.xlsx", xlsxBytes);
        var xlsxMs = watch.ElapsedMilliseconds;
        watch.Restart();
        CatalogueImportParser.Parse("big.xlsx", xlsxBytes);
        var xlsxWarmMs = watch.ElapsedMilliseconds;
        watch.Restart();
        var plan = CatalogueImportPlanner.Plan(fromCsv, fromXlsx.Rows.Take(1000).Select(r => new ExistingProcedure(r.Values with { NameEn = null }, false)), retireMissing: true);
        var planMs = watch.ElapsedMilliseconds;
        output.WriteLine($"2000 rows: csv {csvBytes.Length / 1024} KB parsed in {csvMs} ms (again: {csvWarmMs} ms), xlsx {xlsxBytes.Length / 1024} KB in {xlsxMs} ms (again: {xlsxWarmMs} ms), plan in {planMs} ms");

        Assert.True(fromCsv.CanImport);
        Assert.Equal(2000, fromCsv.Rows.Count);
        Assert.Equal(fromCsv.Rows.Select(r => r.Values), fromXlsx.Rows.Select(r => r.Values));
        Assert.Equal((1000, 1000, 0), (plan.Creates.Count, plan.Updates.Count, plan.Retirements.Count));
    }

    private static CatalogueImportPreview Parse(params string[] lines) => Parse(CatalogueImportOptions.Default, lines);

    private static CatalogueImportPreview Parse(CatalogueImportOptions options, params string[] lines) =>
        CatalogueImportParser.Parse("danh-muc.csv", Encoding.UTF8.GetBytes(string.Join("\r\n", lines)), options);

    private static ImportProblem OnlyFileProblem(CatalogueImportPreview preview)
    {
        Assert.False(preview.CanImport);
        Assert.Empty(preview.Rows);
        var problem = Assert.Single(preview.AllProblems);
        Assert.Null(problem.RowNumber);
        Assert.Equal(ImportSeverity.Error, problem.Severity);
        Assert.True(problem.MessageVi.IsNormalized());
        return problem;
    }
}
