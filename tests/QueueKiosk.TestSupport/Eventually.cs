namespace QueueKiosk.TestSupport;

/// <summary>
/// Polls for a state instead of sleeping: robust on a loaded 2-core machine, fast on an idle one.
/// Tests assert states, never timings; the deadline only turns a hang into a failure.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>True as soon as <paramref name="condition"/> holds; false if it still does not at the deadline.</summary>
    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), timeout);

    /// <inheritdoc cref="TrueAsync(Func{bool}, TimeSpan?)"/>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Environment.TickCount64 + (long)(timeout ?? DefaultTimeout).TotalMilliseconds;
        while (Environment.TickCount64 < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(Poll);
        }

        return await condition();
    }

    /// <summary>Waits for <paramref name="condition"/>; fails naming <paramref name="what"/> if it never holds.</summary>
    public static async Task True(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        if (!await TrueAsync(condition, timeout))
        {
            throw Timeout(what, timeout);
        }
    }

    /// <summary>Waits until <paramref name="probe"/> gives a value and returns it; fails naming <paramref name="what"/>.</summary>
    public static Task<T> ValueAsync<T>(Func<T?> probe, string what, TimeSpan? timeout = null) =>
        ValueAsync(() => Task.FromResult(probe()), what, timeout);

    /// <inheritdoc cref="ValueAsync{T}(Func{T}, string, TimeSpan?)"/>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        T? value = default;
        if (!await TrueAsync(async () => (value = await probe()) is not null, timeout))
        {
            throw Timeout(what, timeout);
        }

        return value!;
    }

    /// <summary>Awaits a task with a generous bound so a broken test fails instead of hanging.</summary>
    public static async Task<T> Within<T>(Task<T> task, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            return await task.WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw Timeout(what, timeout);
        }
    }

    /// <inheritdoc cref="Within{T}(Task{T}, string, TimeSpan?)"/>
    public static async Task Within(Task task, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            await task.WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw Timeout(what, timeout);
        }
    }

    private static TimeoutException Timeout(string what, TimeSpan? timeout) =>
        new($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds:0} s waiting for: {what}");
}
