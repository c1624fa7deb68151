using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Audit;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Catalogue;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Administration.Catalogue;

/// <summary>
/// The administration of the procedure catalogue (issue 9): fields (lĩnh vực) and procedures (thủ tục)
/// listed with the retired ones, created, edited, retired and restored. Retiring never deletes: the
/// row stays for the tickets and reports that name it and only leaves the kiosk. Every change is
/// saved with its audit row in one SaveChanges (AdminAudit).
/// </summary>
public static class CatalogueAdminApi
{
    public static IEndpointRouteBuilder MapCatalogueAdminApi(this IEndpointRouteBuilder app)
    {
        var fields = app.MapGroup(HubRoutes.AdminFields).WithTags("Administration").RequireAuthorization(Policies.Admin);
        fields.MapGet("", ListFieldsAsync);
        fields.MapPost("", CreateFieldAsync);
        fields.MapPut("/{id:guid}", EditFieldAsync);
        fields.MapPost("/{id:guid}/retire", (Guid id, ClaimsPrincipal user, HubDbContext db, CatalogueCache cache, TimeProvider time, CancellationToken ct) =>
            SetFieldActiveAsync(id, false, user, db, cache, time, ct));
        fields.MapPost("/{id:guid}/restore", (Guid id, ClaimsPrincipal user, HubDbContext db, CatalogueCache cache, TimeProvider time, CancellationToken ct) =>
            SetFieldActiveAsync(id, true, user, db, cache, time, ct));

        var procedures = app.MapGroup(HubRoutes.AdminProcedures).WithTags("Administration").RequireAuthorization(Policies.Admin);
        procedures.MapGet("", ListProceduresAsync);
        procedures.MapGet("/{id:guid}", GetProcedureAsync);
        procedures.MapPost("", CreateProcedureAsync);
        procedures.MapPut("/{id:guid}", EditProcedureAsync);
        procedures.MapPost("/{id:guid}/retire", (Guid id, ClaimsPrincipal user, HubDbContext db, CatalogueCache cache, TimeProvider time, CancellationToken ct) =>
            SetProcedureActiveAsync(id, false, user, db, cache, time, ct));
        procedures.MapPost("/{id:guid}/restore", (Guid id, ClaimsPrincipal user, HubDbContext db, CatalogueCache cache, TimeProvider time, CancellationToken ct) =>
            SetProcedureActiveAsync(id, true, user, db, cache, time, ct));
        return app;
    }

    // ------------------------------------------------------------------------------------------ fields

    public static async Task<Ok<List<FieldAdminDto>>> ListFieldsAsync(ClaimsPrincipal user, HubDbContext db, CancellationToken ct)
    {
        var siteId = SiteOf(user);
        var fields = await db.Fields.Where(f => f.SiteId == siteId).OrderBy(f => f.SortOrder).ThenBy(f => f.Code)
            .Select(f => new FieldAdminDto(f.Id, f.Code, f.Name, f.NameEn, f.SortOrder, f.Active, db.Procedures.Count(p => p.FieldId == f.Id && p.Active)))
            .ToListAsync(ct);
        return TypedResults.Ok(fields);
    }

    public static async Task<Created<FieldAdminDto>> CreateFieldAsync(FieldRequest request, ClaimsPrincipal user, HubDbContext db, CatalogueCache cache,
        TimeProvider time, CancellationToken ct)
    {
        ValidateField(request);
        var siteId = SiteOf(user);
        await EnsureFieldCodeFreeAsync(db, siteId, request.Code, null, ct);
        var field = new Field { Id = Guid.CreateVersion7(), SiteId = siteId, Active = true };
        Apply(field, request);
        db.Fields.Add(field);
        var dto = ToDto(field, 0);
        AdminAudit.Record(db, user, siteId, AdminActions.Create, AdminEntities.Field, field.Id, null, dto, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Created($"{HubRoutes.AdminFields}/{field.Id}", dto);
    }

    public static async Task<Ok<FieldAdminDto>> EditFieldAsync(Guid id, FieldRequest request, ClaimsPrincipal user, HubDbContext db, CatalogueCache cache,
        TimeProvider time, CancellationToken ct)
    {
        ValidateField(request);
        var siteId = SiteOf(user);
        var field = await FindFieldAsync(db, siteId, id, ct);
        await EnsureFieldCodeFreeAsync(db, siteId, request.Code, id, ct);
        var count = await db.Procedures.CountAsync(p => p.FieldId == id && p.Active, ct);
        var before = ToDto(field, count);
        Apply(field, request);
        var after = ToDto(field, count);
        AdminAudit.Record(db, user, siteId, AdminActions.Update, AdminEntities.Field, id, before, after, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(after);
    }

    /// <summary>Retires or restores a field. Its procedures keep their own state: a retired field hides
    /// them from the kiosk (CatalogueApi, CatalogueCache), and restoring it brings back the active ones.</summary>
    public static async Task<Ok<FieldAdminDto>> SetFieldActiveAsync(Guid id, bool active, ClaimsPrincipal user, HubDbContext db, CatalogueCache cache,
        TimeProvider time, CancellationToken ct)
    {
        var siteId = SiteOf(user);
        var field = await FindFieldAsync(db, siteId, id, ct);
        var count = await db.Procedures.CountAsync(p => p.FieldId == id && p.Active, ct);
        var before = ToDto(field, count);
        field.Active = active;
        var after = ToDto(field, count);
        AdminAudit.Record(db, user, siteId, active ? AdminActions.Restore : AdminActions.Retire, AdminEntities.Field, id, before, after,
            time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(after);
    }

    private static void ValidateField(FieldRequest request)
    {
        ValidateCode(request.Code, "code", CatalogueLimits.FieldCode);
        Validate.Required(request.Name, "name", CatalogueLimits.FieldName);
        Validate.MaxLength(request.NameEn, "nameEn", CatalogueLimits.FieldName);
    }

    private static void Apply(Field field, FieldRequest request)
    {
        field.Code = request.Code.Trim();
        field.Name = Text(request.Name);
        field.NameEn = string.IsNullOrWhiteSpace(request.NameEn) ? null : Text(request.NameEn);
        field.SortOrder = request.SortOrder;
    }

    private static async Task EnsureFieldCodeFreeAsync(HubDbContext db, Guid siteId, string code, Guid? except, CancellationToken ct)
    {
        var folded = code.Trim().ToLowerInvariant();
        if (await db.Fields.AnyAsync(f => f.SiteId == siteId && f.Code.ToLower() == folded && f.Id != except, ct))
        {
            throw new DomainException(Errors.Duplicate.With("code"), "code");
        }
    }

    private static async Task<Field> FindFieldAsync(HubDbContext db, Guid siteId, Guid id, CancellationToken ct) =>
        await db.Fields.AsTracking().FirstOrDefaultAsync(f => f.Id == id && f.SiteId == siteId, ct)
        ?? throw new DomainException(Errors.FieldNotFound);

    private static FieldAdminDto ToDto(Field f, int procedureCount) => new(f.Id, f.Code, f.Name, f.NameEn, f.SortOrder, f.Active, procedureCount);

    // ------------------------------------------------------------------------------------------ procedures

    /// <summary>The site's procedures, retired ones included, optionally of one field and matching a search
    /// (name or code, ignoring case and Vietnamese diacritics, as the kiosk searches).</summary>
    public static async Task<Ok<List<ProcedureAdminDto>>> ListProceduresAsync(Guid? fieldId, string? q, ClaimsPrincipal user, HubDbContext db,
        CancellationToken ct)
    {
        var siteId = SiteOf(user);
        var query = db.Procedures.Where(p => p.SiteId == siteId);
        if (fieldId is { } f)
        {
            query = query.Where(p => p.FieldId == f);
        }

        var list = await ProjectAsync(db, query, ct);
        if (!string.IsNullOrWhiteSpace(q))
        {
            // In memory, like the kiosk's search (CatalogueApi): folding Vietnamese in two SQL dialects is not worth it for a few thousand rows.
            var needle = TextSearch.Fold(q);
            list = list.Where(p => TextSearch.Fold(p.Name).Contains(needle, StringComparison.Ordinal)
                || TextSearch.Fold(p.Code).Contains(needle, StringComparison.Ordinal)).ToList();
        }

        return TypedResults.Ok(list);
    }

    public static async Task<Ok<ProcedureAdminDto>> GetProcedureAsync(Guid id, ClaimsPrincipal user, HubDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ReadProcedureAsync(db, SiteOf(user), id, ct));

    public static async Task<Created<ProcedureAdminDto>> CreateProcedureAsync(ProcedureRequest request, ClaimsPrincipal user, HubDbContext db,
        CatalogueCache cache, TimeProvider time, CancellationToken ct)
    {
        var siteId = SiteOf(user);
        var documentsJson = await ValidateProcedureAsync(request, null, siteId, db, ct);
        var procedure = new Procedure { Id = Guid.CreateVersion7(), SiteId = siteId, Active = true };
        Apply(procedure, request, documentsJson);
        db.Procedures.Add(procedure);
        var dto = await AfterAsync(db, procedure, ct);
        AdminAudit.Record(db, user, siteId, AdminActions.Create, AdminEntities.Procedure, procedure.Id, null, dto, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Created($"{HubRoutes.AdminProcedures}/{procedure.Id}", dto);
    }

    public static async Task<Ok<ProcedureAdminDto>> EditProcedureAsync(Guid id, ProcedureRequest request, ClaimsPrincipal user, HubDbContext db,
        CatalogueCache cache, TimeProvider time, CancellationToken ct)
    {
        var siteId = SiteOf(user);
        var before = await ReadProcedureAsync(db, siteId, id, ct);
        var documentsJson = await ValidateProcedureAsync(request, before, siteId, db, ct);
        var procedure = await db.Procedures.AsTracking().FirstAsync(p => p.Id == id, ct);
        Apply(procedure, request, documentsJson);
        var after = await AfterAsync(db, procedure, ct);
        AdminAudit.Record(db, user, siteId, AdminActions.Update, AdminEntities.Procedure, id, before, after, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(after);
    }

    public static async Task<Ok<ProcedureAdminDto>> SetProcedureActiveAsync(Guid id, bool active, ClaimsPrincipal user, HubDbContext db,
        CatalogueCache cache, TimeProvider time, CancellationToken ct)
    {
        var siteId = SiteOf(user);
        var before = await ReadProcedureAsync(db, siteId, id, ct);
        var procedure = await db.Procedures.AsTracking().FirstAsync(p => p.Id == id, ct);
        procedure.Active = active;
        var after = before with { Active = active };
        AdminAudit.Record(db, user, siteId, active ? AdminActions.Restore : AdminActions.Retire, AdminEntities.Procedure, id, before, after,
            time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(after);
    }

    /// <summary>Checks a procedure request against the catalogue; returns its documents as stored JSON.
    /// A fee is read only when it changes, so an edit of another attribute never fails on a fee stored before these checks.</summary>
    private static async Task<string> ValidateProcedureAsync(ProcedureRequest request, ProcedureAdminDto? current, Guid siteId, HubDbContext db,
        CancellationToken ct)
    {
        ValidateCode(request.Code, "code", CatalogueLimits.ProcedureCode);
        Validate.Required(request.Name, "name", CatalogueLimits.ProcedureName);
        Validate.MaxLength(request.NameEn, "nameEn", CatalogueLimits.ProcedureName);
        Validate.MaxLength(request.Level, "level", CatalogueLimits.Level);
        Validate.MaxLength(request.Agency, "agency", CatalogueLimits.Agency);
        Validate.MaxLength(request.ProcessingTime, "processingTime", CatalogueLimits.ProcessingTime);
        Validate.MaxLength(request.Fees, "fees", CatalogueLimits.Fees);
        Validate.MaxLength(request.LegalBasis, "legalBasis", CatalogueLimits.LegalBasis);
        var fees = Text(request.Fees);
        if (fees.Length > 0 && fees != current?.Fees && !Import.FeeText.TryParse(fees, out _, out var feeProblem))
        {
            throw new DomainException(Errors.BadFee.With("fees"), "fees") { Extensions = { ["reason"] = feeProblem!.MessageVi, ["reasonEn"] = feeProblem.MessageEn } };
        }

        var documentsJson = ProcedureDocuments.ToJson(ValidateDocuments(request.Documents));
        if (documentsJson.Length > CatalogueLimits.DocumentsJson)
        {
            throw new DomainException(Errors.TooLong.With("documents", CatalogueLimits.DocumentsJson), "documents");
        }

        var field = await db.Fields.FirstOrDefaultAsync(f => f.Id == request.FieldId && f.SiteId == siteId, ct)
            ?? throw new DomainException(Errors.FieldUnknown.With("fieldId"), "fieldId");
        // Keeping a procedure in the retired field it already had is allowed (an edit of its text); moving one there is not.
        if (!field.Active && field.Id != current?.FieldId)
        {
            throw new DomainException(Errors.FieldRetired.With("fieldId"), "fieldId");
        }

        if (request.ServiceId is { } serviceId && serviceId != current?.ServiceId)
        {
            var service = await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId && s.SiteId == siteId, ct)
                ?? throw new DomainException(Errors.ProcedureServiceUnknown.With("serviceId"), "serviceId");
            if (!service.Active)
            {
                throw new DomainException(Errors.ProcedureServiceRetired.With("serviceId"), "serviceId");
            }
        }

        var folded = request.Code.Trim().ToLowerInvariant();
        if (await db.Procedures.AnyAsync(p => p.SiteId == siteId && p.Code.ToLower() == folded && p.Id != (current == null ? Guid.Empty : current.Id), ct))
        {
            throw new DomainException(Errors.Duplicate.With("code"), "code");
        }

        return documentsJson;
    }

    private static List<ProcedureDocumentDto> ValidateDocuments(IReadOnlyList<ProcedureDocumentDto>? documents)
    {
        var list = new List<ProcedureDocumentDto>();
        for (var i = 0; i < (documents?.Count ?? 0); i++)
        {
            var d = documents![i];
            var field = $"documents[{i}]";
            Validate.Required(d?.Name, field + ".name", CatalogueLimits.DocumentName);
            Validate.MaxLength(d!.Note, field + ".note", CatalogueLimits.DocumentName);
            if (d.Originals is < 0 or > CatalogueLimits.DocumentCount)
            {
                throw new DomainException(Errors.Invalid.With(field + ".originals"), field + ".originals");
            }

            if (d.Copies is < 0 or > CatalogueLimits.DocumentCount)
            {
                throw new DomainException(Errors.Invalid.With(field + ".copies"), field + ".copies");
            }

            list.Add(new ProcedureDocumentDto(Text(d.Name), d.Originals, d.Copies, string.IsNullOrWhiteSpace(d.Note) ? null : Text(d.Note)));
        }

        return list;
    }

    private static void Apply(Procedure p, ProcedureRequest r, string documentsJson)
    {
        p.Code = r.Code.Trim();
        p.Name = Text(r.Name);
        p.NameEn = string.IsNullOrWhiteSpace(r.NameEn) ? null : Text(r.NameEn);
        p.FieldId = r.FieldId;
        p.ServiceId = r.ServiceId;
        p.Level = Text(r.Level);
        p.Agency = Text(r.Agency);
        p.ProcessingTime = Text(r.ProcessingTime);
        p.Fees = Text(r.Fees);
        p.DocumentsJson = documentsJson;
        p.LegalBasis = Text(r.LegalBasis);
        p.SortOrder = r.SortOrder;
    }

    private static async Task<ProcedureAdminDto> AfterAsync(HubDbContext db, Procedure p, CancellationToken ct)
    {
        var fieldName = await db.Fields.Where(f => f.Id == p.FieldId).Select(f => f.Name).FirstAsync(ct);
        var serviceName = p.ServiceId is { } s ? await db.Services.Where(x => x.Id == s).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        return ToDto(p, fieldName, serviceName);
    }

    private static async Task<ProcedureAdminDto> ReadProcedureAsync(HubDbContext db, Guid siteId, Guid id, CancellationToken ct) =>
        (await ProjectAsync(db, db.Procedures.Where(p => p.Id == id && p.SiteId == siteId), ct)).FirstOrDefault()
        ?? throw new DomainException(Errors.ProcedureRecordNotFound);

    private static async Task<List<ProcedureAdminDto>> ProjectAsync(HubDbContext db, IQueryable<Procedure> query, CancellationToken ct)
    {
        var rows = await query
            .Join(db.Fields, p => p.FieldId, f => f.Id, (p, f) => new { p, FieldName = f.Name, FieldOrder = f.SortOrder })
            .OrderBy(r => r.FieldOrder).ThenBy(r => r.p.SortOrder).ThenBy(r => r.p.Code)
            .ToListAsync(ct);
        var serviceIds = rows.Where(r => r.p.ServiceId != null).Select(r => r.p.ServiceId!.Value).Distinct().ToList();
        var services = await db.Services.Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return rows.Select(r => ToDto(r.p, r.FieldName, r.p.ServiceId is { } s ? services.GetValueOrDefault(s) : null)).ToList();
    }

    private static ProcedureAdminDto ToDto(Procedure p, string fieldName, string? serviceName) => new(
        p.Id, p.Code, p.Name, p.FieldId, fieldName, p.ServiceId, serviceName, p.Level, p.Agency, p.ProcessingTime, p.Fees,
        ProcedureDocuments.FromJson(p.DocumentsJson), p.LegalBasis, p.SortOrder, p.Active, p.NameEn);

    // ------------------------------------------------------------------------------------------ shared

    internal static Guid SiteOf(ClaimsPrincipal user) => user.SiteOf() ?? throw new DomainException(Errors.SiteNotFound, "siteId");

    /// <summary>A code: required, within its column, no spaces or control characters inside (it is a key the import matches on).</summary>
    private static void ValidateCode(string? code, string field, int maxLength)
    {
        Validate.Required(code, field, maxLength);
        if (code!.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new DomainException(Errors.CodeWithSpaces.With(field), field);
        }
    }

    /// <summary>Text as stored: trimmed and NFC, so the kiosk's search and the import's comparisons see one spelling.</summary>
    private static string Text(string? value) => (value ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
}
