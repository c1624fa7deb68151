using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Audit;
using QueueKiosk.HubServer.Administration.Import;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Administration.Catalogue;

/// <summary>
/// The catalogue import (docs/administration-import.md): POST a .xlsx or .csv as multipart form data.
/// With ?preview=true it reads the file, names every row's problem and plans the creates, updates and
/// retirements, writing nothing; without it the same plan is written all or nothing: every change and
/// the one audit row of the import go in one SaveChanges (one transaction). Re-importing updates
/// procedures by code; procedures the file no longer lists are retired only when asked.
/// </summary>
public static class CatalogueImportApi
{
    /// <summary>The largest upload: the parser's file limit and room for the form around it.</summary>
    public static long MaxRequestBytes => CatalogueImportOptions.Default.MaxFileBytes + 64 * 1024;

    public static IEndpointRouteBuilder MapCatalogueImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(HubRoutes.AdminCatalogueImport, ImportAsync).WithTags("Administration").RequireAuthorization(Auth.Policies.Admin)
            .DisableAntiforgery();
        return app;
    }

    public static async Task<IResult> ImportAsync(HttpContext http, bool? preview, ClaimsPrincipal user, HubDbContext db, CatalogueCache cache,
        TimeProvider time, CancellationToken ct)
    {
        var english = RequestLanguage.IsEnglish(http);
        var upload = await ReadUploadAsync(http, ct);
        var siteId = CatalogueAdminApi.SiteOf(user);

        // Tracked only when writing: the plan's updates and retirements are applied to these rows.
        var write = preview != true;
        var fields = await (write ? db.Fields.AsTracking() : db.Fields).Where(f => f.SiteId == siteId).ToListAsync(ct);
        var procedures = await (write ? db.Procedures.AsTracking() : db.Procedures).Where(p => p.SiteId == siteId).ToListAsync(ct);

        var parsed = CatalogueImportParser.Parse(upload.FileName, upload.Content, new CatalogueImportOptions
        {
            KnownFields = fields.Select(f => f.Name).ToList(),
            // A new office has no field yet: its first file brings them.
            CreateMissingFields = upload.CreateFields || fields.Count == 0,
        });
        if (parsed.Rows.Count == 0 && parsed.FileProblems.FirstOrDefault(p => p.Severity == ImportSeverity.Error) is { } refusal)
        {
            return FileRefused(refusal, parsed, english);
        }

        var fieldNames = FieldNames(fields);
        var existing = procedures.Select(p => new ExistingProcedure(ValuesOf(p, fieldNames), !p.Active)).ToList();
        var preparedPreview = Prepare(parsed, existing);
        var plan = CatalogueImportPlanner.Plan(preparedPreview, existing, upload.RetireMissing);
        var result = Result(preparedPreview, plan.IsBlocked ? PlanOfGoodRows(preparedPreview, existing) : plan, committed: false, english);
        if (!write)
        {
            return TypedResults.Ok(result);
        }

        if (plan.IsBlocked)
        {
            var details = ProblemExceptionHandler.Build(Errors.ImportHasErrors.With(preparedPreview.ErrorCount), CatalogueImportForm.File, english);
            details.Extensions["result"] = result;
            return TypedResults.Problem(details);
        }

        // Every change and the audit row in one SaveChanges: one transaction, all or nothing.
        var summary = new CatalogueWriter(db, siteId, fields, procedures).Apply(preparedPreview, plan);
        AdminAudit.Record(db, user, siteId, AdminActions.Import, AdminEntities.Catalogue, upload.FileName, null,
            summary with { FileName = upload.FileName, RetireMissing = upload.RetireMissing }, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(result with { Committed = true });
    }

    /// <summary>What the rows without errors would do once the others are corrected: shown in a blocked
    /// preview (nothing is written from it). Retirements are left out, as the bad rows' codes are uncertain.</summary>
    private static CatalogueImportPlan PlanOfGoodRows(CatalogueImportPreview preview, IReadOnlyList<ExistingProcedure> existing)
    {
        var good = preview with
        {
            Rows = [.. preview.Rows.Where(r => !r.HasErrors)],
            FileProblems = [.. preview.FileProblems.Where(p => p.Severity != ImportSeverity.Error)],
        };
        return good.Rows.Count == 0 ? CatalogueImportPlanner.Plan(preview, existing, false) : CatalogueImportPlanner.Plan(good, existing, retireMissing: false);
    }

    private sealed record Upload(string FileName, byte[] Content, bool RetireMissing, bool CreateFields);

    /// <summary>The file and the choices of the form, the body bounded before it is read.</summary>
    private static async Task<Upload> ReadUploadAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBytes;
        }

        if (!http.Request.HasFormContentType)
        {
            throw new DomainException(Errors.Required.With(CatalogueImportForm.File), CatalogueImportForm.File);
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxRequestBytes }, ct);
        }
        catch (InvalidDataException)
        {
            // The form reader's own limit: the file is too large to be a catalogue.
            throw new DomainException(Errors.TooLong.With(CatalogueImportForm.File, (int)(CatalogueImportOptions.Default.MaxFileBytes / 1024 / 1024)),
                CatalogueImportForm.File);
        }

        var file = form.Files.GetFile(CatalogueImportForm.File) ?? throw new DomainException(Errors.Required.With(CatalogueImportForm.File), CatalogueImportForm.File);
        var name = Path.GetFileName(file.FileName ?? "");
        Validate.MaxLength(name, CatalogueImportForm.File, 100);
        using var buffer = new MemoryStream((int)Math.Min(file.Length, MaxRequestBytes));
        await file.CopyToAsync(buffer, ct);
        return new Upload(name, buffer.ToArray(), IsTrue(form[CatalogueImportForm.RetireMissing]), IsTrue(form[CatalogueImportForm.CreateFields]));
    }

    private static bool IsTrue(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || v == "on" || v == "1");

    /// <summary>A file that gave no procedure at all (not .xlsx/.csv, unreadable, no header row, empty): 400 with the problem's own words.</summary>
    private static IResult FileRefused(ImportProblem problem, CatalogueImportPreview parsed, bool english)
    {
        var details = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Errors.FieldsTitle.Text(english, []),
            Detail = english ? problem.MessageEn : problem.MessageVi,
        };
        details.Extensions["code"] = problem.Code;
        details.Extensions["field"] = CatalogueImportForm.File;
        details.Extensions["errors"] = new Dictionary<string, string[]> { [CatalogueImportForm.File] = [details.Detail] };
        details.Extensions["problems"] = parsed.FileProblems.Select(p => ToDto(p, english)).ToList();
        return TypedResults.Problem(details);
    }

    /// <summary>
    /// The preview as the plan compares it with the stored procedures: a procedure's English name is
    /// compared and stored like the other values; a field's English name is not (a new field takes the
    /// file's, an existing one keeps its own), so it is left out of the comparison; an optional column the file does not have keeps the stored value (a short list
    /// of codes and names does not wipe the documents); and a documents list whose stored JSON would not
    /// fit its column is a row error.
    /// </summary>
    private static CatalogueImportPreview Prepare(CatalogueImportPreview preview, IReadOnlyList<ExistingProcedure> existing)
    {
        var present = PresentColumns(preview);
        var stored = existing.GroupBy(e => e.Values.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Values, StringComparer.OrdinalIgnoreCase);
        string? Keep(CatalogueColumn column, string? fromFile, ProcedureValues? current) =>
            present.Contains(column) || current is null ? fromFile : column.Read(current);
        var rows = preview.Rows.Select(row =>
        {
            var current = stored.GetValueOrDefault(row.Values.Code);
            var v = row.Values;
            var values = v with
            {
                NameEn = Keep(CatalogueColumns.NameEn, v.NameEn, current),
                FieldEn = null,
                Level = Keep(CatalogueColumns.Level, v.Level, current),
                Agency = Keep(CatalogueColumns.Agency, v.Agency, current),
                ProcessingTime = Keep(CatalogueColumns.ProcessingTime, v.ProcessingTime, current),
                Fee = Keep(CatalogueColumns.Fee, v.Fee, current),
                Documents = Keep(CatalogueColumns.Documents, v.Documents, current),
                LegalBasis = Keep(CatalogueColumns.LegalBasis, v.LegalBasis, current),
            };
            var json = DocumentsJson(row.Documents);
            if (json.Length <= CatalogueLimits.DocumentsJson)
                return row with { Values = values };
            var header = preview.Columns.FirstOrDefault(c => c.Column == CatalogueColumns.Documents)?.Header ?? CatalogueColumns.Documents.HeaderVi;
            return row with { Values = values, Problems = [.. row.Problems, ImportProblems.TooLong(row.RowNumber, header, json.Length, CatalogueLimits.DocumentsJson)] };
        }).ToList();
        return preview with { Rows = rows };
    }

    internal static HashSet<CatalogueColumn> PresentColumns(CatalogueImportPreview preview) =>
        preview.Columns.Where(c => c.Column is not null).Select(c => c.Column!).ToHashSet();

    internal static string DocumentsJson(IReadOnlyList<ImportedDocument> documents) =>
        ProcedureDocuments.ToJson([.. documents.Select(d => new ProcedureDocumentDto(d.Name, d.Originals, d.Copies, null))]);

    internal static Dictionary<Guid, string> FieldNames(IEnumerable<Field> fields) => fields.ToDictionary(f => f.Id, f => f.Name);

    /// <summary>A stored procedure in the shape the file gives one (null for empty optional values, documents in the canonical text).</summary>
    internal static ProcedureValues ValuesOf(Procedure p, IReadOnlyDictionary<Guid, string> fieldNames)
    {
        var documents = ProcedureDocuments.FromJson(p.DocumentsJson);
        return new ProcedureValues(
            p.Code, p.Name, p.NameEn, fieldNames.GetValueOrDefault(p.FieldId, ""), null, Empty(p.Level), Empty(p.Agency), Empty(p.ProcessingTime),
            Empty(p.Fees),
            documents.Count == 0 ? null : ProcedureDocumentsText.Format(documents.Select(d => new ImportedDocument(d.Name, d.Originals, d.Copies))),
            Empty(p.LegalBasis));
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    private static CatalogueImportResultDto Result(CatalogueImportPreview preview, CatalogueImportPlan plan, bool committed, bool english)
    {
        var creates = plan.Creates.Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var updates = plan.Updates.Select(u => u.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        string ActionOf(PreviewRow row) =>
            row.HasErrors ? "error"
            : creates.Contains(row.Values.Code) ? "create"
            : updates.Contains(row.Values.Code) ? "update"
            : "unchanged";
        return new CatalogueImportResultDto(
            committed,
            preview.FileName,
            preview.Rows.Count,
            preview.ErrorCount,
            preview.WarningCount,
            plan.Creates.Count,
            plan.Updates.Count,
            plan.Unchanged.Count,
            plan.Retirements.Count,
            [.. plan.FieldsToCreate.Select(f => f.NameVi)],
            [.. plan.Creates.Select(c => c.Code)],
            [.. plan.Updates.Select(u => new ImportUpdateDto(u.Code, u.ChangedColumns, u.Reinstated))],
            [.. plan.Retirements.Select(r => r.Code)],
            [.. preview.FileProblems.Select(p => ToDto(p, english))],
            [.. preview.Rows.Select(r => new ImportRowDto(r.RowNumber, r.Values.Code, r.Values.NameVi, r.Values.FieldVi, r.Values.Fee,
                r.Documents.Count, ActionOf(r), [.. r.Problems.Select(p => ToDto(p, english))]))]);
    }

    private static ImportProblemDto ToDto(ImportProblem p, bool english) => new(
        p.Severity == ImportSeverity.Error ? "error" : "warning", p.Code, p.RowNumber, p.Column, english ? p.MessageEn : p.MessageVi, p.MessageEn);
}

/// <summary>What one import wrote, kept as the audit row's "after" (counts, not the rows: a 2,000-row file would not fit).</summary>
public sealed record CatalogueImportSummary(
    string FileName, bool RetireMissing, int Rows, int Created, int Updated, int Unchanged, int Retired, int Reinstated,
    IReadOnlyList<string> FieldsCreated, IReadOnlyList<string> FieldsRestored);

/// <summary>
/// Applies a plan to the site's tracked fields and procedures, in memory: the caller saves once. The rows
/// are looked up in dictionaries built here, so a 2,000-row file costs no query per row.
/// </summary>
internal sealed class CatalogueWriter(HubDbContext db, Guid siteId, List<Field> fields, List<Procedure> procedures)
{
    private readonly Dictionary<string, Procedure> _byCode = procedures
        .GroupBy(p => p.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    public CatalogueImportSummary Apply(CatalogueImportPreview preview, CatalogueImportPlan plan)
    {
        var (fieldByName, created) = FieldsByName(plan.FieldsToCreate);
        var restored = new List<string>();
        var writeDocuments = CatalogueImportApi.PresentColumns(preview).Contains(CatalogueColumns.Documents);
        var documentsByCode = preview.Rows.GroupBy(r => r.Values.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Documents, StringComparer.OrdinalIgnoreCase);

        Field FieldOf(ProcedureValues values)
        {
            var field = fieldByName[values.FieldVi];
            if (!field.Active)
            {
                // A retired field the file lists again comes back, as its retired procedures do.
                field.Active = true;
                restored.Add(field.Name);
            }

            return field;
        }

        var serviceOfField = ServiceOfEachField();
        var nextOrder = procedures.Count == 0 ? 1 : procedures.Max(p => p.SortOrder) + 1;
        foreach (var values in plan.Creates)
        {
            var field = FieldOf(values);
            var procedure = new Procedure
            {
                Id = Guid.CreateVersion7(),
                SiteId = siteId,
                // A new procedure is handled where its field's procedures are, when they all agree on one service.
                ServiceId = serviceOfField.TryGetValue(field.Id, out var serviceId) ? serviceId : null,
                Active = true,
                SortOrder = nextOrder++,
            };
            Write(procedure, values, field, documentsByCode[values.Code]);
            db.Procedures.Add(procedure);
        }

        var reinstated = 0;
        foreach (var update in plan.Updates)
        {
            var procedure = _byCode[update.Code];
            // Without a documents column the stored list stays (the plan compared it as kept).
            Write(procedure, update.After, FieldOf(update.After), writeDocuments ? documentsByCode[update.After.Code] : null);
            if (!procedure.Active)
            {
                procedure.Active = true;
                reinstated++;
            }
        }

        foreach (var retired in plan.Retirements)
        {
            _byCode[retired.Code].Active = false;
        }

        return new CatalogueImportSummary("", false, preview.Rows.Count, plan.Creates.Count, plan.Updates.Count, plan.Unchanged.Count,
            plan.Retirements.Count, reinstated, created, restored);
    }

    /// <summary>The site's fields by name (as the parser matched them, ignoring case), with the new ones added.</summary>
    private (Dictionary<string, Field> ByName, List<string> Created) FieldsByName(IReadOnlyList<FieldToCreate> toCreate)
    {
        // Two fields of one name (possible: names are not a key): the active one, then the first by order.
        var byName = fields.OrderByDescending(f => f.Active).ThenBy(f => f.SortOrder)
            .GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var codes = fields.Select(f => f.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var order = fields.Count == 0 ? 0 : fields.Max(f => f.SortOrder);
        var number = 0;
        var created = new List<string>();
        foreach (var field in toCreate)
        {
            // Fields need a code (the list of fields is keyed by it); the file has none, so LV01, LV02... (lĩnh vực), skipping those taken.
            string code;
            do
            {
                code = "LV" + (++number).ToString("00", CultureInfo.InvariantCulture);
            }
            while (!codes.Add(code));

            var entity = new Field { Id = Guid.CreateVersion7(), SiteId = siteId, Code = code, Name = field.NameVi, NameEn = field.NameEn, SortOrder = ++order, Active = true };
            db.Fields.Add(entity);
            byName[field.NameVi] = entity;
            created.Add(field.NameVi);
        }

        return (byName, created);
    }

    private Dictionary<Guid, Guid> ServiceOfEachField() =>
        procedures.Where(p => p.Active).GroupBy(p => p.FieldId)
            .Where(g => g.Select(p => p.ServiceId).Distinct().Count() == 1 && g.First().ServiceId is not null)
            .ToDictionary(g => g.Key, g => g.First().ServiceId!.Value);

    private static void Write(Procedure p, ProcedureValues v, Field field, IReadOnlyList<ImportedDocument>? documents)
    {
        p.Code = v.Code;
        p.Name = v.NameVi;
        p.NameEn = v.NameEn;
        p.FieldId = field.Id;
        p.Level = v.Level ?? "";
        p.Agency = v.Agency ?? "";
        p.ProcessingTime = v.ProcessingTime ?? "";
        p.Fees = v.Fee ?? "";
        if (documents is not null)
            p.DocumentsJson = CatalogueImportApi.DocumentsJson(documents);
        p.LegalBasis = v.LegalBasis ?? "";
    }
}
