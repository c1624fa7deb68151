using Microsoft.AspNetCore.Mvc.RazorPages;
using QueueKiosk.HubServer.Administration.Staff;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Pages.Officer;

/// <summary>
/// Sign-in for officers. The page lists the counters (the API needs the counter's id); the sign-in
/// itself is POST /api/auth/login from login.js, so errors come back as the API's Vietnamese text.
/// </summary>
public sealed class LoginModel(CatalogueCache catalogue, FirstAdmin firstAdmin, HubDbContext db) : PageModel
{
    public IReadOnlyList<CounterChoice> Counters { get; private set; } = [];

    /// <summary>No admin account exists yet: the page shows how to create the first one.</summary>
    public bool NoAdminYet { get; private set; }

    public string FirstAdminCommand => FirstAdmin.Command;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NoAdminYet = !await firstAdmin.ExistsAsync(db, cancellationToken);
        var data = await catalogue.GetAsync(cancellationToken);
        var multiSite = data.Sites.Count > 1;
        Counters = data.Counters.Values
            .Where(c => c.Active)
            .OrderBy(c => data.Sites.TryGetValue(c.SiteId, out var s) ? s.Site.Name : "", StringComparer.Ordinal)
            .ThenBy(c => c.Number)
            .Select(c => new CounterChoice(
                c.Id,
                (multiSite && data.Sites.TryGetValue(c.SiteId, out var site) ? site.Site.Name + ": " : "") + Label(c)))
            .ToList();
    }

    // Counters are often named "Quầy 3 - Hộ tịch" already; do not say "Quầy 3" twice.
    private static string Label(CounterInfo c) =>
        c.Name.StartsWith("Quầy", StringComparison.OrdinalIgnoreCase) ? c.Name : $"Quầy {c.Number} - {c.Name}";

    public sealed record CounterChoice(Guid Id, string Label);
}
