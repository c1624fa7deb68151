namespace QueueKiosk.HubServer.Administration.Import;

/// <summary>An error stops the whole import (nothing is written); a warning is shown and the import may go on.</summary>
public enum ImportSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One problem of a catalogue file: <see cref="RowNumber"/> is the row as a spreadsheet numbers it
/// (the header row included; null for the file as a whole), <see cref="Column"/> the column's header
/// as the file wrote it (or as <see cref="CatalogueColumns"/> names it when the file lacks it).
/// </summary>
public sealed record ImportProblem(
    ImportSeverity Severity,
    string Code,
    int? RowNumber,
    string? Column,
    string MessageVi,
    string MessageEn);
