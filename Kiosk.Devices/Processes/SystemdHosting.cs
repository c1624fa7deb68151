using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace QueueKiosk.Devices.Processes;

/// <summary>
/// How Hub.Server, Kiosk.Ui and Counter.Display run under systemd (hardware-docs/systemd.md):
/// Microsoft.Extensions.Hosting.Systemd's READY/STOPPING and journald log format, plus the
/// watchdog keep-alive, which that library does not send. Outside systemd nothing changes.
/// </summary>
public static class SystemdHosting
{
    public static IServiceCollection AddQueueKioskSystemd(this IServiceCollection services)
    {
        services.AddSystemd();
        var interval = SystemdWatchdog.IntervalFor(
            Environment.GetEnvironmentVariable("WATCHDOG_USEC"), Environment.GetEnvironmentVariable("WATCHDOG_PID"), Environment.ProcessId);
        if (SystemdHelpers.IsSystemdService() && interval is { } every)
        {
            services.AddHostedService(sp => new SystemdWatchdog(sp.GetRequiredService<ISystemdNotifier>(), every));
        }

        return services;
    }
}

/// <summary>
/// Tells systemd "still alive" (WATCHDOG=1) at half the unit's WatchdogSec. It runs on the thread
/// pool like every request, so a host whose pool is starved or deadlocked stops sending and
/// systemd restarts it; a host that merely waits for its database keeps running.
/// </summary>
public sealed class SystemdWatchdog(ISystemdNotifier notifier, TimeSpan interval) : BackgroundService
{
    public static readonly ServiceState KeepAlive = new("WATCHDOG=1");

    /// <summary>
    /// Half of WATCHDOG_USEC, as sd_watchdog_enabled(3) advises; null when systemd set no watchdog,
    /// the value is not a positive number, or WATCHDOG_PID names another process.
    /// </summary>
    public static TimeSpan? IntervalFor(string? watchdogUsec, string? watchdogPid, int processId)
    {
        if (!long.TryParse(watchdogUsec, NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec <= 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(watchdogPid) && watchdogPid != processId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(usec / 2);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            notifier.Notify(KeepAlive);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
