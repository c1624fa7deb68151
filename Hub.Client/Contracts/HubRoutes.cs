using System.Text.RegularExpressions;

namespace QueueKiosk.HubClient.Contracts;

/// <summary>
/// Every path Hub.Server serves, spelled once: the server maps its groups and endpoints with these
/// constants and every client (Kiosk.Ui, Counter.Display, the browser pages through
/// /hub-contract.js, the tests and the bench) builds its URLs from them. Patterns keep ASP.NET's
/// route syntax ("{siteId:guid}"); the methods fill them in for one call.
/// </summary>
public static partial class HubRoutes
{
    /// <summary>The SignalR hub.</summary>
    public const string QueueHub = "/hubs/queue";

    /// <summary>Device key header accepted by the REST API and the hub.</summary>
    public const string DeviceKeyHeader = "X-Device-Key";

    /// <summary>Query parameter carrying the device key on WebSocket connects (browsers cannot set headers).</summary>
    public const string AccessTokenQuery = "access_token";

    /// <summary>The browser module naming the hub's routes, methods and events (served by Hub.Server from these classes).</summary>
    public const string ContractScript = "/hub-contract.js";

    /// <summary>GET, anyone: 200 while the hub's process answers (no database check).</summary>
    public const string HealthLive = "/health/live";

    /// <summary>GET, anyone: 200 while the hub and its database answer; kiosks probe it every second to know at once that no number can be issued.</summary>
    public const string HealthReady = "/health/ready";

    /// <summary>Group of the catalogue (sites, fields, procedures, services) and the snapshots.</summary>
    public const string Api = "/api";

    public const string Sites = Api + "/sites";
    public const string Fields = Api + "/fields";
    public const string Procedures = Api + "/procedures";
    public const string Services = Api + "/services";

    /// <summary>GET, any client: the snapshot of the site the caller belongs to.</summary>
    public const string OwnSnapshotPattern = "/snapshot";

    /// <summary>GET, any client: one site's snapshot (a feed resyncs from it after a gap).</summary>
    public const string SiteSnapshotPattern = "/sites/{siteId:guid}/snapshot";

    public const string OwnSnapshot = Api + OwnSnapshotPattern;

    /// <summary>GET, anonymous: the site's logo (PNG or JPEG) for the kiosk and the hall TV; 404 when it has none.</summary>
    public const string SiteLogoPattern = "/sites/{siteId:guid}/logo";

    public const string SiteLogoTemplate = Api + SiteLogoPattern;

    public const string SiteSnapshotTemplate = Api + SiteSnapshotPattern;

    /// <summary>POST issues a ticket; /{ticketId} reads one.</summary>
    public const string Tickets = Api + "/tickets";

    /// <summary>Cancels a waiting or called ticket (staff).</summary>
    public const string TicketCancel = Tickets + "/{ticketId:guid}/cancel";

    /// <summary>Group of one counter's actions (call-next, recall, finish...).</summary>
    public const string Counter = Api + "/counters/{counterId:guid}";

    /// <summary>GET /{code}: a dossier's status, anonymous and rate-limited.</summary>
    public const string Dossiers = Api + "/dossiers";

    /// <summary>
    /// The province tier's dossier statuses (docs/province.md, "Dossier status from upstream"):
    /// GET /{code} with a site's key (<see cref="SiteKeyHeader"/>), the status as DossierStatusDto;
    /// PUT with the province admin key (<see cref="ProvinceAdminKeyHeader"/>), a ProvinceDossierBatch.
    /// </summary>
    public const string ProvinceDossiers = Api + "/province/dossiers";

    /// <summary>Header with which a site's hub calls the province tier (its site key).</summary>
    public const string SiteKeyHeader = "X-Site-Key";

    /// <summary>Header with which the province one-stop e-system's import pushes dossier statuses.</summary>
    public const string ProvinceAdminKeyHeader = "X-Province-Admin-Key";

    /// <summary>POST, kiosk key: the dossiers of the citizen whose chip ID card number is in the body (POST so the number is never in a URL or a log).</summary>
    public const string DossiersByCitizen = Dossiers + "/by-citizen";

    /// <summary>Bookings (issue 12): the public booking page's API lives under PublicApi; the kiosk's check-in here.</summary>
    public const string Appointments = Api + "/appointments";

    /// <summary>POST, kiosk key: check in for a booking (AppointmentCheckInRequest), answered with AppointmentCheckInResult.</summary>
    public const string AppointmentCheckIn = Appointments + "/check-in";

    public const string Auth = Api + "/auth";
    public const string Login = Auth + "/login";
    public const string Logout = Auth + "/logout";
    public const string Me = Auth + "/me";

    public const string Admin = Api + "/admin";

    // Administration (docs/administration.md): one block, one route each; the pages and tests read them from here.
    public const string AdminSite = Admin + "/site";
    public const string AdminFields = Admin + "/fields";
    public const string AdminProcedures = Admin + "/procedures";
    public const string AdminCatalogueImport = Admin + "/catalogue/import";
    public const string AdminServices = Admin + "/services";
    public const string AdminPriorityGroups = Admin + "/priority-groups";
    public const string AdminCounters = Admin + "/counters";
    public const string AdminStaff = Admin + "/staff";
    public const string AdminCalendar = Admin + "/calendar";

    /// <summary>PUT (body: the image bytes) or DELETE: the site's logo.</summary>
    public const string AdminSiteLogo = AdminSite + "/logo";

    /// <summary>DELETE /{entryId}: one hand-entered day of the calendar.</summary>
    public const string AdminCalendarEntries = AdminCalendar + "/entries";
    public const string AdminDevices = Admin + "/devices";
    public const string AdminChanges = Admin + "/changes";
    public const string OwnPassword = Auth + "/password";

    /// <summary>
    /// GET, the province only (X-Province-Key, and X-Province-User naming who watches): a camera's
    /// live preview relayed upward from the same single capture the supervisors watch, audited
    /// (docs/province.md, "Camera link upward").
    /// </summary>
    public const string UpwardCameraLive = Api + "/upward/cameras/{id}/live.mjpg";

    /// <summary>Header with which the province tier calls down to a site (the site's Province:CameraAccessKey).</summary>
    public const string ProvinceKeyHeader = "X-Province-Key";

    /// <summary>Header naming the province user a relayed view is for (written to the audit), percent-encoded UTF-8 (Uri.EscapeDataString).</summary>
    public const string ProvinceUserHeader = "X-Province-User";

    public static string UpwardCamera(string cameraId) => $"{Api}/upward/cameras/{Uri.EscapeDataString(cameraId)}/live.mjpg";

    public const string Reports = Api + "/reports";

    // ---------------------------------------------------------------- province tier (docs/province.md)

    public const string Province = Api + "/province";

    /// <summary>POST, a site's key: an ordered batch of the site's outbox; answers the last sequence held.</summary>
    public const string ProvinceIngest = Province + "/ingest";

    /// <summary>GET, province user: every visible site's live state. POST, province admin: register a site (answers its first key).</summary>
    public const string ProvinceSites = Province + "/sites";

    /// <summary>POST /{siteId}/key: a new key (the old one stops working); DELETE /{siteId}/key: revoke.</summary>
    public const string ProvinceSiteKey = ProvinceSites + "/{siteId:guid}/key";

    /// <summary>PUT, province admin: the sites a province user sees (empty: all).</summary>
    public const string ProvinceUserSites = Province + "/users/{officerId:guid}/sites";

    /// <summary>GET, province user: cross-site report (from, to, format=json|csv|xlsx).</summary>
    public const string ProvinceReports = Province + "/reports";

    /// <summary>The province dashboard's SignalR hub.</summary>
    public const string ProvinceHub = "/hubs/province";

    public static string ProvinceSiteKeyOf(Guid siteId) => Fill(ProvinceSiteKey, siteId);

    public static string ProvinceUserSitesOf(Guid officerId) => Fill(ProvinceUserSites, officerId);
    public const string Supervision = Api + "/supervision";

    /// <summary>GET, supervisor: a page of a site's tickets with filters (TicketListQuery's names as query parameters).</summary>
    public const string TicketList = Supervision + "/ticket-list";

    /// <summary>GET, rating tablet's key: its counter and settings (<see cref="RatingTabletDto"/>).</summary>
    public const string RatingTablet = Api + "/rating-tablet";

    /// <summary>POST, rating tablet only: a citizen's rating of a finished ticket (<see cref="RatingRequest"/>).</summary>
    public const string TicketRating = Tickets + "/{ticketId:guid}/rating";

    /// <summary>The rating tablet's page (anonymous; it calls the API with the key it was paired with).</summary>
    public const string RatingTabletPage = "/rating";

    /// <summary>POST, device key: the calling device's heartbeat (body: <see cref="DeviceStatusReport"/>).</summary>
    public const string DeviceStatus = Api + "/devices/me/status";

    // Staff accounts and devices (docs/administration.md, "Tài khoản và thiết bị"): one account or device, then its actions.
    public const string AdminStaffItem = AdminStaff + "/{officerId:guid}";
    public const string AdminStaffPassword = AdminStaffItem + "/password";
    public const string AdminStaffLock = AdminStaffItem + "/lock";
    public const string AdminStaffUnlock = AdminStaffItem + "/unlock";
    public const string AdminStaffRetire = AdminStaffItem + "/retire";
    public const string AdminStaffRestore = AdminStaffItem + "/restore";
    public const string AdminDeviceRotateKey = AdminDevices + "/{deviceId:guid}/rotate-key";
    public const string AdminDeviceRevoke = AdminDevices + "/{deviceId:guid}/revoke";

    /// <summary>E.g. WithId(AdminStaffLock, id) = /api/admin/staff/{id}/lock.</summary>
    public static string WithId(string pattern, Guid id) => Fill(pattern, id);

    public static string SiteSnapshot(Guid siteId) => Fill(SiteSnapshotTemplate, siteId);

    public static string SiteLogo(Guid siteId) => Fill(SiteLogoTemplate, siteId);

    public static string AdminCalendarOf(int year) => $"{AdminCalendar}?year={year}";

    public static string AdminCalendarEntry(Guid entryId) => $"{AdminCalendarEntries}/{entryId}";

    public static string Ticket(Guid ticketId) => $"{Tickets}/{ticketId}";

    public static string CounterOf(Guid counterId) => Fill(Counter, counterId);

    // Public pages for the citizen's phone (docs/ticket-tracking.md): no sign-in, rate limited, and
    // a ticket is reached only through the secret token printed in its QR code.

    /// <summary>GET, anonymous: the tracking page of one ticket (the URL in the ticket's QR code).</summary>
    public const string TrackPagePattern = "/t/{token}";

    /// <summary>GET, anonymous: the hall page for phones (current calls, waiting per service).</summary>
    public const string HallPage = "/hall";

    public const string PublicApi = Api + "/public";

    /// <summary>GET, anonymous: one ticket's state by its token (JSON); /events streams it (server-sent events).</summary>
    public const string TrackedTicketPattern = PublicApi + "/tickets/{token}";

    public const string TrackedTicketEventsPattern = TrackedTicketPattern + "/events";

    /// <summary>GET, anonymous: the hall's calls and waiting counts (JSON); /events streams them.</summary>
    public const string PublicHall = PublicApi + "/hall";

    public const string PublicHallEvents = PublicHall + "/events";

    // Bookings and remote tickets (docs/appointments.md): the public booking page and its API, anonymous and rate limited.

    /// <summary>GET, anonymous: the booking page for phones (book, cancel, take a number from home).</summary>
    public const string BookingPage = "/dat-lich";

    /// <summary>GET, anonymous: the services that take bookings or remote tickets, with their procedures.</summary>
    public const string PublicBookingServices = PublicApi + "/booking/services";

    /// <summary>GET ?serviceId=: the bookable days and slots of a service with their places left.</summary>
    public const string PublicBookingSlots = PublicApi + "/booking/slots";

    /// <summary>POST: book a place in a slot; answered with the booking code and its QR code.</summary>
    public const string PublicBookings = PublicApi + "/bookings";

    /// <summary>POST: cancel a booking by its code (the place is free again).</summary>
    public const string PublicBookingCancelPattern = PublicBookings + "/{code}/cancel";

    /// <summary>POST: take a number for today from home, where the service allows it; answered with the tracking link.</summary>
    public const string PublicRemoteTickets = PublicApi + "/remote-tickets";

    /// <summary>GET or PUT, supervisor: one service's booking settings.</summary>
    public const string AdminServiceBooking = AdminServices + "/{serviceId:guid}/booking";

    /// <summary>GET, supervisor: the appointments report (?from=&amp;to=, &amp;format=csv).</summary>
    public const string AppointmentReport = Reports + "/appointments";

    public static string PublicBookingCancel(string code) => PublicBookings + "/" + Uri.EscapeDataString(code) + "/cancel";

    public static string AdminServiceBookingOf(Guid serviceId) => Fill(AdminServiceBooking, serviceId);

    public static string PublicBookingSlotsOf(Guid serviceId) => $"{PublicBookingSlots}?serviceId={serviceId}";

    public static string TrackPage(string token) => "/t/" + Uri.EscapeDataString(token);

    public static string TrackedTicket(string token) => PublicApi + "/tickets/" + Uri.EscapeDataString(token);

    public static string TrackedTicketEvents(string token) => TrackedTicket(token) + "/events";

    /// <summary>E.g. CounterAction(id, CounterActions.CallNext) = /api/counters/{id}/call-next.</summary>
    public static string CounterAction(Guid counterId, string action) => $"{CounterOf(counterId)}/{action}";

    public static string Dossier(string code) => $"{Dossiers}/{Uri.EscapeDataString(code)}";

    public static string ProvinceDossier(string code) => $"{ProvinceDossiers}/{Uri.EscapeDataString(code)}";

    public static string FieldsOf(Guid siteId) => $"{Fields}?siteId={siteId}";

    public static string ProceduresOf(Guid siteId) => $"{Procedures}?siteId={siteId}";

    /// <summary>A route for an HttpClient whose BaseAddress may carry a path (http://host/hub/): no leading slash.</summary>
    public static Uri Relative(string route) => new(route.TrimStart('/'), UriKind.Relative);

    // Each pattern here has one parameter; its value replaces "{name}" or "{name:constraint}".
    private static string Fill(string pattern, Guid value) => Parameter().Replace(pattern, value.ToString(), 1);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}

/// <summary>What follows <see cref="HubRoutes.Counter"/>: the officer's actions on one counter.</summary>
public static class CounterActions
{
    public const string CallNext = "call-next";
    public const string Call = "call";
    public const string Recall = "recall";
    public const string Start = "start";
    public const string Finish = "finish";
    public const string NoShow = "no-show";
    public const string Transfer = "transfer";
    public const string Open = "open";
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string Close = "close";

    /// <summary>Undoes the counter's last finish, no-show or cancel of a ticket within the undo window (issue 10 item 1).</summary>
    public const string Undo = "undo";

    /// <summary>Puts a no-show of today back in the queue for this counter, by the number on the citizen's paper.</summary>
    public const string Requeue = "requeue";
}
