namespace QueueKiosk.HubServer.Administration.Import;

/// <summary>How a cell is cleaned: a single line (spaces collapsed) or several lines (kept, each trimmed).</summary>
public enum CellShape
{
    SingleLine,
    MultiLine,
}

/// <summary>
/// One column of the catalogue file: its key (the API and the problems name it), the header as the
/// documentation and the sample file write it, the other headers offices use for it, whether it is
/// required, its longest value, and where its value goes in <see cref="ProcedureValues"/>.
/// </summary>
public sealed record CatalogueColumn(
    string Key,
    string HeaderVi,
    string HeaderEn,
    bool Required,
    int MaxLength,
    CellShape Shape,
    IReadOnlyList<string> OtherHeaders,
    Func<ProcedureValues, string?> Read);
