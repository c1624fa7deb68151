using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;
using QueueKiosk.HubServer.Supervision;

namespace QueueKiosk.HubServer.Reports;

/// <summary>GET /api/reports?from=yyyy-MM-dd&amp;to=yyyy-MM-dd[&amp;siteId=] as JSON, and /api/reports/csv for Excel.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(HubRoutes.Reports).WithTags("Reports").RequireAuthorization(Policies.Supervisor);
        group.MapGet("/", JsonAsync);
        group.MapGet("/csv", CsvAsync);
        return app;
    }

    public static async Task<Results<Ok<ReportDto>, NotFound>> JsonAsync(string? from, string? to, Guid? siteId, ClaimsPrincipal user,
        CatalogueCache catalogue, ReportReader reader, TimeProvider time, CancellationToken ct)
    {
        var (site, fromDay, toDay) = await RangeAsync(from, to, siteId, user, catalogue, time, ct);
        return await reader.ReadAsync(site, fromDay, toDay, ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound();
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> CsvAsync(string? from, string? to, Guid? siteId, ClaimsPrincipal user,
        CatalogueCache catalogue, ReportReader reader, TimeProvider time, CancellationToken ct)
    {
        var (site, fromDay, toDay) = await RangeAsync(from, to, siteId, user, catalogue, time, ct);
        if (await reader.ReadAsync(site, fromDay, toDay, ct) is not { } report)
        {
            return TypedResults.NotFound();
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"bao-cao-{fromDay:yyyyMMdd}-{toDay:yyyyMMdd}.csv");
        return TypedResults.File(ReportCsv.ToBytes(report), "text/csv; charset=utf-8", name);
    }

    /// <summary>Site and local days; both days default to today, and a range longer than a year is refused.</summary>
    private static async Task<(Guid Site, DateOnly From, DateOnly To)> RangeAsync(string? from, string? to, Guid? siteId, ClaimsPrincipal user,
        CatalogueCache catalogueCache, TimeProvider time, CancellationToken ct)
    {
        var site = await SupervisionApi.SiteAsync(user, siteId, catalogueCache, ct);
        var catalogue = await catalogueCache.GetAsync(ct);
        var today = catalogue.Sites[site].Hours.LocalDay(time.GetUtcNow().UtcDateTime);
        var fromDay = Day(from, "from") ?? today;
        var toDay = Day(to, "to") ?? (from is null ? today : fromDay);
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

    private static DateOnly? Day(string? text, string field) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new DomainException(Errors.Invalid.With(field), field);
}
