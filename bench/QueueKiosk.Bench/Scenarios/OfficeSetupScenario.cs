using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QueueKiosk.Bench.Support;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Services;
using QueueKiosk.HubServer.Administration.SiteSettings;

namespace QueueKiosk.Bench.Scenarios;

/// <summary>
/// Puts a large office into service from an empty production database (issue 9, "Done when"), as an
/// installer and an administrator would: the first admin by the hub's `admin create` command, then
/// only the HTTP API with the admin's cookie: the site settings, 20 services, 50 counters, 200 staff
/// accounts, a generated 2,000-procedure catalogue (.csv in the columns of docs/administration-import.md)
/// previewed then committed, everything read back and counted; then a kiosk key takes a number for an
/// imported procedure and an officer (changing the password an admin set) calls it at a counter.
/// Every loop is bounded in count and by the time budget; the hub listens on 127.0.0.1 only.
/// </summary>
public sealed class OfficeSetupScenario : IScenario
{
    private const int ServiceCount = 20;
    private const int CounterCount = 50;
    private const int OfficerCount = 180;
    private const int SupervisorCount = 20;
    private const int ProcedureCount = 2000;
    private const string AdminUser = "quantri";
    private const string AdminPassword = "QuanTri2026";
    private const string StaffPassword = "MatKhau2026";
    private const string OfficerNewPassword = "CanBoMoi2026";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The header row of docs/samples/thu-tuc-mau.csv: the generated file has the same columns.</summary>
    private static readonly string[] Header =
        ["STT", "Mã thủ tục", "Tên thủ tục", "Tên tiếng Anh", "Lĩnh vực", "Lĩnh vực (tiếng Anh)", "Cấp thực hiện", "Cơ quan thực hiện",
            "Thời hạn giải quyết", "Phí, lệ phí", "Thành phần hồ sơ", "Căn cứ pháp lý"];

    private static readonly string[] Fees = ["Miễn phí", "50.000 đồng", "Lệ phí: 50.000 đồng; Phí: 30.000 đồng", "20.000 đồng/bản", "0,1% giá trị tài sản", "Theo Nghị quyết của HĐND tỉnh"];

    public string Name => "office-setup";

    public string Description => "--db sqlite|postgres [--seconds 600]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var db = Option(args, "--db", "sqlite");
        var seconds = int.Parse(Option(args, "--seconds", "600"), CultureInfo.InvariantCulture);
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

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeSpan.FromSeconds(seconds));
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider,
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Demo:Enabled"] = "false",
            // The bench runs at any hour: the opening hours it sets must not decide whether a number is issued.
            ["Queue:IgnoreOpeningHours"] = "true",
            ["Supervision:DemoCameras"] = "false",
        };

        var setup = Stopwatch.StartNew();
        var steps = new Steps();
        // As an installer would, before the first start: the command migrates the empty database and creates the admin.
        steps.Check("admin create", await CreateFirstAdminAsync(settings, budget.Token));

        await using var hub = await BenchHosts.StartHubAsync(settings, budget.Token);
        Console.WriteLine($"hub: {hub.BaseAddress} pid={hub.ProcessId} db={db} (production, no demo)");

        var importMs = -1L;
        var importRows = 0;
        try
        {
            using var admin = NewClient(hub.BaseAddress, null);
            var me = await PostAsync<MeDto>(admin, HubRoutes.Login, new LoginRequest(AdminUser, AdminPassword), budget.Token);
            steps.Check("admin sign-in", me is { Role: OfficerRole.Admin, MustChangePassword: false });

            var site = await PutAsync<SiteSettingsDto>(admin, HubRoutes.AdminSite, SiteRequest(), budget.Token);
            steps.Check("site settings", site is { Name: "Trung tâm Phục vụ hành chính công (bench)" });

            var phase = Stopwatch.StartNew();
            var services = await CreateServicesAsync(admin, budget.Token);
            steps.Check("services", services.Count == ServiceCount);
            var counters = await CreateCountersAsync(admin, services, budget.Token);
            steps.Check("counters", counters.Count == CounterCount);
            var staff = await CreateStaffAsync(admin, counters, budget.Token);
            steps.Check("staff", staff == OfficerCount + SupervisorCount);
            Console.WriteLine($"services, counters and staff accounts created in {phase.ElapsedMilliseconds} ms");

            var file = CatalogueCsv();
            Console.WriteLine($"catalogue file: {ProcedureCount} procedures in {ServiceCount} fields, {file.Length / 1024} KiB");
            var clock = Stopwatch.StartNew();
            var preview = await ImportAsync(admin, file, preview: true, budget.Token);
            var previewMs = clock.ElapsedMilliseconds;
            steps.Check("import preview", preview is { Committed: false, ErrorCount: 0, RowCount: ProcedureCount, Created: ProcedureCount });
            clock.Restart();
            var committed = await ImportAsync(admin, file, preview: false, budget.Token);
            importMs = clock.ElapsedMilliseconds;
            importRows = committed?.RowCount ?? 0;
            steps.Check("import commit", committed is { Committed: true, ErrorCount: 0, Created: ProcedureCount });
            Console.WriteLine($"import: preview {preview?.RowCount} rows in {previewMs} ms, commit {importMs} ms");

            // A new office's first file brings its fields and no service: map field i to service i, as the catalogue page would.
            var fields = await GetAsync<List<FieldAdminDto>>(admin, HubRoutes.AdminFields, budget.Token) ?? [];
            steps.Check("fields read back", fields.Count == ServiceCount && fields.All(f => f.ProcedureCount == ProcedureCount / ServiceCount));
            steps.Check("services mapped", await MapFieldsAsync(admin, services, fields, budget.Token));

            steps.Check("counts read back", await CountsMatchAsync(admin, budget.Token));
            steps.Check("take a number and call", await TakeAndCallAsync(hub.BaseAddress, admin, services, counters, budget.Token));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException)
        {
            steps.Check($"no exception ({ex.GetType().Name}: {ex.Message})", false);
        }

        var setupMs = setup.ElapsedMilliseconds;
        Console.WriteLine($"steps: {steps.Passed} passed, {steps.Failed} failed");
        var ok = steps.Failed == 0 && importRows == ProcedureCount;
        Console.WriteLine($"RESULT office-setup ok={(ok ? 1 : 0)} import_rows={importRows} import_ms={importMs} setup_ms={setupMs}");
        return ok ? 0 : 1;
    }

    /// <summary>Counts passed and failed steps, saying each failure on the console.</summary>
    private sealed class Steps
    {
        public int Passed { get; private set; }

        public int Failed { get; private set; }

        public void Check(string step, bool ok)
        {
            if (ok)
            {
                Passed++;
                return;
            }

            Failed++;
            Console.WriteLine($"FAILED: {step}");
        }
    }

    /// <summary>`dotnet Hub.Server.dll admin create ...` with the hub's configuration, as docs/administration.md tells an installer.</summary>
    private static async Task<bool> CreateFirstAdminAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken ct)
    {
        var dll = RepoPaths.HostDll("Hub.Server");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "admin", "create", "--user", AdminUser, "--password", AdminPassword, "--name", "Quản trị viên" })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Console.WriteLine($"admin create: exit {process.ExitCode}: {(await output).Trim()} {(await error).Trim()}");
        return process.ExitCode == 0;
    }

    private static UpdateSiteRequest SiteRequest()
    {
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var week = weekdays.Select(d => new WeekdayHoursDto(d, new SessionDto("07:30", "11:30"), new SessionDto("13:00", "17:00")))
            .Append(new WeekdayHoursDto(DayOfWeek.Saturday, new SessionDto("07:30", "11:30"), null))
            .ToList();
        return new UpdateSiteRequest("Trung tâm Phục vụ hành chính công (bench)", "1 Đường Trần Phú, Phường 1", "Asia/Ho_Chi_Minh",
            "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "Vui lòng chờ đến lượt", "Cảm ơn quý khách", 90, week);
    }

    /// <summary>Services A..T, each its own prefix and range 1-999.</summary>
    private static async Task<List<ServiceAdminDto>> CreateServicesAsync(HttpClient admin, CancellationToken ct)
    {
        var created = new List<ServiceAdminDto>();
        for (var i = 0; i < ServiceCount; i++)
        {
            var letter = ((char)('A' + i)).ToString();
            var request = new CreateServiceRequest("DV" + (i + 1).ToString("00", CultureInfo.InvariantCulture), $"Lĩnh vực {i + 1}", $"Field {i + 1}",
                Prefix: letter, SortOrder: i + 1);
            if (await PostAsync<ServiceAdminDto>(admin, HubRoutes.AdminServices, request, ct) is { } service)
            {
                created.Add(service);
            }
        }

        return created;
    }

    /// <summary>Counters 1..50, counter n calling services (n-1) mod 20 then n mod 20, in that order.</summary>
    private static async Task<List<CounterAdminDto>> CreateCountersAsync(HttpClient admin, List<ServiceAdminDto> services, CancellationToken ct)
    {
        var created = new List<CounterAdminDto>();
        for (var n = 1; n <= CounterCount && services.Count == ServiceCount; n++)
        {
            var request = new CreateCounterRequest(n, $"Quầy {n}", [services[(n - 1) % ServiceCount].Id, services[n % ServiceCount].Id], LedAddress: n);
            if (await PostAsync<CounterAdminDto>(admin, HubRoutes.AdminCounters, request, ct) is { } counter)
            {
                created.Add(counter);
            }
        }

        return created;
    }

    /// <summary>180 officers (canbo001.., each allowed at two neighbouring counters) and 20 supervisors; four requests at a time (each hashes a password).</summary>
    private static async Task<int> CreateStaffAsync(HttpClient admin, List<CounterAdminDto> counters, CancellationToken ct)
    {
        if (counters.Count != CounterCount)
        {
            return 0;
        }

        var requests = Enumerable.Range(1, OfficerCount)
            .Select(i => new CreateStaffRequest($"canbo{i:000}", $"Cán bộ {i}", OfficerRole.Officer, StaffPassword,
                [counters[(i - 1) % CounterCount].Id, counters[i % CounterCount].Id]))
            .Concat(Enumerable.Range(1, SupervisorCount).Select(i => new CreateStaffRequest($"giamsat{i:00}", $"Giám sát {i}", OfficerRole.Supervisor, StaffPassword)))
            .ToList();
        var created = 0;
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (request, token) =>
        {
            if (await PostAsync<StaffDto>(admin, HubRoutes.AdminStaff, request, token) is not null)
            {
                Interlocked.Increment(ref created);
            }
        });
        return created;
    }

    /// <summary>
    /// The province-style file: a title row, the header of docs/samples/thu-tuc-mau.csv, then 2,000
    /// procedures in 20 fields with fees, documents and legal basis of the forms the import reads.
    /// </summary>
    private static byte[] CatalogueCsv()
    {
        var csv = new StringBuilder();
        csv.Append("\"DANH MỤC THỦ TỤC HÀNH CHÍNH - DỮ LIỆU SINH RA BỞI QUEUEKIOSK.BENCH\"").Append(',', Header.Length - 1).Append("\r\n");
        csv.AppendJoin(',', Header.Select(Quote)).Append("\r\n");
        for (var i = 1; i <= ProcedureCount; i++)
        {
            var field = (i - 1) % ServiceCount + 1;
            string[] cells =
            [
                i.ToString(CultureInfo.InvariantCulture),
                $"2.{i:000000}",
                $"Thủ tục hành chính số {i} thuộc lĩnh vực {field}",
                $"Administrative procedure {i}",
                $"Lĩnh vực {field}",
                $"Field {field}",
                i % 3 == 0 ? "Cấp tỉnh" : "Cấp xã",
                "Ủy ban nhân dân cấp xã",
                $"{i % 15 + 1} ngày làm việc",
                Fees[i % Fees.Length],
                $"- Tờ khai (bản chính: 01, bản sao: 0)\n- Giấy tờ tùy thân số {i} (01 bản chính, 01 bản sao)\n- Giấy ủy quyền nếu có",
                "Luật Hộ tịch số 60/2014/QH13\nNghị định số 123/2015/NĐ-CP",
            ];
            csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString().Normalize(NormalizationForm.FormC))];
    }

    private static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<CatalogueImportResultDto?> ImportAsync(HttpClient admin, byte[] file, bool preview, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, CatalogueImportForm.File, "danh-muc-2000.csv");
        form.Add(new StringContent("true"), CatalogueImportForm.CreateFields);
        var path = preview ? $"{HubRoutes.AdminCatalogueImport}?{CatalogueImportForm.Preview}=true" : HubRoutes.AdminCatalogueImport;
        using var response = await admin.PostAsync(new Uri(path, UriKind.Relative), form, ct);
        return await ReadAsync<CatalogueImportResultDto>(response, path, ct);
    }

    private static async Task<bool> MapFieldsAsync(HttpClient admin, List<ServiceAdminDto> services, List<FieldAdminDto> fields, CancellationToken ct)
    {
        var mapped = 0;
        foreach (var (service, index) in services.Select((s, i) => (s, i)))
        {
            var field = fields.FirstOrDefault(f => f.Name == $"Lĩnh vực {index + 1}");
            if (field is null)
            {
                continue;
            }

            var request = new CreateServiceRequest(service.Code, service.Name, service.NameEn, service.Prefix, service.Digits, service.RangeStart, service.RangeEnd,
                service.WaitTargetMinutes, service.MaxWaitMinutes, service.DefaultServiceSeconds, service.AcceptedPriorities, FieldIds: [field.Id],
                SortOrder: service.SortOrder);
            if (await PutAsync<ServiceAdminDto>(admin, HubRoutes.AdminServices + "/" + service.Id, request, ct) is { } updated
                && updated.ProcedureIds.Count == ProcedureCount / ServiceCount)
            {
                mapped++;
            }
        }

        return mapped == ServiceCount;
    }

    /// <summary>Everything the setup wrote, listed back through the administration API.</summary>
    private static async Task<bool> CountsMatchAsync(HttpClient admin, CancellationToken ct)
    {
        var services = await GetAsync<List<ServiceAdminDto>>(admin, HubRoutes.AdminServices, ct) ?? [];
        var counters = await GetAsync<List<CounterAdminDto>>(admin, HubRoutes.AdminCounters, ct) ?? [];
        var staff = await GetAsync<List<StaffDto>>(admin, HubRoutes.AdminStaff, ct) ?? [];
        var procedures = await GetAsync<List<ProcedureAdminDto>>(admin, HubRoutes.AdminProcedures, ct) ?? [];
        var site = await GetAsync<SiteSettingsDto>(admin, HubRoutes.AdminSite, ct);
        Console.WriteLine($"read back: services={services.Count} counters={counters.Count} staff={staff.Count} procedures={procedures.Count} "
            + $"procedures_with_service={procedures.Count(p => p.ServiceId is not null)} site='{site?.Name}' hours='{site?.OpeningHours}'");
        return services.Count(s => s.Active) == ServiceCount
            && counters.Count(c => c.Active && c.Services.Count == 2) == CounterCount
            // The 200 accounts and the first admin.
            && staff.Count == OfficerCount + SupervisorCount + 1
            && staff.Count(s => s.Role == OfficerRole.Officer && s.CounterIds.Count == 2) == OfficerCount
            && staff.Count(s => s.Role == OfficerRole.Supervisor) == SupervisorCount
            && procedures.Count(p => p.Active && p.ServiceId is not null && p.Documents.Count == 3) == ProcedureCount
            && site is { KioskIdleSeconds: 90 };
    }

    /// <summary>A kiosk key takes a number for an imported procedure; officer canbo001 signs in at counter 1, changes the forced password and calls next.</summary>
    private static async Task<bool> TakeAndCallAsync(Uri baseAddress, HttpClient admin, List<ServiceAdminDto> services, List<CounterAdminDto> counters,
        CancellationToken ct)
    {
        var device = await PostAsync<CreatedDeviceDto>(admin, HubRoutes.AdminDevices, new CreateDeviceRequest(DeviceKind.Kiosk, "Kiosk sảnh"), ct);
        if (device is null)
        {
            return false;
        }

        using var kiosk = NewClient(baseAddress, device.Key);
        var procedures = await GetAsync<List<ProcedureDto>>(kiosk, HubRoutes.Procedures, ct) ?? [];
        // Counter 1 calls services A and B; procedure 2.000001 is in field 1, mapped to service A.
        var procedure = procedures.FirstOrDefault(p => p.Code == "2.000001" && p.ServiceId == services[0].Id);
        var ticket = procedure is null ? null : await PostAsync<TicketDto>(kiosk, HubRoutes.Tickets, new IssueTicketRequest(ProcedureId: procedure.Id), ct);
        Console.WriteLine($"kiosk: {procedures.Count} procedures offered, ticket {ticket?.Number ?? "none"}");
        if (ticket is null)
        {
            return false;
        }

        using var officer = NewClient(baseAddress, null);
        var me = await PostAsync<MeDto>(officer, HubRoutes.Login, new LoginRequest("canbo001", StaffPassword, counters[0].Id), ct);
        if (me is null)
        {
            return false;
        }

        if (me.MustChangePassword
            && await PostAsync<MeDto>(officer, HubRoutes.OwnPassword, new ChangeOwnPasswordRequest(StaffPassword, OfficerNewPassword), ct) is not { MustChangePassword: false })
        {
            return false;
        }

        var called = await PostAsync<TicketDto>(officer, HubRoutes.CounterAction(counters[0].Id, CounterActions.CallNext), null, ct);
        Console.WriteLine($"officer {me.UserName} at counter {me.CounterNumber} (forced change: {me.MustChangePassword}) called {called?.Number ?? "nothing"}");
        return called is not null && called.Id == ticket.Id;
    }

    /// <summary>A client with its own cookie jar (the sign-in's cookie, renewed by a password change) or a device key.</summary>
    private static HttpClient NewClient(Uri baseAddress, string? deviceKey)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (deviceKey is not null)
        {
            http.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, deviceKey);
        }

        return http;
    }

    private static async Task<T?> GetAsync<T>(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
        return await ReadAsync<T>(response, path, ct);
    }

    private static async Task<T?> PostAsync<T>(HttpClient client, string path, object? body, CancellationToken ct)
    {
        using var response = body is null
            ? await client.PostAsync(new Uri(path, UriKind.Relative), null, ct)
            : await client.PostAsJsonAsync(path, body, Json, ct);
        return await ReadAsync<T>(response, path, ct);
    }

    private static async Task<T?> PutAsync<T>(HttpClient client, string path, object body, CancellationToken ct)
    {
        using var response = await client.PutAsJsonAsync(path, body, Json, ct);
        return await ReadAsync<T>(response, path, ct);
    }

    /// <summary>The answer's body, or null (said on the console with the problem's text) when the request did not succeed.</summary>
    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, string path, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, ct);
        }

        var text = await response.Content.ReadAsStringAsync(ct);
        Console.WriteLine($"{path}: {(int)response.StatusCode} {(text.Length <= 300 ? text : text[..300] + "...")}");
        return default;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
