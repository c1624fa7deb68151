using System.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.ProvinceLink;

namespace QueueKiosk.HubServer.Province;

/// <summary>
/// Stores a site's ordered batch exactly once (docs/province.md, "Ingest"). The site's row is locked
/// for the transaction (SELECT ... FOR UPDATE), so two nodes given the same batch at once store it
/// once; (site, sequence) is the primary key besides. Events at or below the last stored sequence
/// are duplicates and skipped; a batch that does not start right after it is a gap and refused with
/// the last sequence, from which the site resends. A node killed mid-batch rolls back the whole batch.
/// </summary>
public sealed class ProvinceIngest(ProvinceDbContext db, IOptions<ProvinceTierOptions> options, ProvinceFeed feed, TimeProvider time, ILogger<ProvinceIngest> logger)
{
    public async Task<IngestAnswer> IngestAsync(string? key, IngestBatch batch, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new DomainException(Errors.ProvinceKeyMissing.With(HubRoutes.SiteKeyHeader), HubRoutes.SiteKeyHeader);
        }

        var hash = DeviceKeys.Hash(key);
        var site = await db.Sites.FirstOrDefaultAsync(s => s.KeyHash == hash && s.KeyRevokedAt == null, ct);
        if (site is null)
        {
            logger.LogWarning("Province ingest refused: unknown or revoked site key");
            throw new DomainException(Errors.SiteKeyRefused, HubRoutes.SiteKeyHeader);
        }

        if (batch.SiteId != site.Id)
        {
            logger.LogWarning("Province ingest refused: the key of site {Site} sent events of site {Other}", site.Id, batch.SiteId);
            throw new DomainException(Errors.ProvinceOtherSite.With("siteId"), "siteId");
        }

        var events = batch.Events ?? [];
        var facts = Check(site.Id, events);
        if (events.Count == 0)
        {
            return new IngestAnswer(site.LastSequence, 0, 0);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var answer = await strategy.ExecuteAsync(() => StoreAsync(site.Id, facts, ct));
        if (answer.Stored > 0)
        {
            feed.SiteChanged(site.Id);
        }

        return answer;
    }

    /// <summary>Refuses a batch with a bad event, naming it; answers each event with its payload read (once, for the projection too).</summary>
    private List<ReadEvent> Check(Guid siteId, IReadOnlyList<IngestEvent> events)
    {
        if (events.Count > options.Value.MaxBatch)
        {
            throw new DomainException(Errors.TooLong.With("events", options.Value.MaxBatch), "events");
        }

        var latest = time.GetUtcNow().AddSeconds(options.Value.MaxClockSkewSeconds);
        var read = new List<ReadEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (i > 0 && e.Sequence != events[i - 1].Sequence + 1)
            {
                logger.LogWarning("Province ingest refused from site {Site}: sequence {Sequence} after {Previous}", siteId, e.Sequence, events[i - 1].Sequence);
                throw new DomainException(Errors.ProvinceNotContiguous.With($"events[{i}].sequence"), $"events[{i}].sequence");
            }

            if (e.At > latest)
            {
                logger.LogWarning("Province ingest refused from site {Site}: event {Sequence} at {At} is in the future", siteId, e.Sequence, e.At);
                throw new DomainException(Errors.ProvinceFutureTime.With($"events[{i}].at"), $"events[{i}].at");
            }

            if (e.Kind is null || !OutboxKinds.All.Contains(e.Kind))
            {
                throw new DomainException(Errors.Invalid.With($"events[{i}].kind"), $"events[{i}].kind");
            }

            if (string.IsNullOrEmpty(e.Payload) || e.Payload.Length > 4000 || ReadOrNull(e) is not { } fact)
            {
                throw new DomainException(Errors.Invalid.With($"events[{i}].payload"), $"events[{i}].payload");
            }

            read.Add(new ReadEvent(e, fact));
        }

        return read;
    }

    private static object? ReadOrNull(IngestEvent e)
    {
        try
        {
            return ProvinceProjection.Read(e);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private async Task<IngestAnswer> StoreAsync(Guid siteId, IReadOnlyList<ReadEvent> events, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        // Tracked: its new position is written by the same SaveChanges as the events (one round trip).
        var site = await db.Sites.FromSql($"SELECT * FROM province.\"Sites\" WHERE \"Id\" = {siteId} FOR UPDATE").AsTracking().SingleAsync(ct);
        var last = site.LastSequence;
        var fresh = events.Where(e => e.Event.Sequence > last).ToList();
        var duplicates = events.Count - fresh.Count;
        if (fresh.Count == 0)
        {
            logger.LogInformation("Province ingest from site {Site}: {Duplicates} duplicate event(s) ignored (last {Last})", siteId, duplicates, last);
            return new IngestAnswer(last, 0, duplicates);
        }

        if (fresh[0].Event.Sequence != last + 1)
        {
            logger.LogWarning("Province ingest refused from site {Site}: batch starts at {First}, expected {Expected}", siteId, fresh[0].Event.Sequence, last + 1);
            var gap = new DomainException(Errors.ProvinceGap.With("events[0].sequence", last + 1), "events[0].sequence");
            gap.Extensions["lastSequence"] = last;
            throw gap;
        }

        var now = time.GetUtcNow().UtcDateTime;
        db.Events.AddRange(fresh.Select(f => f.Event).Select(e => new ProvinceEvent
        {
            SiteId = siteId,
            Sequence = e.Sequence,
            Kind = e.Kind,
            At = e.At.UtcDateTime,
            Payload = e.Payload,
            ReceivedAt = now,
        }));
        await new ProvinceProjection(db, siteId).ApplyAsync(fresh, ct);
        var newLast = fresh[^1].Event.Sequence;
        site.LastSequence = newLast;
        site.LastReceivedAt = now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        if (duplicates > 0)
        {
            logger.LogInformation("Province ingest from site {Site}: {Duplicates} duplicate event(s) ignored", siteId, duplicates);
        }

        return new IngestAnswer(newLast, fresh.Count, duplicates);
    }
}
