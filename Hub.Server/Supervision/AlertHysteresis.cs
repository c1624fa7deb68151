using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>
/// Keeps a raised presence alert (open counter without officer or without anybody at it, closed
/// counter with somebody at it) open while what it is about flickers: a camera that loses the
/// seated officer for a frame, a console that reconnects. An alert is raised as before, when its
/// condition holds in full (for its minutes); once raised it stays open while the plain state
/// (somebody there now, nobody signed in now) holds, and clears only after that has been false
/// for <see cref="SupervisionOptions.PresenceAlertClearSeconds"/> in a row (issue 10 item 16).
/// In memory: after a restart, an open alert whose condition no longer holds in full clears at the
/// first check.
/// </summary>
public sealed class AlertHysteresis
{
    private readonly Dictionary<(Guid SiteId, AlertKind Kind, string SubjectKey), (AlertCondition Condition, DateTime LastHeld)> _raised = [];
    private readonly Lock _lock = new();

    /// <param name="holding">The conditions that hold in full now (raise or keep their alert).</param>
    /// <param name="stateNow">Subjects whose plain state still holds now, however briefly (keeps an alert raised before).</param>
    /// <returns>The conditions to reconcile: <paramref name="holding"/> and the raised ones not yet false for <paramref name="clearAfter"/>.</returns>
    public IReadOnlyList<AlertCondition> Apply(Guid siteId, AlertKind kind, IReadOnlyList<AlertCondition> holding, IReadOnlySet<string> stateNow,
        DateTime now, TimeSpan clearAfter)
    {
        lock (_lock)
        {
            var result = new List<AlertCondition>(holding);
            foreach (var condition in holding)
            {
                _raised[(siteId, kind, condition.SubjectKey)] = (condition, now);
            }

            var inFull = holding.Select(c => c.SubjectKey).ToHashSet(StringComparer.Ordinal);
            foreach (var (key, (condition, lastHeld)) in _raised.Where(e => e.Key.SiteId == siteId && e.Key.Kind == kind && !inFull.Contains(e.Key.SubjectKey)).ToList())
            {
                if (stateNow.Contains(key.SubjectKey))
                {
                    _raised[key] = (condition, now);
                    result.Add(condition);
                }
                else if (now - lastHeld < clearAfter)
                {
                    result.Add(condition);
                }
                else
                {
                    _raised.Remove(key);
                }
            }

            return result;
        }
    }
}
