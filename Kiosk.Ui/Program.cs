using QueueKiosk.KioskUi;
using QueueKiosk.KioskUi.Api;
using QueueKiosk.KioskUi.Printing;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddKiosk();
builder.Services.AddKioskPrinter(builder.Configuration);
builder.Services.AddRazorPages();

var app = builder.Build();
app.UseStaticFiles();
app.MapKioskApi();
app.MapPrinterSimulation();
app.MapRazorPages();
app.Run();

/// <summary>Visible to WebApplicationFactory in tests.</summary>
public partial class Program;
