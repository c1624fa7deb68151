using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Administration.Import;

/// <summary>
/// The column mapping of the catalogue import: the one place the headers, the required columns and the
/// longest values are written. docs/administration-import.md documents this table and a test checks
/// that the two agree. The longest values are the schema's (<see cref="CatalogueLimits"/>). Headers are matched after <see cref="HeaderText.Fold"/>, so case, diacritics
/// and punctuation do not matter.
/// </summary>
public static class CatalogueColumns
{
    public static readonly CatalogueColumn Code = new(
        "code", "Mã thủ tục", "Procedure code", true, CatalogueLimits.ProcedureCode, CellShape.SingleLine,
        ["Mã TTHC", "Mã số", "Mã số thủ tục", "Mã thủ tục hành chính", "Code"], v => v.Code);

    public static readonly CatalogueColumn NameVi = new(
        "nameVi", "Tên thủ tục", "Procedure name", true, CatalogueLimits.ProcedureName, CellShape.SingleLine,
        ["Tên TTHC", "Tên thủ tục hành chính"], v => v.NameVi);

    public static readonly CatalogueColumn NameEn = new(
        "nameEn", "Tên tiếng Anh", "English name", false, CatalogueLimits.ProcedureName, CellShape.SingleLine,
        ["Tên thủ tục (tiếng Anh)", "Name (English)", "Name EN"], v => v.NameEn);

    public static readonly CatalogueColumn Field = new(
        "field", "Lĩnh vực", "Field", true, CatalogueLimits.FieldName, CellShape.SingleLine,
        ["Tên lĩnh vực"], v => v.FieldVi);

    public static readonly CatalogueColumn FieldEn = new(
        "fieldEn", "Lĩnh vực (tiếng Anh)", "Field (English)", false, CatalogueLimits.FieldName, CellShape.SingleLine,
        ["Field EN"], v => v.FieldEn);

    public static readonly CatalogueColumn Level = new(
        "level", "Cấp thực hiện", "Level", false, CatalogueLimits.Level, CellShape.SingleLine,
        ["Cấp giải quyết"], v => v.Level);

    public static readonly CatalogueColumn Agency = new(
        "agency", "Cơ quan thực hiện", "Agency", false, CatalogueLimits.Agency, CellShape.SingleLine,
        ["Cơ quan giải quyết", "Đơn vị thực hiện"], v => v.Agency);

    public static readonly CatalogueColumn ProcessingTime = new(
        "processingTime", "Thời hạn giải quyết", "Processing time", false, CatalogueLimits.ProcessingTime, CellShape.SingleLine,
        ["Thời gian giải quyết"], v => v.ProcessingTime);

    public static readonly CatalogueColumn Fee = new(
        "fee", "Phí, lệ phí", "Fees", false, CatalogueLimits.Fees, CellShape.MultiLine,
        ["Lệ phí", "Phí", "Fee"], v => v.Fee);

    public static readonly CatalogueColumn Documents = new(
        "documents", "Thành phần hồ sơ", "Documents", false, 8000, CellShape.MultiLine,
        ["Hồ sơ", "Thành phần, số lượng hồ sơ"], v => v.Documents);

    public static readonly CatalogueColumn LegalBasis = new(
        "legalBasis", "Căn cứ pháp lý", "Legal basis", false, CatalogueLimits.LegalBasis, CellShape.MultiLine,
        [], v => v.LegalBasis);

    public static IReadOnlyList<CatalogueColumn> All { get; } =
        [Code, NameVi, NameEn, Field, FieldEn, Level, Agency, ProcessingTime, Fee, Documents, LegalBasis];

    /// <summary>Columns offices keep that the import has no use for: ignored without a warning.</summary>
    public static IReadOnlyList<string> IgnoredHeaders { get; } = ["STT", "Số TT", "Số thứ tự", "Ghi chú"];

    private static readonly Dictionary<string, CatalogueColumn> ByFoldedHeader = BuildIndex();

    private static readonly HashSet<string> IgnoredFolded = IgnoredHeaders.Select(HeaderText.Fold).ToHashSet(StringComparer.Ordinal);

    /// <summary>The column a header names, or null.</summary>
    public static CatalogueColumn? Find(string header) => ByFoldedHeader.GetValueOrDefault(HeaderText.Fold(header));

    public static bool IsIgnored(string header) => IgnoredFolded.Contains(HeaderText.Fold(header));

    private static Dictionary<string, CatalogueColumn> BuildIndex()
    {
        var index = new Dictionary<string, CatalogueColumn>(StringComparer.Ordinal);
        foreach (var column in All)
        {
            foreach (var header in column.OtherHeaders.Prepend(column.HeaderEn).Prepend(column.HeaderVi))
            {
                if (!index.TryAdd(HeaderText.Fold(header), column))
                    throw new InvalidOperationException($"The header '{header}' names two catalogue columns.");
            }
        }

        return index;
    }
}
