namespace QueueKiosk.KioskUi.Hub;

/// <summary>Whether the last conversation with the hub worked; the screens show one sentence when it did not.</summary>
public sealed class HubLink(TimeProvider time)
{
    private readonly Lock gate = new();
    private bool reachable = true;
    private DateTimeOffset? lastContact;
    private string? lastError;

    public bool IsReachable
    {
        get
        {
            lock (gate)
            {
                return reachable;
            }
        }
    }

    public DateTimeOffset? LastContact
    {
        get
        {
            lock (gate)
            {
                return lastContact;
            }
        }
    }

    public string? LastError
    {
        get
        {
            lock (gate)
            {
                return lastError;
            }
        }
    }

    public void Succeeded()
    {
        lock (gate)
        {
            reachable = true;
            lastError = null;
            lastContact = time.GetUtcNow();
        }
    }

    public void Failed(string error)
    {
        lock (gate)
        {
            reachable = false;
            lastError = error;
        }
    }
}
