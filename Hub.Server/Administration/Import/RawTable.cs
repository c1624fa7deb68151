namespace QueueKiosk.HubServer.Administration.Import;

/// <summary>One row of a spreadsheet or CSV file: its number as a spreadsheet shows it (1 = the first
/// row) and its cells as text, unchanged.</summary>
public sealed record RawRow(int RowNumber, IReadOnlyList<string> Cells)
{
    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);

    public string Cell(int index) => index < Cells.Count ? Cells[index] : "";
}

/// <summary>The kinds of file the import reads.</summary>
public enum CatalogueFileKind
{
    Csv,
    Xlsx,
}
