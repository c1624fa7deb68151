using Microsoft.AspNetCore.Hosting.StaticWebAssets;

namespace QueueKiosk.HubServer.Pages;

/// <summary>The officer console: Razor Pages under /officer with their scripts in wwwroot/officer.</summary>
public static class OfficerConsoleExtensions
{
    public static IServiceCollection AddOfficerConsole(this IServiceCollection services)
    {
        services.AddRazorPages();
        return services;
    }

    public static WebApplication MapOfficerConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Run from the build folder (./run.sh, the end-to-end tests) there is no wwwroot next to
        // the DLL outside Development: serve the project's files through the build's static web
        // assets manifest, as Development does. A published app has its own wwwroot.
        if (string.IsNullOrEmpty(app.Environment.WebRootPath) || !Directory.Exists(app.Environment.WebRootPath))
        {
            StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, app.Configuration);
        }

        app.UseStaticFiles();
        app.MapRazorPages();
        // Administrators type /admin: the administration pages live with the supervisor's.
        app.MapGet("/admin", () => Results.Redirect("/supervisor/settings")).ExcludeFromDescription();
        return app;
    }
}
