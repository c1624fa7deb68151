namespace QueueKiosk.EndToEnd.Tests.Calling;

public static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds or <paramref name="timeout"/> passes (a loaded 2-core machine needs slack).</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }
}
