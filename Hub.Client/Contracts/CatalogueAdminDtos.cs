namespace QueueKiosk.HubClient.Contracts;

/// <summary>A field (lĩnh vực) as the administration lists it, retired ones included (<see cref="Active"/> false).</summary>
public sealed record FieldAdminDto(Guid Id, string Code, string Name, string? NameEn, int SortOrder, bool Active, int ProcedureCount);

/// <summary>Creates or edits a field (POST <see cref="HubRoutes.AdminFields"/>, PUT .../{id}).</summary>
public sealed record FieldRequest(string Code, string Name, string? NameEn = null, int SortOrder = 0);

/// <summary>A procedure (thủ tục) with every attribute the kiosk shows, retired ones included.</summary>
public sealed record ProcedureAdminDto(
    Guid Id,
    string Code,
    string Name,
    Guid FieldId,
    string FieldName,
    Guid? ServiceId,
    string? ServiceName,
    string Level,
    string Agency,
    string ProcessingTime,
    string Fees,
    IReadOnlyList<ProcedureDocumentDto> Documents,
    string LegalBasis,
    int SortOrder,
    bool Active,
    string? NameEn = null);

/// <summary>Creates or edits a procedure (POST <see cref="HubRoutes.AdminProcedures"/>, PUT .../{id}).</summary>
/// <param name="ServiceId">The service whose tickets this procedure is handled under; null: not offered at the kiosk yet.</param>
/// <param name="NameEn">The English name the kiosk shows in English mode; empty or null: none.</param>
/// <param name="Fees">As the kiosk shows it; an amount must be in đồng ("50.000 đồng"), "Miễn phí", a percentage or a text without an amount.</param>
public sealed record ProcedureRequest(
    string Code,
    string Name,
    Guid FieldId,
    Guid? ServiceId = null,
    string? Level = null,
    string? Agency = null,
    string? ProcessingTime = null,
    string? Fees = null,
    IReadOnlyList<ProcedureDocumentDto>? Documents = null,
    string? LegalBasis = null,
    int SortOrder = 0,
    string? NameEn = null);

/// <summary>The multipart form of <see cref="HubRoutes.AdminCatalogueImport"/>: the file, and the two choices.</summary>
public static class CatalogueImportForm
{
    public const string File = "file";

    /// <summary>"true": procedures stored but not in the file are retired.</summary>
    public const string RetireMissing = "retireMissing";

    /// <summary>"true": fields the file names that do not exist are created (always so while the site has no field).</summary>
    public const string CreateFields = "createFields";

    /// <summary>Query parameter: "true" reads and plans only, writing nothing.</summary>
    public const string Preview = "preview";
}

/// <summary>One problem of a catalogue file: <see cref="Row"/> as the spreadsheet numbers it (null: the whole file).</summary>
public sealed record ImportProblemDto(string Severity, string Code, int? Row, string? Column, string Message, string MessageEn);

/// <summary>One data row of the file as read, what writing would do with it ("create", "update", "unchanged", "error"), and its problems.</summary>
public sealed record ImportRowDto(int Row, string Code, string Name, string Field, string? Fees, int DocumentCount, string Action,
    IReadOnlyList<ImportProblemDto> Problems);

/// <summary>A stored procedure the file changes: the columns that differ and whether a retired one comes back.</summary>
public sealed record ImportUpdateDto(string Code, IReadOnlyList<string> ChangedColumns, bool Reinstated);

/// <summary>
/// The answer of an import: the preview (every row and problem, the plan) or, once <see cref="Committed"/>,
/// what was written. The counts are of procedures unless named otherwise.
/// </summary>
public sealed record CatalogueImportResultDto(
    bool Committed,
    string FileName,
    int RowCount,
    int ErrorCount,
    int WarningCount,
    int Created,
    int Updated,
    int Unchanged,
    int Retired,
    IReadOnlyList<string> FieldsCreated,
    IReadOnlyList<string> CreateCodes,
    IReadOnlyList<ImportUpdateDto> Updates,
    IReadOnlyList<string> RetireCodes,
    IReadOnlyList<ImportProblemDto> FileProblems,
    IReadOnlyList<ImportRowDto> Rows);
