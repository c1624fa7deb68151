using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QueueKiosk.Bench.Support;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.Bench.Scenarios;

/// <summary>
/// Walks every operation of the hub's own OpenAPI document (issue 15) with malformed bodies, wrong
/// types, huge and control-character strings, overflowing numbers, hostile dates, ranges and paths,
/// as an anonymous caller, a kiosk key and the admin, while a well-behaved kiosk and officer keep
/// issuing and serving tickets beside it. A hub answer of 500 or more to any fuzzed request is a
/// server error; an honest request that does not succeed is an honest failure. Bounded in count
/// and time; the hub listens on 127.0.0.1 only.
/// </summary>
public sealed class FuzzScenario : IScenario
{
    private const string DemoPassword = "Demo@123";
    private const string KioskKey = "demo-kiosk-key-0001";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Values that once broke something, or could: NUL and escapes, half an emoji, a thousand emoji, a megabyte.</summary>
    private static readonly string[] HostileStrings =
    [
        "", " ", "a\u0000b", "\u001b[31mred", "\ud83d", string.Concat(Enumerable.Repeat("🖨", 1000)), new string('x', 300_000),
        "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "' OR 1=1 --", "<script>alert(1)</script>", "Tiếng Việt",
    ];

    private static readonly string[] HostileNumbers = ["-1", "0", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e400", "1.5", "\"12\"", "null", "true"];

    private static readonly string[] HostileDates = ["0001-01-01", "9999-12-31T23:59:59Z", "2026-02-30", "-1", "now", "2026-11-23T09:00:00+25:00"];

    private static readonly string[] HostileRaw =
    [
        "", "{", "null", "[]", "\"x\"", "42", "{\"a\":", new string('[', 10_000) + new string(']', 10_000), "\u0000", "{\"serviceId\":{}}",
    ];

    private static readonly string[] HostileRanges = ["bytes=00-", "Bytes=0-", "bytes=-100000000", "bytes=0-0,1-1,2-2,3-3,4-4,5-5", "bytes=99999999999999999999-", "bytes=x"];

    public string Name => "fuzz";

    public string Description => "--db sqlite|postgres [--max-requests 3100] [--seconds 240]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var db = Option(args, "--db", "sqlite");
        var maxRequests = int.Parse(Option(args, "--max-requests", "3100"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option(args, "--seconds", "240"), CultureInfo.InvariantCulture);
        if (db is not ("sqlite" or "postgres"))
        {
            Console.Error.WriteLine("--db must be sqlite or postgres");
            return 2;
        }

        await using var database = await BenchDatabase.TryCreateAsync(db, cancellationToken);
        if (database is null)
        {
            return 2;
        }

        await using var hub = await BenchHosts.StartHubAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider,
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Demo:Enabled"] = "true",
            ["Queue:IgnoreOpeningHours"] = "true",
            ["Supervision:DemoCameras"] = "false",
            ["Security:PublishOpenApi"] = "true",
        }, cancellationToken);
        Console.WriteLine($"hub: {hub.BaseAddress} pid={hub.ProcessId} db={db} max_requests={maxRequests} seconds={seconds}");

        // Everyone signs in before the fuzzing: its wrong sign-ins soon lock this address out of signing in.
        var adminCookie = await SignInAsync(hub.BaseAddress, "quantri", null, cancellationToken);
        using var anonymous = NewClient(hub.BaseAddress, null, null);
        using var kiosk = NewClient(hub.BaseAddress, null, KioskKey);
        using var admin = NewClient(hub.BaseAddress, adminCookie, null);
        var snapshot = (await kiosk.GetFromJsonAsync<QueueSnapshotDto>(HubRoutes.OwnSnapshot, Json, cancellationToken))!;
        var counter = snapshot.Counters.Single(c => c.Number == 1).Id;
        using var officer = NewClient(hub.BaseAddress, await SignInAsync(hub.BaseAddress, "canbo1", counter, cancellationToken), null);
        var services = (await anonymous.GetFromJsonAsync<List<ServiceDto>>(HubRoutes.Services, Json, cancellationToken))!;
        var serviceA = services.Single(s => s.Code == "A").Id;
        var document = await admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Json, cancellationToken);

        var requests = BuildRequests(document).ToList();
        Console.WriteLine($"operations: {document.GetProperty("paths").EnumerateObject().Sum(p => p.Value.EnumerateObject().Count())}, fuzz requests built: {requests.Count}");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        var honest = Task.Run(() => HonestAsync(kiosk, officer, serviceA, counter, stop.Token), CancellationToken.None);

        var sent = 0;
        var serverErrors = 0;
        var byStatus = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        HttpClient[] callers = [anonymous, kiosk, admin];
        foreach (var request in requests)
        {
            if (sent >= maxRequests || stop.IsCancellationRequested)
            {
                break;
            }

            var caller = callers[sent % callers.Length];
            var status = await SendAsync(caller, request, stop.Token);
            sent++;
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            if (status >= 500 || status == 0)
            {
                serverErrors++;
                Console.WriteLine($"server error {status}: {request.Method} {Shorten(request.Path)} body={Shorten(request.Body ?? "")}");
            }
        }

        await stop.CancelAsync();
        var (honestSent, honestFailed) = await honest;
        Console.WriteLine($"fuzzed {sent} requests in {clock.Elapsed.TotalSeconds:F0} s; answers: {string.Join(' ', byStatus.Select(s => $"{s.Key}x{s.Value}"))}");
        Console.WriteLine($"honest requests beside it: {honestSent}, failed: {honestFailed}");
        Console.WriteLine($"RESULT fuzz db={db} requests={sent} server_errors={serverErrors} honest_failures={honestFailed}");
        return serverErrors == 0 && honestFailed == 0 ? 0 : 1;
    }

    private sealed record FuzzRequest(HttpMethod Method, string Path, string? Body, string? Range);

    private static IEnumerable<FuzzRequest> BuildRequests(JsonElement document)
    {
        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s) ? s : default;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                if (path.Name == HubRoutes.Auth + "/logout")
                {
                    continue; // would only sign the admin out, testing nothing
                }

                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                var routeValues = parameters.Where(x => x.GetProperty("in").GetString() == "path").Select(x => x.GetProperty("name").GetString()!).ToList();
                var queryNames = parameters.Where(x => x.GetProperty("in").GetString() == "query").Select(x => (Name: x.GetProperty("name").GetString()!, Kind: KindOf(x.GetProperty("schema")))).ToList();

                // Hostile route values.
                foreach (var value in HostileStrings.Concat(["00000000-0000-0000-0000-000000000000", Guid.NewGuid().ToString()]))
                {
                    yield return new FuzzRequest(method, Fill(path.Name, routeValues, value), method == HttpMethod.Get ? null : "{}", null);
                }

                // Hostile query values, one parameter at a time.
                foreach (var (name, kind) in queryNames)
                {
                    foreach (var value in ValuesOf(kind))
                    {
                        yield return new FuzzRequest(method, Fill(path.Name, routeValues, Guid.NewGuid().ToString()) + "?" + name + "=" + Uri.EscapeDataString(Unquote(value)), null, null);
                    }
                }

                // Hostile ranges on anything that serves files.
                if (path.Name.Contains("recordings", StringComparison.Ordinal))
                {
                    foreach (var range in HostileRanges)
                    {
                        yield return new FuzzRequest(method, Fill(path.Name, routeValues, "x.mp4"), null, range);
                    }
                }

                if (method == HttpMethod.Get)
                {
                    continue;
                }

                var target = Fill(path.Name, routeValues, Guid.NewGuid().ToString());
                foreach (var raw in HostileRaw)
                {
                    yield return new FuzzRequest(method, target, raw, null);
                }

                foreach (var body in Bodies(operation.Value, schemas))
                {
                    yield return new FuzzRequest(method, target, body, null);
                }
            }
        }
    }

    /// <summary>For each property of the body's schema, every hostile value of its kind; then all of them at once.</summary>
    private static IEnumerable<string> Bodies(JsonElement operation, JsonElement schemas)
    {
        if (!operation.TryGetProperty("requestBody", out var body)
            || !body.GetProperty("content").TryGetProperty("application/json", out var json)
            || !json.TryGetProperty("schema", out var schema))
        {
            yield break;
        }

        schema = Resolve(schema, schemas);
        if (!schema.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        var all = new List<string>();
        foreach (var property in properties.EnumerateObject())
        {
            var values = ValuesOf(KindOf(Resolve(property.Value, schemas))).ToList();
            foreach (var value in values)
            {
                yield return $"{{{JsonSerializer.Serialize(property.Name)}:{value}}}";
            }

            all.Add($"{JsonSerializer.Serialize(property.Name)}:{values[^1]}");
        }

        yield return "{" + string.Join(',', all) + "}";
    }

    private static IEnumerable<string> ValuesOf(string kind) => kind switch
    {
        "integer" or "number" => HostileNumbers,
        "date-time" or "date" => HostileDates.Select(d => JsonSerializer.Serialize(d)),
        "uuid" => ["\"not-a-guid\"", "\"00000000-0000-0000-0000-000000000000\"", "123", "null"],
        "boolean" => ["\"yes\"", "2", "null"],
        "array" => ["[]", "[null]", "[\"not-a-guid\"]", "[" + string.Join(',', Enumerable.Repeat("\"00000000-0000-0000-0000-000000000001\"", 5000)) + "]", "{}"],
        _ => HostileStrings.Select(v => JsonSerializer.Serialize(v)).Concat(["123", "{}", "[]"]),
    };

    private static string KindOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return "string";
        }

        if (schema.TryGetProperty("format", out var format) && format.GetString() is "uuid" or "date-time" or "date")
        {
            return format.GetString()!;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var text = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") : type.GetString();
            return text ?? "string";
        }

        return "string";
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object)
        {
            var name = reference.GetString()!.Split('/')[^1];
            return schemas.TryGetProperty(name, out var resolved) ? resolved : schema;
        }

        return schema;
    }

    private static string Fill(string template, List<string> names, string value)
    {
        var path = template;
        foreach (var name in names)
        {
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return path;
    }

    private static string Unquote(string json) => json.Length >= 2 && json[0] == '"' && json[^1] == '"' ? JsonSerializer.Deserialize<string>(json)! : json;

    private static async Task<int> SendAsync(HttpClient client, FuzzRequest fuzz, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(fuzz.Method, new Uri(fuzz.Path, UriKind.Relative));
        if (fuzz.Body is not null)
        {
            request.Content = new StringContent(fuzz.Body, Encoding.UTF8, "application/json");
        }

        if (fuzz.Range is not null)
        {
            request.Headers.TryAddWithoutValidation("Range", fuzz.Range);
        }

        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException ex)
        {
            Console.WriteLine($"no answer: {ex.Message}");
            return 0;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            Console.WriteLine("no answer within the client timeout");
            return 0;
        }
    }

    /// <summary>A kiosk issuing and an officer serving, as on any day: every one of their requests must succeed.</summary>
    private static async Task<(int Sent, int Failed)> HonestAsync(HttpClient kiosk, HttpClient officer, Guid service, Guid counter, CancellationToken stop)
    {
        var sent = 0;
        var failed = 0;
        var counterPath = HubRoutes.CounterAction(counter, "");
        // The demo's service A numbers 1..999 a day: stay well inside it.
        while (!stop.IsCancellationRequested && sent < 900)
        {
            var issued = await HonestPostAsync(kiosk, HubRoutes.Tickets, new { serviceId = service });
            var called = await HonestPostAsync(officer, counterPath + CounterActions.CallNext, null);
            sent += 2;
            failed += (issued is null ? 1 : 0) + (called is null ? 1 : 0);
            if (called == HttpStatusCode.OK)
            {
                // Only a called ticket is started and finished: a well-behaved officer.
                var started = await HonestPostAsync(officer, counterPath + CounterActions.Start, null);
                var finished = await HonestPostAsync(officer, counterPath + CounterActions.Finish, null);
                sent += 2;
                failed += (started is null ? 1 : 0) + (finished is null ? 1 : 0);
            }

            try
            {
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (sent, failed);
    }

    /// <summary>The status of a successful answer, or null (said on the console) when it failed.</summary>
    private static async Task<HttpStatusCode?> HonestPostAsync(HttpClient client, string path, object? body)
    {
        try
        {
            using var response = body is null
                ? await client.PostAsync(new Uri(path, UriKind.Relative), null, CancellationToken.None)
                : await client.PostAsJsonAsync(path, body, Json, CancellationToken.None);
            if (response.IsSuccessStatusCode)
            {
                return response.StatusCode;
            }

            Console.WriteLine($"honest {path}: {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync(CancellationToken.None))}");
            return null;
        }
        catch (HttpRequestException ex)
        {
            Console.WriteLine($"honest {path}: {ex.Message}");
            return null;
        }
    }

    private static async Task<string> SignInAsync(Uri baseAddress, string user, Guid? counter, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = baseAddress };
        using var response = await http.PostAsJsonAsync(HubRoutes.Login, new LoginRequest(user, DemoPassword, counter), Json, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"sign in {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return response.Headers.GetValues("Set-Cookie").First().Split(';')[0];
    }

    private static HttpClient NewClient(Uri baseAddress, string? cookie, string? deviceKey)
    {
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (cookie is not null)
        {
            http.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        if (deviceKey is not null)
        {
            http.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, deviceKey);
        }

        return http;
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "...";

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
