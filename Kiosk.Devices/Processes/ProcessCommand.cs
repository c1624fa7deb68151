using System.Text;

namespace QueueKiosk.Devices.Processes;

/// <summary>
/// A program, its arguments as a list (no shell quoting involved) and extra environment
/// variables, with a printable form for logs and support pages.
/// </summary>
public record ProcessCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Variables set for the child on top of the parent's environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>A shell-pasteable command line (arguments shown through <see cref="Printable"/>).</summary>
    public string CommandLine
    {
        get
        {
            var sb = new StringBuilder();
            foreach (var (name, value) in Environment)
            {
                sb.Append(name).Append('=').Append(Quote(value)).Append(' ');
            }

            sb.Append(Quote(FileName));
            foreach (var a in Arguments)
            {
                sb.Append(' ').Append(Quote(Printable(a)));
            }

            return sb.ToString();
        }
    }

    public sealed override string ToString() => CommandLine;

    /// <summary>How an argument is printed; a command with secrets in its arguments masks them here.</summary>
    protected virtual string Printable(string argument) => argument;

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=+,@%".Contains(c))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
