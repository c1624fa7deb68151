using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;
using QueueKiosk.HubServer.Supervision;

namespace QueueKiosk.HubServer.Reports;

/// <summary>
/// GET /api/reports?from=yyyy-MM-dd&amp;to=yyyy-MM-dd[&amp;siteId=] as JSON; the same report as
/// /api/reports/csv (comma, or &amp;separator=semicolon for Excel on a Vietnamese Windows) and /api/reports/xlsx.
/// </summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(HubRoutes.Reports).WithTags("Reports").RequireAuthorization(Policies.Supervisor);
        group.MapGet("/", JsonAsync);
        group.MapGet("/csv", CsvAsync);
        group.MapGet("/xlsx", XlsxAsync);
        return app;
    }

    public static async Task<Results<Ok<ReportDto>, NotFound>> JsonAsync(string? from, string? to, Guid? siteId, ClaimsPrincipal user,
        CatalogueCache catalogue, ReportReader reader, TimeProvider time, CancellationToken ct)
    {
        var (site, fromDay, toDay) = await RangeAsync(from, to, siteId, user, catalogue, time, ct);
        return await reader.ReadAsync(site, fromDay, toDay, ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound();
    }

    public static Task<Results<FileContentHttpResult, NotFound>> CsvAsync(string? from, string? to, Guid? siteId, string? separator, ClaimsPrincipal user,
        CatalogueCache catalogue, ReportReader reader, TimeProvider time, CancellationToken ct)
    {
        var variant = separator switch
        {
            null or "" or "comma" => CsvVariant.Comma,
            "semicolon" => CsvVariant.Semicolon,
            _ => throw new DomainException(Errors.Invalid.With("separator"), "separator"),
        };
        return FileAsync(from, to, siteId, user, catalogue, reader, time, "csv", "text/csv; charset=utf-8", report => ReportCsv.ToBytes(report, variant), ct);
    }

    public static Task<Results<FileContentHttpResult, NotFound>> XlsxAsync(string? from, string? to, Guid? siteId, ClaimsPrincipal user,
        CatalogueCache catalogue, ReportReader reader, TimeProvider time, CancellationToken ct) =>
        FileAsync(from, to, siteId, user, catalogue, reader, time, "xlsx", ReportXlsx.ContentType, ReportXlsx.ToBytes, ct);

    private static async Task<Results<FileContentHttpResult, NotFound>> FileAsync(string? from, string? to, Guid? siteId, ClaimsPrincipal user,
        CatalogueCache catalogue, ReportReader reader, TimeProvider time, string extension, string contentType, Func<ReportDto, byte[]> write, CancellationToken ct)
    {
        var (site, fromDay, toDay) = await RangeAsync(from, to, siteId, user, catalogue, time, ct);
        if (await reader.ReadAsync(site, fromDay, toDay, ct) is not { } report)
        {
            return TypedResults.NotFound();
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"bao-cao-{fromDay:yyyyMMdd}-{toDay:yyyyMMdd}.{extension}");
        return TypedResults.File(write(report), contentType, name);
    }

    /// <summary>Site and local days; both days default to today, and a range longer than a year is refused.</summary>
    private static async Task<(Guid Site, DateOnly From, DateOnly To)> RangeAsync(string? from, string? to, Guid? siteId, ClaimsPrincipal user,
        CatalogueCache catalogueCache, TimeProvider time, CancellationToken ct)
    {
        var site = await SupervisionApi.SiteAsync(user, siteId, catalogueCache, ct);
        var catalogue = await catalogueCache.GetAsync(ct);
        var today = catalogue.Sites[site].Hours.LocalDay(time.GetUtcNow().UtcDateTime);
        var fromDay = Validate.Day(from, "from") ?? today;
        var toDay = Validate.Day(to, "to") ?? (from is null ? today : fromDay);
        if (toDay < fromDay)
        {
            throw new DomainException(Errors.Invalid.With("to"), "to");
        }

        if (toDay.DayNumber - fromDay.DayNumber >= ReportReader.MaxDays)
        {
            throw new DomainException(Errors.Invalid.With("to"), "to");
        }

        return (site, fromDay, toDay);
    }

}
