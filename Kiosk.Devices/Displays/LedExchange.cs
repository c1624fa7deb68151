namespace QueueKiosk.Devices.Displays;

/// <summary>Resending on RS-485 noise: a timeout or a corrupt reply is retried, a refusal is not.</summary>
internal static class LedExchange
{
    public static async Task WithRetriesAsync(int retries, Func<CancellationToken, Task> exchange, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await exchange(cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < retries && IsWorthRetrying(e) && !cancellationToken.IsCancellationRequested)
            {
            }
        }
    }

    private static bool IsWorthRetrying(Exception e) =>
        e is LedBoardTimeoutException || (e is LedBoardException { IsTransient: true });
}
