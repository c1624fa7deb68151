namespace QueueKiosk.HubServer.Administration.Import;

/// <summary>
/// One procedure (thủ tục hành chính) as the catalogue file gives it and as the import compares it
/// with the stored one: every value NFC, trimmed, null when an optional column is empty. The API maps
/// a stored procedure to this shape to compute the plan (<see cref="CatalogueImportPlanner"/>).
/// <see cref="Documents"/> is in the form <see cref="ProcedureDocumentsText.Format"/> writes.
/// </summary>
public sealed record ProcedureValues(
    string Code,
    string NameVi,
    string? NameEn,
    string FieldVi,
    string? FieldEn,
    string? Level,
    string? Agency,
    string? ProcessingTime,
    string? Fee,
    string? Documents,
    string? LegalBasis);
