using QueueKiosk.CounterDisplay;
using QueueKiosk.Devices.Processes;

var builder = WebApplication.CreateBuilder(args);
// Under systemd (Type=notify): READY=1 once started, STOPPING=1, journald log format (hardware-docs/systemd.md).
builder.Services.AddQueueKioskSystemd();
builder.AddCounterDisplay();
var app = builder.Build();
app.MapCounterDisplay();
app.Run();

public partial class Program;
