using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.Bench.Support;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.Bench.Scenarios;

/// <summary>
/// booking-contention (issue 12): a slot with 40 places of which 20 are already booked, then 500
/// citizens booking it at once over the public API (docs/appointments.md). Exactly the 20 free
/// places must be given, none twice (the database holds no more than 40 bookings in the slot), and
/// every other answer must be a 409 with a sentence. p99 is the time of one booking request.
/// Loopback only; bounded by the attempt count and a time limit.
/// </summary>
public sealed class BookingContentionScenario : IScenario
{
    private const string DemoPassword = "Demo@123";
    private const string Slot = "09:00";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "booking-contention";

    public string Description => "--db sqlite|postgres [--attempts 500] [--free 20] [--seconds 120]: concurrent bookings for a slot's last places";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var db = Option(args, "--db", "sqlite");
        var attempts = Int(args, "--attempts", 500);
        var free = Int(args, "--free", 20);
        var seconds = Int(args, "--seconds", 120);
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
            ["Supervision:DemoCameras"] = "false",
            // Every citizen is on 127.0.0.1 here; in real life they come from many addresses.
            ["Tracking:RequestsPerMinute"] = "1000000",
        }, cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(seconds));
        var ct = limit.Token;

        var cookie = await SignInAsync(hub.BaseAddress, ct);
        using var admin = NewClient(hub.BaseAddress, cookie, 4);
        var services = await admin.GetFromJsonAsync<List<ServiceDto>>(HubRoutes.Services, Json, ct);
        var serviceId = services!.Single(s => s.Code == "A").Id;
        var places = free * 2;
        using (var put = await admin.PutAsJsonAsync(HubRoutes.AdminServiceBookingOf(serviceId), new
        {
            ServiceId = serviceId,
            Enabled = true,
            Days = new[] { 1, 2, 3, 4, 5 },
            SlotTimes = new[] { Slot },
            SlotMinutes = 30,
            PlacesPerSlot = places,
            CheckInBeforeMinutes = 15,
            CheckInAfterMinutes = 10,
            DaysAhead = 14,
            RemoteTicketsAllowed = false,
            RemoteDailyLimitPerPhone = 1,
            ServingRule = "SlotTimeFirst",
        }, Json, ct))
        {
            put.EnsureSuccessStatusCode();
        }

        using var phones = NewClient(hub.BaseAddress, null, 64);
        var days = await phones.GetFromJsonAsync<List<JsonElement>>(HubRoutes.PublicBookingSlotsOf(serviceId), Json, ct);
        var day = days!.First(d => d.GetProperty("slots").EnumerateArray().Any(s => s.GetProperty("time").GetString() == Slot)).GetProperty("day").GetString()!;
        for (var i = 0; i < places - free; i++)
        {
            using var response = await phones.PostAsJsonAsync(HubRoutes.PublicBookings, Booking(serviceId, day, 100_000 + i), Json, ct);
            response.EnsureSuccessStatusCode();
        }

        Console.WriteLine($"booking-contention: hub {hub.BaseAddress} pid={hub.ProcessId} db={db}; slot {Slot} of {day}: {places} places, {free} free, {attempts} citizens at once");
        var latencies = new ConcurrentBag<double>();
        var booked = 0;
        var refused = 0;
        var errors = 0;
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, attempts).Select(async i =>
        {
            await start.WaitAsync(ct);
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await phones.PostAsJsonAsync(HubRoutes.PublicBookings, Booking(serviceId, day, i), Json, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                latencies.Add(watch.Elapsed.TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref booked);
                }
                else if (response.StatusCode == HttpStatusCode.Conflict && HasSentence(body))
                {
                    Interlocked.Increment(ref refused);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                    Console.Error.WriteLine($"unexpected answer {(int)response.StatusCode}: {body}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                Interlocked.Increment(ref errors);
                Console.Error.WriteLine($"request failed: {e.Message}");
            }
        }).ToList();
        start.Release(attempts);
        await Task.WhenAll(tasks);

        // What the slot holds now, as the public page reads it: its places left must agree with the answers.
        var after = await phones.GetFromJsonAsync<List<JsonElement>>(HubRoutes.PublicBookingSlotsOf(serviceId), Json, CancellationToken.None);
        var left = after!.Where(d => d.GetProperty("day").GetString() == day)
            .SelectMany(d => d.GetProperty("slots").EnumerateArray()).Where(s => s.GetProperty("time").GetString() == Slot)
            .Select(s => s.GetProperty("placesLeft").GetInt32()).FirstOrDefault();
        var overbooked = Math.Max(0, booked - free);
        if (left != Math.Max(0, free - booked))
        {
            Console.Error.WriteLine($"the slot shows {left} places left after {booked} bookings");
            errors++;
        }

        var sorted = latencies.Order().ToList();
        var p99 = sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(0.99 * sorted.Count) - 1, 0, sorted.Count - 1)];
        Console.WriteLine($"refused with a sentence (409): {refused}");
        Console.WriteLine(FormattableString.Invariant($"RESULT booking-contention db={db} attempts={attempts} booked={booked} overbooked={overbooked} errors={errors} p99_ms={p99:F0}"));
        return booked == free && overbooked == 0 && errors == 0 ? 0 : 1;
    }

    private static object Booking(Guid serviceId, string day, int citizen) => new
    {
        ServiceId = serviceId,
        Day = day,
        Slot,
        Name = "Công dân thử " + citizen.ToString(CultureInfo.InvariantCulture),
        Phone = "09" + (10_000_000 + citizen).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A 409 ProblemDetails whose detail is a Vietnamese sentence (the slot is full).</summary>
    private static bool HasSentence(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 10 } text && text.EndsWith('.');
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<string> SignInAsync(Uri baseAddress, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = baseAddress };
        using var response = await http.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("quantri", DemoPassword), Json, ct);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Set-Cookie").First().Split(';')[0];
    }

    private static HttpClient NewClient(Uri baseAddress, string? cookie, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = connections })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (cookie is not null)
        {
            http.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        return http;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static int Int(string[] args, string name, int fallback) =>
        int.TryParse(Option(args, name, ""), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
}
