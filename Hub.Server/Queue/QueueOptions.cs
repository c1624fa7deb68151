using System.ComponentModel.DataAnnotations;

namespace QueueKiosk.HubServer.Queue;

/// <summary>Section "Queue".</summary>
public sealed class QueueOptions
{
    public const string Section = "Queue";

    /// <summary>Issue tickets at any hour (demo and bench); waiting tickets then expire only at local midnight.</summary>
    public bool IgnoreOpeningHours { get; set; }

    /// <summary>How often the closing check (expiring waiting tickets after hours) runs.</summary>
    [Range(1, 3600)]
    public int ClosingCheckSeconds { get; set; } = 30;

    /// <summary>How often queue statistics are pushed to the hub when something changed.</summary>
    [Range(100, 60000)]
    public int StatsIntervalMilliseconds { get; set; } = 1000;

    /// <summary>
    /// How long a hub client may leave its events unread (its bounded buffer full) before the hub
    /// drops it; it then reconnects and resyncs from the snapshot (issue 15 item 9).
    /// </summary>
    [Range(1, 120)]
    public int SlowClientAllowanceSeconds { get; set; } = 5;

    /// <summary>Number of recent calls in the snapshot.</summary>
    [Range(0, 100)]
    public int RecentCalls { get; set; } = 10;
}
