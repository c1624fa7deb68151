using System.Reflection;
using QueueKiosk.Bench;

// Scenarios are found by reflection so each one lives in its own file under Scenarios/.
var scenarios = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IScenario).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
    .Select(t => (IScenario)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

var chosen = args.Length > 0 ? scenarios.FirstOrDefault(s => s.Name == args[0]) : null;
if (chosen is null)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/QueueKiosk.Bench -- <scenario> [options]");
    foreach (var s in scenarios)
    {
        Console.Error.WriteLine($"  {s.Name,-20} {s.Description}");
    }
    return 2;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
return await chosen.RunAsync(args[1..], cts.Token);
