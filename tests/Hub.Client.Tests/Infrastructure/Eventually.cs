namespace QueueKiosk.HubClient.Tests.Infrastructure;

/// <summary>Polls for a condition instead of sleeping: robust on a loaded machine, fast on an idle one.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task True(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var started = Environment.TickCount64;
        while (!condition())
        {
            if (Environment.TickCount64 - started > limit.TotalMilliseconds)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting for: {what}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Awaits a task with a generous bound so a broken test fails instead of hanging.</summary>
    public static async Task<T> Within<T>(Task<T> task, string what, TimeSpan? timeout = null)
    {
        try
        {
            return await task.WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Timed out waiting for: {what}");
            throw;
        }
    }
}
