namespace QueueKiosk.HubServer.Administration.Import;

/// <summary>Every problem the catalogue import reports: its code and texts, here only.</summary>
public static class ImportProblems
{
    public const string FileTypeCode = "import.file_type";
    public const string FileEmptyCode = "import.file_empty";
    public const string FileTooLargeCode = "import.file_too_large";
    public const string FileUnreadableCode = "import.file_unreadable";
    public const string CsvNotUtf8Code = "import.csv_not_utf8";
    public const string NoHeaderRowCode = "import.no_header_row";
    public const string MissingColumnCode = "import.missing_column";
    public const string DuplicateColumnCode = "import.duplicate_column";
    public const string UnknownColumnCode = "import.unknown_column";
    public const string TooManyRowsCode = "import.too_many_rows";
    public const string CodeMissingCode = "import.code_missing";
    public const string CodeInvalidCode = "import.code_invalid";
    public const string CodeDuplicateCode = "import.code_duplicate";
    public const string ValueRequiredCode = "import.value_required";
    public const string UnknownFieldCode = "import.unknown_field";
    public const string TooLongCode = "import.too_long";
    public const string BadFeeCode = "import.bad_fee";
    public const string NormalisedCode = "import.normalised_nfc";

    public static ImportProblem FileType(string fileName) => File(
        FileTypeCode,
        $"Tệp '{fileName}' không phải .xlsx hoặc .csv. Hãy lưu danh mục dưới dạng Excel (.xlsx) hoặc CSV UTF-8 (.csv).",
        $"The file '{fileName}' is not .xlsx or .csv. Save the list as Excel (.xlsx) or CSV UTF-8 (.csv).");

    public static ImportProblem FileEmpty(string fileName) => File(
        FileEmptyCode,
        $"Tệp '{fileName}' không có dữ liệu.",
        $"The file '{fileName}' has no data.");

    public static ImportProblem FileTooLarge(string fileName, long bytes, long maxBytes) => File(
        FileTooLargeCode,
        $"Tệp '{fileName}' quá lớn ({bytes / 1024} KB; tối đa {maxBytes / 1024} KB).",
        $"The file '{fileName}' is too large ({bytes / 1024} KB; at most {maxBytes / 1024} KB).");

    public static ImportProblem FileUnreadable(string fileName, string kind) => File(
        FileUnreadableCode,
        $"Không đọc được tệp '{fileName}' như một tệp {kind}: tệp hỏng hoặc sai định dạng.",
        $"The file '{fileName}' cannot be read as {kind}: it is damaged or in another format.");

    public static ImportProblem CsvNotUtf8(string fileName) => File(
        CsvNotUtf8Code,
        $"Tệp '{fileName}' không phải văn bản UTF-8. Trong Excel chọn Lưu thành \"CSV UTF-8\".",
        $"The file '{fileName}' is not UTF-8 text. In Excel choose Save As \"CSV UTF-8\".");

    public static ImportProblem NoHeaderRow(int rowsSearched) => File(
        NoHeaderRowCode,
        $"Không tìm thấy dòng tiêu đề trong {rowsSearched} dòng đầu (cần ít nhất các cột \"{CatalogueColumns.Code.HeaderVi}\", \"{CatalogueColumns.NameVi.HeaderVi}\").",
        $"No header row in the first {rowsSearched} rows (at least the columns \"{CatalogueColumns.Code.HeaderVi}\" and \"{CatalogueColumns.NameVi.HeaderVi}\" are needed).");

    public static ImportProblem MissingColumn(CatalogueColumn column) => new(
        ImportSeverity.Error,
        MissingColumnCode,
        null,
        column.HeaderVi,
        $"Thiếu cột bắt buộc \"{column.HeaderVi}\".",
        $"The required column \"{column.HeaderVi}\" ({column.HeaderEn}) is missing.");

    public static ImportProblem DuplicateColumn(int headerRow, string header, CatalogueColumn column) => new(
        ImportSeverity.Warning,
        DuplicateColumnCode,
        headerRow,
        header,
        $"Cột \"{header}\" lặp lại cột \"{column.HeaderVi}\" đã có: chỉ dùng cột đầu tiên.",
        $"The column \"{header}\" repeats \"{column.HeaderVi}\": only the first one is used.");

    public static ImportProblem UnknownColumn(int headerRow, string header) => new(
        ImportSeverity.Warning,
        UnknownColumnCode,
        headerRow,
        header,
        $"Cột \"{header}\" không thuộc danh mục nhập nên được bỏ qua.",
        $"The column \"{header}\" is not one the import knows; it is ignored.");

    public static ImportProblem TooManyRows(int maxRows) => File(
        TooManyRowsCode,
        $"Tệp có quá {maxRows} thủ tục; hãy chia thành nhiều tệp.",
        $"The file has more than {maxRows} procedures; split it into several files.");

    public static ImportProblem CodeMissing(int row) => Row(
        CodeMissingCode, row, CatalogueColumns.Code.HeaderVi,
        "Thiếu mã thủ tục.",
        "The procedure code is missing.");

    public static ImportProblem CodeInvalid(int row, string header, string code) => Row(
        CodeInvalidCode, row, header,
        $"Mã thủ tục \"{code}\" không được chứa khoảng trắng hay ký tự điều khiển.",
        $"The procedure code \"{code}\" must not contain spaces or control characters.");

    public static ImportProblem CodeDuplicate(int row, string header, string code, int firstRow) => Row(
        CodeDuplicateCode, row, header,
        $"Mã thủ tục \"{code}\" trùng với dòng {firstRow}.",
        $"The procedure code \"{code}\" repeats row {firstRow}.");

    public static ImportProblem ValueRequired(int row, string header) => Row(
        ValueRequiredCode, row, header,
        $"Cột \"{header}\" không được để trống.",
        $"The column \"{header}\" must not be empty.");

    public static ImportProblem UnknownField(int row, string header, string field) => Row(
        UnknownFieldCode, row, header,
        $"Lĩnh vực \"{field}\" chưa có trong danh mục lĩnh vực.",
        $"The field \"{field}\" is not in the list of fields.");

    public static ImportProblem TooLong(int row, string header, int length, int maxLength) => Row(
        TooLongCode, row, header,
        $"Cột \"{header}\" dài {length} ký tự, quá giới hạn {maxLength}.",
        $"The column \"{header}\" is {length} characters long, more than {maxLength}.");

    public static ImportProblem BadFee(int row, string header, string text, FeeProblem problem) => Row(
        BadFeeCode, row, header,
        $"Phí, lệ phí \"{text}\" không đọc được: {problem.MessageVi}",
        $"The fee \"{text}\" cannot be read: {problem.MessageEn}");

    public static ImportProblem Normalised(int row, string header) => new(
        ImportSeverity.Warning,
        NormalisedCode,
        row,
        header,
        $"Chữ tiếng Việt trong cột \"{header}\" được chuyển sang dạng dựng sẵn (NFC).",
        $"The Vietnamese text in the column \"{header}\" was converted to precomposed form (NFC).");

    private static ImportProblem File(string code, string vi, string en) => new(ImportSeverity.Error, code, null, null, vi, en);

    private static ImportProblem Row(string code, int row, string header, string vi, string en) => new(ImportSeverity.Error, code, row, header, vi, en);
}
