namespace QueueKiosk.HubServer.Domain;

/// <summary>
/// A rule of the queue was broken (wrong status, closed office...). Carries an entry of the error
/// catalogue (<see cref="Errors"/>) with its argument values, and the request field at fault; the
/// API edge turns it into a localized ProblemDetails whose status comes from the entry's kind.
/// </summary>
public sealed class DomainException(ErrorMessage error, string? field = null)
    : Exception($"{error.Entry.Code}: {error.Text(english: true)}")
{
    public ErrorMessage Error { get; } = error;

    public string Code => Error.Entry.Code;

    public ErrorKind Kind => Error.Entry.Kind;

    public string? Field { get; } = field;

    /// <summary>Extra members copied into the ProblemDetails (e.g. opensAt).</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();
}
