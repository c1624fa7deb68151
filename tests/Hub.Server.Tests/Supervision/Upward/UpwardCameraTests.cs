using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Supervision;
using QueueKiosk.HubServer.Supervision.Upward;
using QueueKiosk.HubServer.Tests.Infrastructure;
using QueueKiosk.TestSupport.Hosts;

namespace QueueKiosk.HubServer.Tests.Supervision.Upward;

/// <summary>
/// The camera link upward (docs/province.md): Hub.Server as a real process with one synthetic camera
/// (a real ffmpeg). The site's supervisor and a province viewer watch the live preview at the same
/// time: still one ffmpeg, and the province's view is in the camera audit.
/// </summary>
public sealed class UpwardCameraTests : IAsyncLifetime
{
    private const string ProvinceKey = "province-key-for-tests-0001";
    private readonly SqliteTestDatabase _database = new();
    private readonly string _recordings = Directory.CreateTempSubdirectory("qk-upward-").FullName;
    private HostProcess _hub = null!;

    public async Task InitializeAsync() => _hub = await HostProcess.StartAsync(new HostLaunch("Hub.Server", new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "true",
        ["Queue:IgnoreOpeningHours"] = "true",
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = _database.ConnectionString,
        ["Supervision:DemoCameras"] = "false",
        ["Cameras:0:Id"] = "cam1",
        ["Cameras:0:Name"] = "Quầy 1",
        ["Cameras:0:Source"] = "Synthetic",
        ["Cameras:0:Width"] = "160",
        ["Cameras:0:Height"] = "120",
        ["Cameras:0:FrameRate"] = "5",
        ["Cameras:0:PreviewWidth"] = "160",
        ["Cameras:0:RecordingFolder"] = _recordings,
        ["Province:CameraAccessKey"] = ProvinceKey,
        ["Logging:LogLevel:Default"] = "Warning",
    })
    {
        ReadyPath = HubRoutes.HealthReady,
        // A start (migrating a new database) can take longer on a loaded 2-core machine.
        StartTimeout = TimeSpan.FromMinutes(2),
    });

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_recordings, recursive: true);
    }

    [Fact]
    public async Task SupervisorAndProvinceWatchTogether_OneFfmpeg_AndTheUpwardViewIsAudited()
    {
        Assert.True(await Eventually.TrueAsync(() => FfmpegChildren() == 1, TimeSpan.FromSeconds(30)), "the camera's ffmpeg did not start");

        using var supervisor = await SignInAsync("giamsat");
        using var local = await supervisor.GetAsync("/api/cameras/cam1/live.mjpg", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        await using var localStream = await local.Content.ReadAsStreamAsync();
        await ReadFrameAsync(localStream);

        using var province = new HttpClient { BaseAddress = _hub.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, HubRoutes.UpwardCamera("cam1"));
        request.Headers.Add(HubRoutes.ProvinceKeyHeader, ProvinceKey);
        request.Headers.Add(HubRoutes.ProvinceUserHeader, Uri.EscapeDataString("Trần Thị Bình (Sở Nội vụ)"));
        using var upward = await province.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, upward.StatusCode);
        Assert.Equal(MjpegStreamResult.ContentType, upward.Content.Headers.ContentType!.ToString().Replace(" ", "", StringComparison.Ordinal));
        await using var upwardStream = await upward.Content.ReadAsStreamAsync();
        await ReadFrameAsync(upwardStream);
        await ReadFrameAsync(localStream);

        // Two viewers, one capture.
        Assert.Equal(1, FfmpegChildren());

        using var admin = await SignInAsync("quantri");
        var views = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/supervision/recording-views"))!;
        var view = Assert.Single(views, v => v.GetProperty("userName").GetString() == UpwardCameras.ProvinceUserPrefix + "Trần Thị Bình (Sở Nội vụ)");
        Assert.Equal("cam1", view.GetProperty("cameraId").GetString());
        Assert.Equal(UpwardCameras.LiveViewFileName, view.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task WrongKey_MissingViewer_UnknownCamera_AreRefused_NamingTheField()
    {
        using var province = new HttpClient { BaseAddress = _hub.BaseAddress };
        await AssertProblemAsync(await GetAsync(province, "cam1", "wrong-key", "Ai đó"), HttpStatusCode.Unauthorized, HubRoutes.ProvinceKeyHeader, "khóa của tỉnh không đúng");
        await AssertProblemAsync(await GetAsync(province, "cam1", ProvinceKey, null), HttpStatusCode.BadRequest, HubRoutes.ProvinceUserHeader, "bắt buộc");
        await AssertProblemAsync(await GetAsync(province, "cam9", ProvinceKey, "Ai đó"), HttpStatusCode.NotFound, "id", "không có camera này");
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string camera, string key, string? user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, HubRoutes.UpwardCamera(camera));
        request.Headers.Add(HubRoutes.ProvinceKeyHeader, key);
        if (user is not null)
        {
            request.Headers.Add(HubRoutes.ProvinceUserHeader, Uri.EscapeDataString(user));
        }

        return await client.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage answer, HttpStatusCode status, string field, string vietnamese)
    {
        Assert.Equal(status, answer.StatusCode);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, body.GetProperty("field").GetString());
        var detail = body.GetProperty("detail").GetString()!;
        Assert.Contains(vietnamese, detail, StringComparison.Ordinal);
        Assert.Contains(field, detail, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignInAsync(string user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _hub.BaseAddress };
        (await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest(user, HubApp.Password))).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Reads until one whole JPEG part (its Content-Length) has arrived.</summary>
    private static async Task ReadFrameAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0, "the stream ended before a frame");
            seen.AddRange(buffer.AsSpan(0, read).ToArray());
            var text = System.Text.Encoding.ASCII.GetString([.. seen]);
            var header = text.IndexOf("Content-Length: ", StringComparison.Ordinal);
            var end = header < 0 ? -1 : text.IndexOf("\r\n\r\n", header, StringComparison.Ordinal);
            if (end > 0)
            {
                var length = int.Parse(text[(header + 16)..text.IndexOf('\r', header)], CultureInfo.InvariantCulture);
                if (seen.Count >= end + 4 + length)
                {
                    Assert.Equal(0xFF, seen[end + 4]);
                    Assert.Equal(0xD8, seen[end + 5]);
                    return;
                }
            }
        }
    }

    /// <summary>The hub's child processes named ffmpeg (each camera runs exactly one).</summary>
    private int FfmpegChildren()
    {
        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // pid (comm) state ppid ...: comm may hold spaces, so read after its closing parenthesis.
                var close = stat.LastIndexOf(')');
                var comm = stat[(stat.IndexOf('(') + 1)..close];
                var ppid = int.Parse(stat[(close + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                if (comm == "ffmpeg" && ppid == _hub.ProcessId)
                {
                    count++;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
            {
                // A process that ended while being read, or not a process folder.
            }
        }

        return count;
    }
}
