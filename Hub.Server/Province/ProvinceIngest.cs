using System.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;
using Npgsql;
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
        var strategy = db.Database.CreateExecutionStrategy();
        var answer = await strategy.ExecuteAsync(() => StoreAsync(hash, batch, ct));
        if (answer.Stored > 0)
        {
            feed.SiteChanged(batch.SiteId);
        }

        return answer;
    }

    /// <summary>Why a key did not open the batch's site: it opens none (unknown, rotated, revoked), or another site.</summary>
    private async Task<DomainException> RefusalAsync(string hash, Guid siteId, CancellationToken ct)
    {
        var owner = await db.Sites.Where(s => s.KeyHash == hash && s.KeyRevokedAt == null).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            logger.LogWarning("Province ingest refused: unknown or revoked site key");
            return new DomainException(Errors.SiteKeyRefused, HubRoutes.SiteKeyHeader);
        }

        logger.LogWarning("Province ingest refused: the key of site {Site} sent events of site {Other}", owner, siteId);
        return new DomainException(Errors.ProvinceOtherSite.With("siteId"), "siteId");
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

            var one = new ReadEvent(e, fact);
            if (ProvinceProjection.TooLong(db.Model, ProvinceProjection.Fold(siteId, [one])) is { } tooLong)
            {
                var field = $"events[{i}].payload.{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(tooLong.Property)}";
                throw new DomainException(Errors.TooLong.With(field, tooLong.Max), field);
            }

            read.Add(one);
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

    /// <summary>
    /// Locks the batch's site if the key opens it (one statement: the key and the lock together),
    /// then checks the events and stores the new ones.
    /// </summary>
    private async Task<IngestAnswer> StoreAsync(string keyHash, IngestBatch batch, CancellationToken ct)
    {
        var siteId = batch.SiteId;
        var sql = _sql ??= new IngestSql(db.Model);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            await using var lockSite = new NpgsqlCommand(sql.LockSite, connection, transaction) { Parameters = { new() { Value = siteId }, new() { Value = keyHash } } };
            if (await lockSite.ExecuteScalarAsync(ct) is not long last)
            {
                await transaction.RollbackAsync(ct);
                throw await RefusalAsync(keyHash, siteId, ct);
            }

            var events = Check(siteId, batch.Events ?? []);
            if (events.Count == 0)
            {
                return new IngestAnswer(last, 0, 0);
            }

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

            // The events, the read tables and the site's new position: one round trip.
            var now = time.GetUtcNow().UtcDateTime;
            var newLast = fresh[^1].Event.Sequence;
            await using var write = new NpgsqlBatch(connection, transaction);
            write.BatchCommands.Add(sql.Events.Command([.. fresh.Select(f => new ProvinceEvent
            {
                SiteId = siteId,
                Sequence = f.Event.Sequence,
                Kind = f.Event.Kind,
                At = f.Event.At.UtcDateTime,
                Payload = f.Event.Payload,
                ReceivedAt = now,
            })])!);
            foreach (var command in sql.ReadTables.Commands(ProvinceProjection.Fold(siteId, fresh)))
            {
                write.BatchCommands.Add(command);
            }

            write.BatchCommands.Add(new NpgsqlBatchCommand(sql.MoveSite) { Parameters = { new() { Value = newLast }, new() { Value = now }, new() { Value = siteId } } });
            await write.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
            if (duplicates > 0)
            {
                logger.LogInformation("Province ingest from site {Site}: {Duplicates} duplicate event(s) ignored", siteId, duplicates);
            }

            return new IngestAnswer(newLast, fresh.Count, duplicates);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static IngestSql? _sql;

    /// <summary>The ingest's statements, with every name read from the province model (built once).</summary>
    private sealed class IngestSql(IModel model)
    {
        public BulkRows<ProvinceEvent> Events { get; } = BulkRows<ProvinceEvent>.For(model, OnConflict.Fail);

        public ProvinceProjection.Statements ReadTables { get; } = new(model);

        public string LockSite { get; } =
            $"SELECT {Site(model, nameof(ProvinceSite.LastSequence))} FROM {SiteTable(model)} WHERE {Site(model, nameof(ProvinceSite.Id))} = $1 "
            + $"AND {Site(model, nameof(ProvinceSite.KeyHash))} = $2 AND {Site(model, nameof(ProvinceSite.KeyRevokedAt))} IS NULL FOR UPDATE";

        public string MoveSite { get; } =
            $"UPDATE {SiteTable(model)} SET {Site(model, nameof(ProvinceSite.LastSequence))} = $1, {Site(model, nameof(ProvinceSite.LastReceivedAt))} = $2 WHERE {Site(model, nameof(ProvinceSite.Id))} = $3";

        private static string SiteTable(IModel model) => ModelSql.Table(ModelSql.Entity<ProvinceSite>(model));

        private static string Site(IModel model, string property) => ModelSql.Column<ProvinceSite>(model, property);
    }
}
