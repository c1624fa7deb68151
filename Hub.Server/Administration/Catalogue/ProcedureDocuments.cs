using System.Text.Json;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Administration.Catalogue;

/// <summary>A procedure's documents as stored (Procedure.DocumentsJson): one serialisation for the API and the import.</summary>
public static class ProcedureDocuments
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Vietnamese kept as letters, not \u escapes: six times shorter, so a long list still fits the column.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(IReadOnlyList<ProcedureDocumentDto> documents) => JsonSerializer.Serialize(documents, Json);

    public static IReadOnlyList<ProcedureDocumentDto> FromJson(string json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<ProcedureDocumentDto>>(json, Json) ?? [];
}
