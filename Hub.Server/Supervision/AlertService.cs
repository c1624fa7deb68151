using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.ProvinceLink;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>
/// A condition that holds now and should have an open alert, said in Vietnamese and in English:
/// the supervisor's page shows the one its reader chose, never both in one sentence.
/// </summary>
public sealed record AlertCondition(string SubjectKey, string Subject, string MessageVi, string MessageEn);

/// <summary>
/// Raises, clears and acknowledges alerts. At most one open alert per site, kind and subject:
/// raising an already open one does nothing, so a condition checked every few seconds alerts once.
/// Every change is pushed to the site's supervisors.
/// </summary>
public sealed class AlertService(HubDbContext db, WriteGate writeGate, ProvinceOutbox outbox, ISupervisorFeed feed, TimeProvider time, ILogger<AlertService> logger)
{
    public const int MaxListed = 200;

    public async Task<AlertDto?> RaiseAsync(Guid siteId, AlertKind kind, AlertCondition condition, CancellationToken ct)
    {
        AlertDto raised;
        using (var lease = await outbox.LeaseAsync(ct))
        using (await writeGate.EnterAsync(ct))
        {
            if (await OpenExistsAsync(siteId, kind, condition.SubjectKey, ct))
            {
                return null;
            }

            var alert = new Alert
            {
                Id = Guid.CreateVersion7(),
                SiteId = siteId,
                Kind = kind,
                SubjectKey = Truncate(condition.SubjectKey, 200),
                Subject = Truncate(condition.Subject, 400),
                Message = AlertText.Encode(Truncate(condition.MessageVi, AlertText.MaxEach), Truncate(condition.MessageEn, AlertText.MaxEach)),
                RaisedAt = time.GetUtcNow().UtcDateTime,
            };
            db.Set<Alert>().Add(alert);
            lease.Add(db, siteId, OutboxKinds.Alert, alert.RaisedAt, OutboxFacts.AlertPayload(alert));
            try
            {
                await db.SaveChangesAsync(ct);
                lease.Commit();
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                // A concurrent raise of the same cause won (unique open-alert index): one alert is enough.
                if (await OpenExistsAsync(siteId, kind, condition.SubjectKey, ct))
                {
                    return null;
                }

                throw;
            }

            db.ChangeTracker.Clear();

            raised = alert.ToDto();
        }

        logger.LogInformation("Alert raised: {Kind} {Subject}: {Message}", kind, condition.Subject, condition.MessageEn);
        await PushAsync(SupervisionEvents.AlertRaised, raised, ct);
        return raised;
    }

    /// <summary>Clears the open alert of this kind and subject, if any.</summary>
    public async Task ClearAsync(Guid siteId, AlertKind kind, string subjectKey, CancellationToken ct)
    {
        // Most checks find nothing to clear: look before taking the write gate.
        if (!await OpenExistsAsync(siteId, kind, subjectKey, ct))
        {
            return;
        }

        await ClearWhereAsync(siteId, kind, key => key == subjectKey, ct);
    }

    /// <summary>Makes the open alerts of one kind match the conditions that hold now: raises new ones, clears the rest.</summary>
    public async Task ReconcileAsync(Guid siteId, AlertKind kind, IReadOnlyCollection<AlertCondition> holding, CancellationToken ct)
    {
        var openKeys = await db.Set<Alert>().Where(a => a.SiteId == siteId && a.Kind == kind && a.ClearedAt == null).Select(a => a.SubjectKey).ToListAsync(ct);
        var holdingKeys = holding.Select(c => c.SubjectKey).ToHashSet(StringComparer.Ordinal);
        if (openKeys.Any(k => !holdingKeys.Contains(k)))
        {
            await ClearWhereAsync(siteId, kind, key => !holdingKeys.Contains(key), ct);
        }

        foreach (var condition in holding.Where(c => !openKeys.Contains(c.SubjectKey)))
        {
            await RaiseAsync(siteId, kind, condition, ct);
        }
    }

    public async Task<AlertDto?> AcknowledgeAsync(Guid alertId, Guid siteId, Guid? officerId, string officerName, CancellationToken ct)
    {
        AlertDto result;
        using (var lease = await outbox.LeaseAsync(ct))
        using (await writeGate.EnterAsync(ct))
        {
            var alert = await db.Set<Alert>().AsTracking().FirstOrDefaultAsync(a => a.Id == alertId && a.SiteId == siteId, ct);
            if (alert is null)
            {
                return null;
            }

            if (alert.AcknowledgedAt is not null)
            {
                return alert.ToDto();
            }

            alert.AcknowledgedAt = time.GetUtcNow().UtcDateTime;
            alert.AcknowledgedById = officerId;
            alert.AcknowledgedBy = Truncate(officerName, 200);
            lease.Add(db, siteId, OutboxKinds.Alert, alert.AcknowledgedAt.Value, OutboxFacts.AlertPayload(alert));
            await db.SaveChangesAsync(ct);
            lease.Commit();
            db.ChangeTracker.Clear();
            result = alert.ToDto();
        }

        await PushAsync(SupervisionEvents.AlertUpdated, result, ct);
        return result;
    }

    /// <summary>Alerts a supervisor still has to see: open ones and cleared ones not yet acknowledged, newest first.</summary>
    public async Task<IReadOnlyList<AlertDto>> ListActiveAsync(Guid siteId, CancellationToken ct)
    {
        var alerts = await db.Set<Alert>()
            .Where(a => a.SiteId == siteId && (a.ClearedAt == null || a.AcknowledgedAt == null))
            .ToListAsync(ct);
        return [.. alerts.OrderByDescending(a => a.RaisedAt).Take(MaxListed).Select(a => a.ToDto())];
    }

    private Task<bool> OpenExistsAsync(Guid siteId, AlertKind kind, string subjectKey, CancellationToken ct) =>
        db.Set<Alert>().AnyAsync(a => a.SiteId == siteId && a.Kind == kind && a.SubjectKey == subjectKey && a.ClearedAt == null, ct);

    private async Task ClearWhereAsync(Guid siteId, AlertKind kind, Func<string, bool> subjectMatches, CancellationToken ct)
    {
        List<AlertDto> cleared;
        using (var lease = await outbox.LeaseAsync(ct))
        using (await writeGate.EnterAsync(ct))
        {
            var open = await db.Set<Alert>().AsTracking().Where(a => a.SiteId == siteId && a.Kind == kind && a.ClearedAt == null).ToListAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            var matching = open.Where(a => subjectMatches(a.SubjectKey)).ToList();
            foreach (var alert in matching)
            {
                alert.ClearedAt = now;
                lease.Add(db, siteId, OutboxKinds.Alert, now, OutboxFacts.AlertPayload(alert));
            }

            await db.SaveChangesAsync(ct);
            lease.Commit();
            db.ChangeTracker.Clear();
            cleared = [.. matching.Select(a => a.ToDto())];
        }

        foreach (var alert in cleared)
        {
            await PushAsync(SupervisionEvents.AlertUpdated, alert, ct);
        }
    }

    private async Task PushAsync(string eventName, AlertDto alert, CancellationToken ct)
    {
        try
        {
            await feed.AlertAsync(eventName, alert, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The alert is stored; a dashboard that missed the push sees it on its next load.
            logger.LogWarning(ex, "Pushing alert {AlertId} failed", alert.Id);
        }
    }

    private static string Truncate(string text, int max) => SafeText.Clean(text, max);
}
