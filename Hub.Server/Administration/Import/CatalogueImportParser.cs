using System.Text;

namespace QueueKiosk.HubServer.Administration.Import;

/// <summary>
/// Reads a catalogue file (.csv or .xlsx) into a <see cref="CatalogueImportPreview"/>: finds the header
/// row, maps the columns (<see cref="CatalogueColumns"/>), cleans every cell (trimmed, NFC) and names
/// every problem. Pure: it reads bytes and writes nothing; docs/administration-import.md is its manual.
/// </summary>
public static class CatalogueImportParser
{
    public static CatalogueImportPreview Parse(string fileName, byte[] content, CatalogueImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        options ??= CatalogueImportOptions.Default;

        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        CatalogueFileKind? kind = extension switch
        {
            ".CSV" => CatalogueFileKind.Csv,
            ".XLSX" => CatalogueFileKind.Xlsx,
            _ => null,
        };
        if (kind is null)
            return Refused(fileName, null, ImportProblems.FileType(fileName));
        if (content.Length == 0)
            return Refused(fileName, kind, ImportProblems.FileEmpty(fileName));
        if (content.Length > options.MaxFileBytes)
            return Refused(fileName, kind, ImportProblems.FileTooLarge(fileName, content.Length, options.MaxFileBytes));

        List<RawRow>? rows;
        if (kind == CatalogueFileKind.Csv)
        {
            if (!CsvTableReader.IsReadableText(content))
                return Refused(fileName, kind, ImportProblems.CsvNotUtf8(fileName));
            rows = CsvTableReader.Read(content);
        }
        else
        {
            rows = XlsxTableReader.TryRead(content);
            if (rows is null)
                return Refused(fileName, kind, ImportProblems.FileUnreadable(fileName, ".xlsx (Excel)"));
        }

        return ParseRows(fileName, kind.Value, rows, options);
    }

    /// <summary>The preview of rows already read (the two file readers end here).</summary>
    public static CatalogueImportPreview ParseRows(string fileName, CatalogueFileKind kind, IReadOnlyList<RawRow> rows, CatalogueImportOptions options)
    {
        var nonEmpty = rows.Where(r => !r.IsEmpty).ToList();
        if (nonEmpty.Count == 0)
            return Refused(fileName, kind, ImportProblems.FileEmpty(fileName));

        var searched = nonEmpty.Take(options.HeaderSearchRows).ToList();
        var header = searched.FirstOrDefault(r => r.Cells.Count(c => CatalogueColumns.Find(c) is not null) >= 2);
        if (header is null)
            return Refused(fileName, kind, ImportProblems.NoHeaderRow(searched.Count));

        var fileProblems = new List<ImportProblem>();
        var mapped = MapColumns(header, fileProblems);
        var indexOf = mapped.Where(m => m.Column is not null)
            .GroupBy(m => m.Column!)
            .ToDictionary(g => g.Key, g => g.First().Index);
        foreach (var column in CatalogueColumns.All.Where(c => c.Required && !indexOf.ContainsKey(c)))
            fileProblems.Add(ImportProblems.MissingColumn(column));

        var dataRows = nonEmpty.Where(r => r.RowNumber > header.RowNumber).ToList();
        if (dataRows.Count == 0)
            fileProblems.Add(ImportProblems.FileEmpty(fileName));
        if (dataRows.Count > options.MaxRows)
        {
            fileProblems.Add(ImportProblems.TooManyRows(options.MaxRows));
            dataRows = dataRows.Take(options.MaxRows).ToList();
        }

        if (fileProblems.Any(p => p.Severity == ImportSeverity.Error && p.RowNumber is null))
            return new CatalogueImportPreview(fileName, kind, header.RowNumber, mapped, [], fileProblems, []);

        var headers = mapped.Where(m => m.Column is not null).GroupBy(m => m.Column!).ToDictionary(g => g.Key, g => g.First().Header);
        var rowReader = new RowReader(indexOf, headers, options);
        var previewRows = dataRows.Select(rowReader.Read).ToList();
        return new CatalogueImportPreview(fileName, kind, header.RowNumber, mapped, previewRows, fileProblems, rowReader.FieldsToCreate);
    }

    private static List<MappedColumn> MapColumns(RawRow header, List<ImportProblem> problems)
    {
        var mapped = new List<MappedColumn>();
        var seen = new HashSet<CatalogueColumn>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = Clean(header.Cells[i], CellShape.SingleLine);
            if (text.Length == 0)
                continue;
            var column = CatalogueColumns.Find(text);
            if (column is null)
            {
                if (!CatalogueColumns.IsIgnored(text))
                    problems.Add(ImportProblems.UnknownColumn(header.RowNumber, text));
            }
            else if (!seen.Add(column))
            {
                problems.Add(ImportProblems.DuplicateColumn(header.RowNumber, text, column));
                column = null;
            }

            mapped.Add(new MappedColumn(i, text, column));
        }

        return mapped;
    }

    private static CatalogueImportPreview Refused(string fileName, CatalogueFileKind? kind, ImportProblem problem) =>
        new(fileName, kind, null, [], [], [problem], []);

    /// <summary>A cell as stored: NFC, trimmed; one line with single spaces, or lines each trimmed with
    /// empty ones dropped.</summary>
    internal static string Clean(string raw, CellShape shape)
    {
        var text = raw.Normalize(NormalizationForm.FormC);
        if (shape == CellShape.SingleLine)
            return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    /// <summary>Reads data rows against one header; remembers codes (duplicates) and new fields across rows.</summary>
    private sealed class RowReader(
        Dictionary<CatalogueColumn, int> indexOf,
        Dictionary<CatalogueColumn, string> headers,
        CatalogueImportOptions options)
    {
        private readonly Dictionary<string, int> _firstRowOfCode = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string>? _knownFields = options.KnownFields?
            .Select(f => Clean(f, CellShape.SingleLine))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(f => f, f => f, StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _fieldToCreateIndex = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<FieldToCreate> _fieldsToCreate = [];

        /// <summary>In the order the file first names them.</summary>
        public IReadOnlyList<FieldToCreate> FieldsToCreate => _fieldsToCreate;

        public PreviewRow Read(RawRow row)
        {
            var problems = new List<ImportProblem>();
            string? Value(CatalogueColumn column)
            {
                if (!indexOf.TryGetValue(column, out var index))
                    return null;
                var raw = row.Cell(index);
                var header = headers[column];
                if (!raw.IsNormalized(NormalizationForm.FormC))
                    problems.Add(ImportProblems.Normalised(row.RowNumber, header));
                var text = Clean(raw, column.Shape);
                if (text.Length > column.MaxLength)
                    problems.Add(ImportProblems.TooLong(row.RowNumber, header, text.Length, column.MaxLength));
                if (column.Required && text.Length == 0 && column != CatalogueColumns.Code)
                    problems.Add(ImportProblems.ValueRequired(row.RowNumber, header));
                return text.Length == 0 ? null : text;
            }

            var code = Value(CatalogueColumns.Code) ?? "";
            var nameVi = Value(CatalogueColumns.NameVi) ?? "";
            var nameEn = Value(CatalogueColumns.NameEn);
            var field = Value(CatalogueColumns.Field) ?? "";
            var fieldEn = Value(CatalogueColumns.FieldEn);
            var level = Value(CatalogueColumns.Level);
            var agency = Value(CatalogueColumns.Agency);
            var processingTime = Value(CatalogueColumns.ProcessingTime);
            var feeText = Value(CatalogueColumns.Fee);
            var documentsText = Value(CatalogueColumns.Documents);
            var legalBasis = Value(CatalogueColumns.LegalBasis);

            CheckCode(row.RowNumber, code, problems);
            field = CheckField(row.RowNumber, field, fieldEn, problems);

            ParsedFee? fee = null;
            if (feeText is not null && !FeeText.TryParse(feeText, out fee, out var feeProblem))
                problems.Add(ImportProblems.BadFee(row.RowNumber, headers[CatalogueColumns.Fee], feeText, feeProblem!));

            var documents = ProcedureDocumentsText.Parse(documentsText);
            var documentsCanonical = documents.Count == 0 ? null : ProcedureDocumentsText.Format(documents);
            var values = new ProcedureValues(code, nameVi, nameEn, field, fieldEn, level, agency, processingTime, feeText, documentsCanonical, legalBasis);
            return new PreviewRow(row.RowNumber, values, fee, documents, problems);
        }

        private void CheckCode(int rowNumber, string code, List<ImportProblem> problems)
        {
            var header = headers.GetValueOrDefault(CatalogueColumns.Code, CatalogueColumns.Code.HeaderVi);
            if (code.Length == 0)
                problems.Add(ImportProblems.CodeMissing(rowNumber) with { Column = header });
            else if (code.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                problems.Add(ImportProblems.CodeInvalid(rowNumber, header, code));
            else if (!_firstRowOfCode.TryAdd(code, rowNumber))
                problems.Add(ImportProblems.CodeDuplicate(rowNumber, header, code, _firstRowOfCode[code]));
        }

        /// <summary>The field as the list of fields spells it when it is known (case aside).</summary>
        private string CheckField(int rowNumber, string field, string? fieldEn, List<ImportProblem> problems)
        {
            if (field.Length == 0 || _knownFields is null)
                return field;
            if (_knownFields.TryGetValue(field, out var known))
                return known;
            if (options.CreateMissingFields)
            {
                // The first row naming a new field gives its spelling; the first English name given is kept.
                if (!_fieldToCreateIndex.TryGetValue(field, out var index))
                {
                    _fieldToCreateIndex.Add(field, _fieldsToCreate.Count);
                    _fieldsToCreate.Add(new FieldToCreate(field, fieldEn));
                    return field;
                }

                var created = _fieldsToCreate[index];
                if (created.NameEn is null && fieldEn is not null)
                    _fieldsToCreate[index] = created with { NameEn = fieldEn };
                return created.NameVi;
            }

            problems.Add(ImportProblems.UnknownField(rowNumber, headers[CatalogueColumns.Field], field));
            return field;
        }
    }
}
