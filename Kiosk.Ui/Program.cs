using QueueKiosk.Devices.Processes;
using QueueKiosk.KioskUi;
using QueueKiosk.KioskUi.Api;
using QueueKiosk.KioskUi.Printing;

var builder = WebApplication.CreateBuilder(args);
// Run from the build folder (./run.sh, end-to-end tests) there is no wwwroot next to the DLL
// outside Development: serve the project's files through the static web assets manifest.
if (!Directory.Exists(builder.Environment.WebRootPath))
{
    builder.WebHost.UseStaticWebAssets();
}

// Under systemd (Type=notify): READY=1 once started, STOPPING=1, journald log format (hardware-docs/systemd.md).
builder.Services.AddQueueKioskSystemd();
builder.Services.AddKiosk();
builder.Services.AddKioskPrinter(builder.Configuration);
builder.Services.AddRazorPages();
builder.Services.AddKioskApiLimits();

var app = builder.Build();
app.UseStaticFiles();
app.UseRateLimiter();
app.MapKioskApi();
app.MapPrinterSimulation();
app.MapRazorPages();
app.Run();

/// <summary>Visible to WebApplicationFactory in tests.</summary>
public partial class Program;
