using System.Reflection;
using System.Text;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Realtime;

/// <summary>
/// The browser's copy of Hub.Client's contract constants, served at <see cref="HubRoutes.ContractScript"/>
/// and built from the classes themselves at start, so the pages' event names, hub methods and
/// routes cannot drift from the server's: <c>window.QkHub = { routes, methods, events,
/// supervisionEvents, counterActions, path(template, values) }</c>.
/// </summary>
public static class HubContractScript
{
    private static readonly Lazy<string> Text = new(Build);

    public static string Content => Text.Value;

    public static IEndpointRouteBuilder MapHubContractScript(this IEndpointRouteBuilder app)
    {
        app.MapGet(HubRoutes.ContractScript, () => Results.Text(Content, "text/javascript; charset=utf-8"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static string Build()
    {
        var js = new StringBuilder();
        js.AppendLine("// Served by Hub.Server from Hub.Client/Contracts (HubRoutes, HubMethods, HubEvents,");
        js.AppendLine("// SupervisionEvents, CounterActions): the browser pages take every name from here.");
        js.AppendLine("\"use strict\";");
        js.AppendLine();
        js.AppendLine("window.QkHub = Object.freeze({");
        Append(js, "routes", typeof(HubRoutes));
        Append(js, "methods", typeof(HubMethods));
        Append(js, "events", typeof(HubEvents));
        Append(js, "supervisionEvents", typeof(SupervisionEvents));
        Append(js, "counterActions", typeof(CounterActions));
        js.AppendLine("  // Fills a route template: path(routes.Counter, { counterId }) -> /api/counters/<id>.");
        js.AppendLine("  path(template, values) {");
        js.AppendLine("    return template.replace(/\\{(\\w+)(:[^}]*)?\\}/g, (_, name) => encodeURIComponent(values[name]));");
        js.AppendLine("  },");
        js.AppendLine("});");
        return js.ToString();
    }

    private static void Append(StringBuilder js, string name, Type constants)
    {
        js.Append("  ").Append(name).AppendLine(": Object.freeze({");
        foreach (var field in constants.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
        {
            js.Append("    ").Append(field.Name).Append(": ").Append(JsonSerializer.Serialize((string)field.GetRawConstantValue()!)).AppendLine(",");
        }

        js.AppendLine("  }),");
    }
}
