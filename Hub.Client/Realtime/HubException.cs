namespace QueueKiosk.HubClient.Realtime;

/// <summary>An error the hub reported: a failed invocation, a refused handshake or a close with an error.</summary>
public sealed class HubException : Exception
{
    public HubException()
    {
    }

    public HubException(string message)
        : base(message)
    {
    }

    public HubException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
