using QueueKiosk.Devices.Processes;
using QueueKiosk.HubServer;
using QueueKiosk.HubServer.Cli;

if (HubCommands.IsCommand(args))
{
    // Set-up commands (admin create, device create): same configuration and database, no web server.
    var commandBuilder = WebApplication.CreateBuilder(HubCommands.ConfigurationArgs(args));
    commandBuilder.AddHubServer();
    await using var commandApp = commandBuilder.Build();
    await commandApp.Services.PrepareDatabaseAsync();
    return await HubCommands.RunAsync(args, commandApp.Services, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);
// Under systemd (Type=notify): READY=1 once started, STOPPING=1, journald log format (hardware-docs/systemd.md).
builder.Services.AddQueueKioskSystemd();
builder.AddHubServer();
var app = builder.Build();
await app.Services.PrepareDatabaseAsync();
app.MapHubServer();
await app.RunAsync();
return 0;

public partial class Program;
