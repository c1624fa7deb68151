using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests.Security;

/// <summary>
/// Every route the hub maps, read from its EndpointDataSource, against every kind of caller, with
/// the expected answer written down once in <see cref="Expected"/> (issue 15). A route added
/// without an entry here fails <see cref="EveryMappedRoute_HasAnEntry_AndEveryEntryIsMapped"/>.
/// </summary>
public sealed class AuthorizationMatrixTests : SqliteHubAppTest
{
    /// <summary>Who may call a route. Each caller below is allowed by some of these.</summary>
    public enum Access
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,

        /// <summary>Any device key or staff cookie.</summary>
        AnyClient,

        /// <summary>A kiosk key or staff (issues tickets).</summary>
        Issuer,

        /// <summary>Officers, supervisors, admins.</summary>
        Staff,

        /// <summary>Staff, officers only at their own counter.</summary>
        OwnCounter,

        /// <summary>A device key (kiosk, display, rating tablet), never staff.</summary>
        Device,

        /// <summary>A rating tablet only (issue 15, item 6).</summary>
        RatingTablet,

        Supervisor,

        Admin,

        /// <summary>A page of the province tier (docs/province.md): a site's hub answers 404 to everyone.</summary>
        ProvinceTierOnly,
    }

    public enum Caller
    {
        Anonymous,
        Kiosk,
        Display,
        RatingTablet,
        OfficerAtOwnCounter,
        OfficerElsewhere,
        Supervisor,
        Admin,
    }

    /// <summary>Every caller comes from 127.0.0.1: the public routes' per-address limit must not stand in for a refusal.</summary>
    protected override IReadOnlyDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?> { ["Tracking:RequestsPerMinute"] = "10000" };

    /// <summary>The one table: "METHOD /route/pattern" -> who may call it.</summary>
    public static readonly IReadOnlyDictionary<string, Access> Expected = new Dictionary<string, Access>
    {
        ["GET /openapi/{documentName}.json"] = Access.Public,
        ["* /health/live"] = Access.Public,
        ["* /health/ready"] = Access.Public,
        ["GET /hub-contract.js"] = Access.Public,
        ["POST /api/auth/login"] = Access.Public,
        ["POST /api/auth/logout"] = Access.Staff,
        ["GET /api/auth/me"] = Access.Staff,
        ["GET /api/sites"] = Access.Public,
        ["GET /api/fields"] = Access.Public,
        ["GET /api/procedures"] = Access.Public,
        ["GET /api/procedures/{procedureId:guid}"] = Access.Public,
        ["GET /api/services"] = Access.Public,
        ["GET /api/dossiers/{code}"] = Access.Public,
        ["GET /t/{token}"] = Access.Public,
        ["GET /hall"] = Access.Public,
        ["GET /api/public/tickets/{token}"] = Access.Public,
        ["GET /api/public/tickets/{token}/events"] = Access.Public,
        ["GET /api/public/hall"] = Access.Public,
        ["GET /api/public/hall/events"] = Access.Public,
        ["POST /api/tickets/"] = Access.Issuer,
        ["GET /api/tickets/{ticketId:guid}"] = Access.AnyClient,
        ["POST /api/tickets/{ticketId:guid}/cancel"] = Access.Staff,
        ["POST /api/tickets/{ticketId:guid}/rating"] = Access.RatingTablet,
        ["GET /api/rating-tablet"] = Access.RatingTablet,
        ["GET /rating"] = Access.Public,
        ["GET /api/snapshot"] = Access.AnyClient,
        ["GET /api/sites/{siteId:guid}/snapshot"] = Access.AnyClient,
        ["POST /api/counters/{counterId:guid}/call-next"] = Access.OwnCounter,
        ["POST /api/counters/{counterId:guid}/call"] = Access.OwnCounter,
        ["POST /api/counters/{counterId:guid}/recall"] = Access.OwnCounter,
        ["POST /api/counters/{counterId:guid}/start"] = Access.OwnCounter,
        ["POST /api/counters/{counterId:guid}/finish"] = Access.OwnCounter,
        ["POST /api/counters/{counterId:guid}/no-show"] = Access.OwnCounter,
        ["POST /api/counters/{counterId:guid}/transfer"] = Access.OwnCounter,
        ["POST /api/counters/{counterId:guid}/open"] = Access.OwnCounter,
        ["POST /api/counters/{counterId:guid}/pause"] = Access.OwnCounter,
        ["POST /api/counters/{counterId:guid}/resume"] = Access.OwnCounter,
        ["POST /api/counters/{counterId:guid}/close"] = Access.OwnCounter,
        ["POST /api/counters/{counterId:guid}/undo"] = Access.OwnCounter,
        ["POST /api/counters/{counterId:guid}/requeue"] = Access.OwnCounter,
        ["GET /api/sites/{siteId:guid}/logo"] = Access.Public,
        ["POST /api/auth/password"] = Access.Staff,

        // Services, priority groups and counters: run by supervisors (the office's day-to-day set-up);
        // the site, calendar, catalogue, staff, devices and the audit: admins only (docs/administration.md).
        ["GET /api/admin/services/"] = Access.Supervisor,
        ["POST /api/admin/services/"] = Access.Supervisor,
        ["PUT /api/admin/services/{serviceId:guid}"] = Access.Supervisor,
        ["POST /api/admin/services/{serviceId:guid}/retire"] = Access.Supervisor,
        ["POST /api/admin/services/{serviceId:guid}/restore"] = Access.Supervisor,
        ["GET /api/admin/priority-groups/"] = Access.Supervisor,
        ["PUT /api/admin/priority-groups/{groupId:guid}"] = Access.Supervisor,
        ["GET /api/admin/counters/"] = Access.Supervisor,
        ["POST /api/admin/counters/"] = Access.Supervisor,
        ["PUT /api/admin/counters/{counterId:guid}"] = Access.Supervisor,
        ["POST /api/admin/counters/{counterId:guid}/retire"] = Access.Supervisor,
        ["POST /api/admin/counters/{counterId:guid}/restore"] = Access.Supervisor,
        ["GET /api/admin/site"] = Access.Admin,
        ["PUT /api/admin/site"] = Access.Admin,
        ["PUT /api/admin/site/logo"] = Access.Admin,
        ["DELETE /api/admin/site/logo"] = Access.Admin,
        ["GET /api/admin/calendar"] = Access.Admin,
        ["POST /api/admin/calendar/entries"] = Access.Admin,
        ["DELETE /api/admin/calendar/entries/{entryId:guid}"] = Access.Admin,
        ["GET /api/admin/fields/"] = Access.Admin,
        ["POST /api/admin/fields/"] = Access.Admin,
        ["PUT /api/admin/fields/{id:guid}"] = Access.Admin,
        ["POST /api/admin/fields/{id:guid}/retire"] = Access.Admin,
        ["POST /api/admin/fields/{id:guid}/restore"] = Access.Admin,
        ["GET /api/admin/procedures/"] = Access.Admin,
        ["GET /api/admin/procedures/{id:guid}"] = Access.Admin,
        ["POST /api/admin/procedures/"] = Access.Admin,
        ["PUT /api/admin/procedures/{id:guid}"] = Access.Admin,
        ["POST /api/admin/procedures/{id:guid}/retire"] = Access.Admin,
        ["POST /api/admin/procedures/{id:guid}/restore"] = Access.Admin,
        ["POST /api/admin/catalogue/import"] = Access.Admin,
        ["GET /api/admin/staff"] = Access.Admin,
        ["POST /api/admin/staff"] = Access.Admin,
        ["PUT /api/admin/staff/{officerId:guid}"] = Access.Admin,
        ["POST /api/admin/staff/{officerId:guid}/password"] = Access.Admin,
        ["POST /api/admin/staff/{officerId:guid}/lock"] = Access.Admin,
        ["POST /api/admin/staff/{officerId:guid}/unlock"] = Access.Admin,
        ["POST /api/admin/staff/{officerId:guid}/retire"] = Access.Admin,
        ["POST /api/admin/staff/{officerId:guid}/restore"] = Access.Admin,
        ["GET /api/admin/devices"] = Access.Admin,
        ["POST /api/admin/devices"] = Access.Admin,
        ["POST /api/admin/devices/{deviceId:guid}/revoke"] = Access.Admin,
        ["POST /api/admin/devices/{deviceId:guid}/rotate-key"] = Access.Admin,
        ["GET /api/admin/changes"] = Access.Admin,
        ["POST /api/devices/me/status"] = Access.Device,
        ["GET /api/supervision/dashboard"] = Access.Supervisor,
        ["GET /api/supervision/alerts"] = Access.Supervisor,
        ["GET /api/supervision/presence"] = Access.Supervisor,
        ["POST /api/supervision/alerts/{alertId:guid}/acknowledge"] = Access.Supervisor,
        ["GET /api/supervision/tickets"] = Access.Supervisor,
        ["GET /api/supervision/tickets/{ticketId:guid}"] = Access.Supervisor,
        ["GET /api/supervision/recording-views"] = Access.Admin,
        ["GET /api/supervision/ticket-list"] = Access.Supervisor,
        ["GET /api/supervision/presence"] = Access.Supervisor,
        ["GET /api/reports/xlsx"] = Access.Supervisor,
        ["GET /api/reports/"] = Access.Supervisor,
        ["GET /api/reports/csv"] = Access.Supervisor,
        ["GET /api/cameras/"] = Access.Supervisor,
        ["GET /api/cameras/{id}"] = Access.Supervisor,
        ["GET /api/cameras/{id}/live.mjpg"] = Access.Supervisor,
        ["GET /api/cameras/{id}/snapshot.jpg"] = Access.Supervisor,
        ["GET /api/cameras/{id}/recordings"] = Access.Supervisor,
        ["GET /api/cameras/{id}/recordings/{file}"] = Access.Supervisor,
        ["* /hubs/queue/negotiate"] = Access.AnyClient,
        ["* /hubs/queue"] = Access.AnyClient,
        ["GET /officer"] = Access.Public,
        ["GET /officer/login"] = Access.Public,
        ["GET /supervisor/login"] = Access.Public,
        ["GET /supervisor"] = Access.Supervisor,
        ["GET /supervisor/history"] = Access.Supervisor,
        ["GET /supervisor/reports"] = Access.Supervisor,
        ["GET /supervisor/audit"] = Access.Admin,
        ["GET /supervisor/services"] = Access.Supervisor,
        ["GET /supervisor/counters"] = Access.Supervisor,
        ["GET /supervisor/settings"] = Access.Admin,
        ["GET /supervisor/catalogue"] = Access.Admin,
        ["GET /supervisor/users"] = Access.Admin,
        ["GET /supervisor/devices"] = Access.Admin,

        // The old address of the settings page: a redirect to /supervisor/settings (followed below).
        ["GET /admin"] = Access.Admin,

        // Appointments and remote tickets (docs/appointments.md): the citizen's booking page is public.
        ["GET /dat-lich"] = Access.Public,
        ["GET /api/public/booking/services"] = Access.Public,
        ["GET /api/public/booking/slots"] = Access.Public,
        ["POST /api/public/bookings"] = Access.Public,
        ["POST /api/public/bookings/{code}/cancel"] = Access.Public,
        ["POST /api/public/remote-tickets"] = Access.Public,
        ["POST /api/appointments/check-in"] = Access.Issuer,
        ["POST /api/dossiers/by-citizen"] = Access.Issuer,
        ["GET /api/admin/services/{serviceId:guid}/booking"] = Access.Supervisor,
        ["PUT /api/admin/services/{serviceId:guid}/booking"] = Access.Supervisor,
        ["GET /api/reports/appointments"] = Access.Supervisor,

        // The province tier's pages exist in every host; only Hub:Role=Province serves them.
        ["GET /province"] = Access.ProvinceTierOnly,
        ["GET /province/sites"] = Access.ProvinceTierOnly,
    };

    private static bool Allows(Access access, Caller caller) => access switch
    {
        Access.Public => true,
        Access.AnyClient => caller != Caller.Anonymous,
        Access.Issuer => caller is Caller.Kiosk or Caller.OfficerAtOwnCounter or Caller.OfficerElsewhere or Caller.Supervisor or Caller.Admin,
        Access.Staff => caller is Caller.OfficerAtOwnCounter or Caller.OfficerElsewhere or Caller.Supervisor or Caller.Admin,
        Access.OwnCounter => caller is Caller.OfficerAtOwnCounter or Caller.Supervisor or Caller.Admin,
        Access.Device => caller is Caller.Kiosk or Caller.Display or Caller.RatingTablet,
        Access.RatingTablet => caller is Caller.RatingTablet,
        Access.Supervisor => caller is Caller.Supervisor or Caller.Admin,
        Access.Admin => caller is Caller.Admin,
        _ => false,
    };

    [Fact]
    public void EveryMappedRoute_HasAnEntry_AndEveryEntryIsMapped()
    {
        var mapped = MappedRoutes().Select(r => r.Key).ToHashSet();
        var missing = mapped.Where(k => !Expected.ContainsKey(k)).Order().ToList();
        var stale = Expected.Keys.Where(k => !mapped.Contains(k)).Order().ToList();
        Assert.True(missing.Count == 0, "Routes without an entry in AuthorizationMatrixTests.Expected:\n" + string.Join('\n', missing));
        Assert.True(stale.Count == 0, "Entries for routes no longer mapped:\n" + string.Join('\n', stale));
    }

    [Fact]
    public async Task EveryRoute_x_EveryCaller_AnswersAsTheTableSays()
    {
        var counter1 = await App.CounterIdAsync(1);
        var counter2 = await App.CounterIdAsync(2);
        var tabletKey = App.AddDevice(DeviceKind.RatingTablet, "Máy đánh giá quầy 1", counter1);
        var failures = new List<string>();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            using var client = caller switch
            {
                Caller.Anonymous => App.CreateClient(new() { AllowAutoRedirect = false }),
                Caller.Kiosk => App.Kiosk(),
                Caller.Display => App.Display(),
                Caller.RatingTablet => App.Device(tabletKey),
                Caller.OfficerAtOwnCounter => await App.SignInAsync("canbo1", counter1),
                Caller.OfficerElsewhere => await App.SignInAsync("canbo2", counter2),
                Caller.Supervisor => await App.SupervisorAsync(),
                _ => await App.SignInAsync("quantri"),
            };

            // Signing out last, so the caller's cookie holds for every other route.
            foreach (var route in MappedRoutes().OrderBy(r => r.Key == "POST /api/auth/logout"))
            {
                var access = Expected.GetValueOrDefault(route.Key, Access.Admin);
                using var request = new HttpRequestMessage(route.Method, Url(route.Pattern, counter1));
                if (route.Method == HttpMethod.Post)
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                // Headers only: the public event streams (/events) stay open until disposed.
                var answer = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                if (answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location is { } moved
                    && !moved.ToString().Contains("login", StringComparison.Ordinal))
                {
                    // A redirect to another of our pages is judged by that page (the anonymous client does not follow redirects).
                    answer.Dispose();
                    answer = await client.GetAsync(moved);
                }

                var denied = answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || (answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location?.ToString().Contains("login", StringComparison.Ordinal) == true);
                if (access == Access.ProvinceTierOnly)
                {
                    if (answer.StatusCode != HttpStatusCode.NotFound)
                    {
                        failures.Add($"{caller,-20} {route.Key}: {(int)answer.StatusCode}, expected 404 on a site's hub");
                    }

                    answer.Dispose();
                    continue;
                }

                var allowed = Allows(access, caller);
                if (denied == allowed || answer.StatusCode is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError)
                {
                    failures.Add($"{caller,-20} {route.Key}: {(int)answer.StatusCode}, expected {(allowed ? "allowed" : "refused")} ({access})");
                }

                answer.Dispose();
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private sealed record MappedRoute(string Key, HttpMethod Method, RoutePattern Pattern);

    private IEnumerable<MappedRoute> MappedRoutes()
    {
        var sources = App.Services.GetServices<EndpointDataSource>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var text = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is null or { Count: 0 })
            {
                // Razor pages answer GET (and POST for handlers); the hub's WebSocket path any method.
                methods = endpoint.Metadata.OfType<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>().Any() ? ["GET"] : ["*"];
            }

            foreach (var method in methods)
            {
                yield return new MappedRoute($"{method} {text}", method == "*" ? HttpMethod.Get : new HttpMethod(method), endpoint.RoutePattern);
            }
        }
    }

    /// <summary>The route with its parameters filled: counter 1, the demo site, otherwise values that exist nowhere.</summary>
    private string Url(RoutePattern pattern, Guid counter1)
    {
        var url = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                url.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart { Name: "counterId" } => counter1.ToString(),
                    RoutePatternParameterPart { Name: "siteId" } => App.SiteId.ToString(),
                    RoutePatternParameterPart { Name: "documentName" } => "v1",
                    RoutePatternParameterPart p when p.ParameterPolicies.Any(c => c.Content == "guid") => Guid.NewGuid().ToString(),
                    _ => "x",
                });
            }
        }

        return url.Length == 0 ? "/" : url.ToString();
    }
}
