using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QueueKiosk.Devices.Camera;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Supervision;

namespace QueueKiosk.HubServer.Tests.Supervision;

/// <summary>Real ffmpeg cameras share the two cores with other suites: their tests run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FfmpegCollection
{
    public const string Name = "ffmpeg cameras";
}

/// <summary>
/// The camera endpoints on a real Kestrel at 127.0.0.1 with a real synthetic ffmpeg camera, read by
/// HttpClient (the MJPEG stream needs a real socket). Mapped open here; Hub.Server maps them for
/// supervisors only (CamerasHistoryAndAccessTests).
/// </summary>
[Collection(FfmpegCollection.Name)]
public sealed class CameraEndpointsTests
{
    private sealed class AuditLog : ICameraRecordingAudit
    {
        public List<string> Opened { get; } = [];

        public ValueTask RecordingOpenedAsync(HttpContext context, RecordingSegment segment, CancellationToken cancellationToken)
        {
            lock (Opened)
                Opened.Add(segment.FileName);
            return ValueTask.CompletedTask;
        }
    }

    private static async Task<(WebApplication App, HttpClient Client)> StartHostAsync(string recordingFolder, AuditLog? audit = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?>
        {
            ["Cameras:0:Id"] = "quay1",
            ["Cameras:0:Name"] = "Quầy 1",
            ["Cameras:0:Source"] = "Synthetic",
            ["Cameras:0:Width"] = "320",
            ["Cameras:0:Height"] = "240",
            ["Cameras:0:FrameRate"] = "10",
            ["Cameras:0:PreviewWidth"] = "320",
            ["Cameras:0:RecordingFolder"] = recordingFolder,
            ["Cameras:0:SegmentSeconds"] = "2",
        };
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddCameras(builder.Configuration);
        if (audit is not null)
            builder.Services.AddSingleton<ICameraRecordingAudit>(audit);
        // Bad query values are refused as the hub refuses them: DomainException -> ProblemDetails.
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapCameraEndpoints(authorizationPolicy: null);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) });
    }

    /// <summary>Reads one multipart part: headers up to a blank line, then Content-Length bytes.</summary>
    private static async Task<byte[]> ReadPartAsync(Stream stream, CancellationToken ct)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string line;
        do
            line = await ReadLineAsync(stream, ct);
        while (line.Length == 0);
        Assert.Equal("--" + MjpegStreamResult.Boundary, line);
        while ((line = await ReadLineAsync(stream, ct)).Length > 0)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }
        Assert.Equal("image/jpeg", headers["Content-Type"]);
        var body = new byte[int.Parse(headers["Content-Length"], System.Globalization.CultureInfo.InvariantCulture)];
        await stream.ReadExactlyAsync(body, ct);
        return body;
    }

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken ct)
    {
        var sb = new StringBuilder();
        var one = new byte[1];
        while (sb.Length < 1000)
        {
            await stream.ReadExactlyAsync(one, ct);
            if (one[0] == '\n')
                return sb.ToString().TrimEnd('\r');
            sb.Append((char)one[0]);
        }
        throw new InvalidDataException("header line too long");
    }

    [Fact]
    public async Task LiveMjpeg_OverKestrel_ServesWholeJpegParts_AndSnapshotAndStatus()
    {
        using var folder = new TempFolder();
        var (app, client) = await StartHostAsync(folder.Path);
        await using var _ = app;
        using var __ = client;
        var registry = app.Services.GetRequiredService<CameraRegistry>();
        Assert.True(await Eventually.TrueAsync(() => registry.Find("quay1")!.Preview.Latest is not null, TimeSpan.FromSeconds(30)));

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.GetAsync("/api/cameras/quay1/live.mjpg", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("multipart/x-mixed-replace", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(MjpegStreamResult.Boundary, response.Content.Headers.ContentType.Parameters.Single(p => p.Name == "boundary").Value);
        await using var stream = await response.Content.ReadAsStreamAsync(cts.Token);
        var parts = new List<byte[]>();
        for (var i = 0; i < 4; i++)
            parts.Add(await ReadPartAsync(stream, cts.Token));
        Assert.All(parts, p => Assert.True(p[0] == 0xFF && p[1] == 0xD8 && p[^2] == 0xFF && p[^1] == 0xD9));
        Assert.Equal(4, parts.Select(Convert.ToBase64String).Distinct().Count()); // the picture moves

        using var snapshot = await client.GetAsync("/api/cameras/quay1/snapshot.jpg", cts.Token);
        Assert.Equal("image/jpeg", snapshot.Content.Headers.ContentType!.MediaType);
        var jpeg = await snapshot.Content.ReadAsByteArrayAsync(cts.Token);
        Assert.True(jpeg[0] == 0xFF && jpeg[1] == 0xD8);

        var all = await client.GetFromJsonAsync<List<CameraHealth>>("/api/cameras", cts.Token);
        var status = Assert.Single(all!);
        Assert.Equal("Quầy 1", status.Name);
        Assert.Equal(CameraState.Running, status.State);
        Assert.Equal(1, status.Viewers);

        using var unknown = await client.GetAsync("/api/cameras/nope/snapshot.jpg", cts.Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Recordings_ListedForAWindow_AndServedWithRanges()
    {
        using var folder = new TempFolder();
        var audit = new AuditLog();
        var (app, client) = await StartHostAsync(folder.Path, audit);
        await using var _ = app;
        using var __ = client;
        var feed = app.Services.GetRequiredService<CameraRegistry>().Find("quay1")!;
        Assert.True(await Eventually.TrueAsync(() => feed.Recordings!.List().Count >= 3, TimeSpan.FromSeconds(40)));
        var finished = feed.Recordings!.List()[0];

        var from = Uri.EscapeDataString(finished.StartUtc.AddMilliseconds(200).ToString("O"));
        var to = Uri.EscapeDataString(finished.EndUtc.AddMilliseconds(-200).ToString("O"));
        var listed = await client.GetFromJsonAsync<List<RecordingSegmentDto>>($"/api/cameras/quay1/recordings?from={from}&to={to}");
        var item = Assert.Single(listed!);
        Assert.Equal(finished.FileName, item.FileName);
        Assert.Equal($"/api/cameras/quay1/recordings/{finished.FileName}", item.Url);

        using var request = new HttpRequestMessage(HttpMethod.Get, item.Url);
        request.Headers.Range = new RangeHeaderValue(100, 199);
        using var partial = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("video/mp4", partial.Content.Headers.ContentType!.MediaType);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(finished.SizeBytes, partial.Content.Headers.ContentRange!.Length);

        using var whole = await client.GetAsync(item.Url);
        var bytes = await whole.Content.ReadAsByteArrayAsync();
        Assert.Equal("ftyp", Encoding.ASCII.GetString(bytes, 4, 4));
        Assert.Equal([finished.FileName, finished.FileName], audit.Opened); // every read is reported, the range request too

        using var traversal = await client.GetAsync("/api/cameras/quay1/recordings/..%2F..%2Fetc%2Fpasswd");
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
        using var badWindow = await client.GetAsync($"/api/cameras/quay1/recordings?from={to}&to={from}");
        Assert.Equal(HttpStatusCode.BadRequest, badWindow.StatusCode);
        using var beforeTheCalendar = await client.GetAsync("/api/cameras/quay1/recordings?to=0001-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, beforeTheCalendar.StatusCode);
        Assert.Contains("validation.date_out_of_range", await beforeTheCalendar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
