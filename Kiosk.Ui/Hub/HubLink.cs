namespace QueueKiosk.KioskUi.Hub;

/// <summary>Whether the last conversation with the hub worked; the screens show one sentence when it did not.</summary>
public sealed class HubLink(TimeProvider time)
{
    private readonly Lock _gate = new();
    private bool _reachable = true;
    private DateTimeOffset? _lastContact;
    private string? _lastError;

    public bool IsReachable
    {
        get
        {
            lock (_gate)
            {
                return _reachable;
            }
        }
    }

    public DateTimeOffset? LastContact
    {
        get
        {
            lock (_gate)
            {
                return _lastContact;
            }
        }
    }

    public string? LastError
    {
        get
        {
            lock (_gate)
            {
                return _lastError;
            }
        }
    }

    public void Succeeded()
    {
        lock (_gate)
        {
            _reachable = true;
            _lastError = null;
            _lastContact = time.GetUtcNow();
        }
    }

    public void Failed(string error)
    {
        lock (_gate)
        {
            _reachable = false;
            _lastError = error;
        }
    }
}
