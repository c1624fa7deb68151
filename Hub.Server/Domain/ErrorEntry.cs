using System.Globalization;
using System.Text.RegularExpressions;

namespace QueueKiosk.HubServer.Domain;

/// <summary>What kind of refusal an error is; the API edge turns it into the HTTP status (ProblemResults).</summary>
public enum ErrorKind
{
    /// <summary>The request is wrong: a missing, malformed or out-of-range value.</summary>
    Invalid,

    /// <summary>Who asks is not known (wrong password).</summary>
    Unauthenticated,

    /// <summary>Who asks is known but may not do this.</summary>
    Forbidden,

    /// <summary>The thing asked for does not exist.</summary>
    NotFound,

    /// <summary>The request is valid but the state does not allow it now (a closed counter, a ticket already served).</summary>
    Conflict,

    /// <summary>The account is locked for a while.</summary>
    Locked,

    /// <summary>Too many attempts from this caller for now; trying again later helps.</summary>
    Throttled,

    /// <summary>Nothing was done because a resource is out of reach; trying again later helps.</summary>
    Unavailable,

    /// <summary>A fault of the server itself.</summary>
    Unexpected,
}

/// <summary>
/// One entry of the error catalogue (<see cref="Errors"/>): a stable code the clients may test, its
/// kind, and its text in Vietnamese and English with named arguments ("{field}") filled in from the
/// values the throw site gives, in the order of <see cref="Arguments"/>.
/// </summary>
public abstract partial class ErrorEntry(string code, ErrorKind kind, IReadOnlyList<string> arguments, string vietnamese, string english)
{
    public string Code { get; } = code;

    public ErrorKind Kind { get; } = kind;

    public IReadOnlyList<string> Arguments { get; } = arguments;

    public string Vietnamese { get; } = vietnamese;

    public string English { get; } = english;

    /// <summary>The names a text refers to ("{field}" -> field), in order of appearance.</summary>
    public static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    public string Text(bool english, IReadOnlyList<object?> values) =>
        Placeholder().Replace(english ? English : Vietnamese, m =>
        {
            var index = IndexOf(m.Groups[1].Value);
            return index < values.Count ? Convert.ToString(values[index], CultureInfo.InvariantCulture) ?? "" : m.Value;
        });

    public override string ToString() => Code;

    private int IndexOf(string argument)
    {
        for (var i = 0; i < Arguments.Count; i++)
        {
            if (Arguments[i] == argument)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}

/// <summary>An error whose text takes no argument.</summary>
public sealed class Error(string code, ErrorKind kind, string vietnamese, string english)
    : ErrorEntry(code, kind, [], vietnamese, english)
{
    public static implicit operator ErrorMessage(Error error) => new(error, []);
}

/// <summary>An error whose text takes one named argument.</summary>
public sealed class Error<TArg>(string code, ErrorKind kind, string argument, string vietnamese, string english)
    : ErrorEntry(code, kind, [argument], vietnamese, english)
{
    public ErrorMessage With(TArg value) => new(this, [value]);
}

/// <summary>An error whose text takes two named arguments.</summary>
public sealed class Error<TArg1, TArg2>(string code, ErrorKind kind, (string First, string Second) arguments, string vietnamese, string english)
    : ErrorEntry(code, kind, [arguments.First, arguments.Second], vietnamese, english)
{
    public ErrorMessage With(TArg1 first, TArg2 second) => new(this, [first, second]);
}

/// <summary>An error whose text takes three named arguments.</summary>
public sealed class Error<TArg1, TArg2, TArg3>(string code, ErrorKind kind, (string First, string Second, string Third) arguments, string vietnamese, string english)
    : ErrorEntry(code, kind, [arguments.First, arguments.Second, arguments.Third], vietnamese, english)
{
    public ErrorMessage With(TArg1 first, TArg2 second, TArg3 third) => new(this, [first, second, third]);
}

/// <summary>A catalogue entry with the values of its arguments: what a DomainException carries.</summary>
public readonly record struct ErrorMessage(ErrorEntry Entry, IReadOnlyList<object?> Values)
{
    public string Text(bool english) => Entry.Text(english, Values);
}
