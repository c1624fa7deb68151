using QueueKiosk.Devices.Processes;

namespace QueueKiosk.Devices.Tests.Processes;

public sealed class SystemdWatchdogTests
{
    [Theory]
    [InlineData("30000000", null, 15_000)]
    [InlineData("30000000", "4242", 15_000)]
    [InlineData("2000", "", 1)]
    public void KeepAlives_AreSentAtHalfTheWatchdogTime(string usec, string? pid, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), SystemdWatchdog.IntervalFor(usec, pid, 4242));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("0", null)]
    [InlineData("-5", null)]
    [InlineData("abc", null)]
    [InlineData("30000000", "999")]
    public void NoWatchdog_WhenSystemdSetNone_OrItIsMeantForAnotherProcess(string? usec, string? pid) =>
        Assert.Null(SystemdWatchdog.IntervalFor(usec, pid, 4242));
}
