namespace QueueKiosk.HubServer.Domain;

/// <summary>
/// A rule of the queue was broken (wrong status, closed office...). Carries a message key that the
/// API turns into a localized ProblemDetails, the HTTP status, and the request field at fault.
/// </summary>
public sealed class DomainException(string code, int status = 409, string? field = null, params object[] args)
    : Exception(code)
{
    public string Code { get; } = code;

    public int Status { get; } = status;

    public string? Field { get; } = field;

    public object[] Args { get; } = args;

    /// <summary>Extra members copied into the ProblemDetails (e.g. opensAt).</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();
}
