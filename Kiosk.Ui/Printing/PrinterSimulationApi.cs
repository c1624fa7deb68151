using Microsoft.AspNetCore.Http.HttpResults;
using QueueKiosk.Devices.EscPos;

namespace QueueKiosk.KioskUi.Printing;

/// <summary>
/// Demo and test controls of the virtual printer (only mapped with Printer:Transport=Virtual):
/// put it out of paper or back, to see what citizens and supervisors would see.
/// </summary>
public static class PrinterSimulationApi
{
    public static IEndpointRouteBuilder MapPrinterSimulation(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<VirtualPrinterHost>() is null)
        {
            return endpoints;
        }

        var group = endpoints.MapGroup("/simulation/printer");
        group.MapPost("/{state}", SetState);
        group.MapGet("/", (VirtualPrinterHost host) => TypedResults.Ok(new { state = host.Transport.PrinterState.ToString(), folder = host.Folder }));
        return endpoints;
    }

    /// <summary>state: online, paper-out, paper-low, cover-open, offline.</summary>
    public static Results<Ok<string>, BadRequest<string>> SetState(string state, VirtualPrinterHost host)
    {
        PrinterStatus? status = state switch
        {
            "online" => PrinterStatus.Online,
            "paper-out" => PrinterStatus.Online | PrinterStatus.PaperOut,
            "paper-low" => PrinterStatus.Online | PrinterStatus.PaperNearEnd,
            "cover-open" => PrinterStatus.Online | PrinterStatus.CoverOpen,
            "offline" => PrinterStatus.Offline,
            _ => null,
        };
        if (status is null)
        {
            return TypedResults.BadRequest($"unknown state '{state}': use online, paper-out, paper-low, cover-open or offline");
        }

        host.Transport.PrinterState = status.Value;
        return TypedResults.Ok(status.Value.ToString());
    }
}
