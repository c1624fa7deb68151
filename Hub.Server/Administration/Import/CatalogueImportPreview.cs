namespace QueueKiosk.HubServer.Administration.Import;

/// <summary>What the import of one file may do, and the limits that keep a bad file from costing much.</summary>
public sealed record CatalogueImportOptions
{
    public static CatalogueImportOptions Default { get; } = new();

    /// <summary>The fields (lĩnh vực) that exist; null to accept any field. A row naming another field is
    /// an error unless <see cref="CreateMissingFields"/>, in which case the preview lists it to create.</summary>
    public IReadOnlyCollection<string>? KnownFields { get; init; }

    public bool CreateMissingFields { get; init; }

    public long MaxFileBytes { get; init; } = 20 * 1024 * 1024;

    public int MaxRows { get; init; } = 10_000;

    /// <summary>How many rows from the top may come before the header (a title, the issuing office).</summary>
    public int HeaderSearchRows { get; init; } = 20;
}

/// <summary>Which column of the file went where: <see cref="Column"/> null for a column the import ignores.</summary>
public sealed record MappedColumn(int Index, string Header, CatalogueColumn? Column);

/// <summary>A field (lĩnh vực) the file names that does not exist yet, to create when the import is written.</summary>
public sealed record FieldToCreate(string NameVi, string? NameEn);

/// <summary>One data row of the file: the values read from it and its problems.</summary>
public sealed record PreviewRow(
    int RowNumber,
    ProcedureValues Values,
    ParsedFee? Fee,
    IReadOnlyList<ImportedDocument> Documents,
    IReadOnlyList<ImportProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ImportSeverity.Error);
}

/// <summary>
/// Everything the import read from a file, before anything is written: the column mapping, every
/// data row with its values and problems, the problems of the file as a whole, and the fields the
/// import would create. Nothing may be written when <see cref="CanImport"/> is false.
/// </summary>
public sealed record CatalogueImportPreview(
    string FileName,
    CatalogueFileKind? FileKind,
    int? HeaderRowNumber,
    IReadOnlyList<MappedColumn> Columns,
    IReadOnlyList<PreviewRow> Rows,
    IReadOnlyList<ImportProblem> FileProblems,
    IReadOnlyList<FieldToCreate> FieldsToCreate)
{
    /// <summary>The file's problems first, then each row's, in row order.</summary>
    public IEnumerable<ImportProblem> AllProblems => FileProblems.Concat(Rows.SelectMany(r => r.Problems));

    public int ErrorCount => AllProblems.Count(p => p.Severity == ImportSeverity.Error);

    public int WarningCount => AllProblems.Count(p => p.Severity == ImportSeverity.Warning);

    public bool CanImport => Rows.Count > 0 && ErrorCount == 0;
}
