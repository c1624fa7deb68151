using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Province;

namespace QueueKiosk.HubServer.ProvinceLink;

/// <summary>
/// Sends the outbox to the province, oldest first, one batch at a time (docs/province.md). The
/// province answers with the last sequence it holds of this site; rows up to it are deleted (all
/// but the newest, which keeps the numbering) and the next batch starts after it, so an outage, a
/// refused batch or a restart of either side resumes exactly where the province stands. Failures
/// wait 1 s, 2 s, 4 s... up to MaxBackoffSeconds. Runs apart from the queue: the counters never
/// wait for it, and it reads the outbox outside the write gate.
/// </summary>
public sealed class ProvinceShipper(
    IOptions<ProvinceLinkOptions> options,
    ProvinceOutbox outbox,
    IServiceScopeFactory scopes,
    WriteGate writeGate,
    IHttpClientFactory httpFactory,
    ILogger<ProvinceShipper> logger) : BackgroundService
{
    public const string HttpClientName = "province";

    /// <summary>Last sequence the province acknowledged, as far as this process knows (0 until its first answer).</summary>
    private long _acknowledged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        logger.LogInformation("Province link on: shipping the outbox to {Url}", settings.Url);
        var failures = 0;
        var catchUp = new CatchUpMeter(logger);
        var interval = TimeSpan.FromMilliseconds(settings.BatchIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var batchStarted = Stopwatch.GetTimestamp();
            int sent;
            try
            {
                sent = await ShipOneBatchAsync(settings, stoppingToken);
                if (failures > 0)
                {
                    logger.LogInformation("Province link restored after {Failures} failed attempt(s)", failures);
                }

                failures = 0;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ProvinceRefusedException or DbException
                                          && !stoppingToken.IsCancellationRequested)
            {
                failures++;
                catchUp.Interrupted();
                var delay = Backoff(failures, settings.MaxBackoffSeconds);
                logger.LogWarning("Province link: {Error}; attempt {Failures}, next in {Delay:0.#} s", e.Message, failures, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }

            catchUp.Shipped(sent, settings.BatchSize);
            if (sent < settings.BatchSize)
            {
                // Caught up: wait for the next commit (or poll, in case a wake-up was missed).
                await outbox.WaitForRowsAsync(TimeSpan.FromSeconds(5), stoppingToken);
                await Task.Delay(PaceDelay(Stopwatch.GetElapsedTime(batchStarted), Jittered(interval)), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// How long a batch that is not full waits, so that a busy site sends one request per
    /// <paramref name="interval"/>; a site whose last batch is older than that sends at once.
    /// </summary>
    public static TimeSpan PaceDelay(TimeSpan sinceLastBatch, TimeSpan interval) =>
        sinceLastBatch >= interval ? TimeSpan.Zero : interval - sinceLastBatch;

    /// <summary>
    /// The pace (Province:BatchIntervalMilliseconds) for one batch, drawn within ±20 %: sites that
    /// started together (a province's 200 offices opening at 7:30) would otherwise send in step,
    /// all in the same instant of every second.
    /// </summary>
    public static TimeSpan Jittered(TimeSpan interval) => interval * (0.8 + (Random.Shared.NextDouble() * 0.4));

    /// <summary>1 s, 2 s, 4 s ... capped, with up to a fifth of jitter so 200 sites do not retry in step.</summary>
    public static TimeSpan Backoff(int failures, int maxSeconds)
    {
        var seconds = Math.Min(maxSeconds, Math.Pow(2, Math.Min(failures - 1, 20)));
        return TimeSpan.FromSeconds(seconds * (1 + (Random.Shared.NextDouble() / 5)));
    }

    /// <summary>Sends the rows after the last acknowledged one; returns how many were sent.</summary>
    private async Task<int> ShipOneBatchAsync(ProvinceLinkOptions settings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var rows = await db.Set<OutboxMessage>().Where(m => m.Sequence > _acknowledged)
            .OrderBy(m => m.Sequence).Take(settings.BatchSize).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return 0;
        }

        var batch = new IngestBatch(rows[0].SiteId,
            [.. rows.Select(r => new IngestEvent(r.Sequence, r.Kind, new DateTimeOffset(r.At, TimeSpan.Zero), r.Payload))]);
        var (status, answer) = await PostBatchAsync(httpFactory.CreateClient(HttpClientName), new Uri(settings.Url!), settings.SiteKey!, batch,
            TimeSpan.FromSeconds(settings.RequestTimeoutSeconds), ct);
        _acknowledged = answer.LastSequence;
        using (await writeGate.EnterAsync(ct))
        {
            await db.Set<OutboxMessage>().Where(m => m.Sequence < answer.LastSequence).ExecuteDeleteAsync(ct);
        }

        if (status == HttpStatusCode.Conflict)
        {
            // A gap: the province stands elsewhere than this process thought (this process restarted
            // and sent a row it already had). Resend from the province's position at once.
            logger.LogWarning("Province refused a batch from {First} (it holds up to {Last}); resending from there", rows[0].Sequence, answer.LastSequence);
            if (rows[0].Sequence > answer.LastSequence + 1)
            {
                // What the province needs was deleted after it had acknowledged it: its database lost data.
                throw new ProvinceRefusedException($"the province holds up to {answer.LastSequence} but the outbox starts at {rows[0].Sequence}");
            }

            return settings.BatchSize;
        }

        if ((int)status is < 200 or > 299)
        {
            throw new ProvinceRefusedException($"HTTP {(int)status}");
        }

        return rows.Count;
    }

    /// <summary>
    /// One POST of a site's batch to the province's ingest (docs/province.md, "Ingest"): the HTTP
    /// status and the province's answer, which a refusal (409, a gap) carries too. An answer that is
    /// not the province's (a proxy's error page, a cut connection) throws, and the caller retries.
    /// The bench's simulated sites send through this too (bench scenario province).
    /// </summary>
    public static async Task<(HttpStatusCode Status, IngestAnswer Answer)> PostBatchAsync(
        HttpClient http, Uri province, string siteKey, IngestBatch batch, TimeSpan timeout, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(province, HubRoutes.ProvinceIngest))
        {
            Content = JsonContent.Create(batch, options: ProvinceJson.Options),
        };
        request.Headers.Add(HubRoutes.SiteKeyHeader, siteKey);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        using var response = await http.SendAsync(request, deadline.Token);
        var answer = response.Content.Headers.ContentType?.MediaType is "application/json" or "application/problem+json"
            ? await TryReadAnswerAsync(response, deadline.Token)
            : null;
        return answer is null
            ? throw new ProvinceRefusedException($"HTTP {(int)response.StatusCode} without an answer")
            : (response.StatusCode, answer);
    }

    private static async Task<IngestAnswer?> TryReadAnswerAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<IngestAnswer>(ProvinceJson.Options, ct);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// While a backlog drains (full batches back to back), measures events per second and logs it
    /// once the outbox is empty again: the catch-up rate of docs/province.md.
    /// </summary>
    private sealed class CatchUpMeter(ILogger logger)
    {
        private readonly Stopwatch _clock = new();
        private long _events;

        /// <summary>A failed attempt: the time spent waiting for the province is not shipping time.</summary>
        public void Interrupted() => _clock.Reset();

        public void Shipped(int sent, int batchSize)
        {
            if (sent >= batchSize && !_clock.IsRunning)
            {
                _clock.Restart();
                _events = 0;
            }

            _events += sent;
            if (sent < batchSize && _clock.IsRunning)
            {
                _clock.Stop();
                logger.LogInformation("Province catch-up: {Events} events in {Seconds:0.0} s ({Rate:0} events/s)",
                    _events, _clock.Elapsed.TotalSeconds, _events / Math.Max(0.001, _clock.Elapsed.TotalSeconds));
            }
        }
    }
}

/// <summary>The province answered, but not with an acknowledgement (a revoked key, a refused batch, a server error).</summary>
public sealed class ProvinceRefusedException(string message) : Exception(message);
