using System.Text;

namespace QueueKiosk.Devices.Voice;

/// <summary>How the ticket number is read in an announcement.</summary>
public enum NumberReading
{
    /// <summary>"A015" -> "a, không, một, năm": what most halls use, unambiguous.</summary>
    Digits,

    /// <summary>"A015" -> "a, mười lăm".</summary>
    Words,
}

/// <summary>The wording of a call.</summary>
public sealed record AnnouncementTextOptions
{
    public const string DefaultTemplate = "Xin mời công dân có số thứ tự {number} đến quầy số {counter}";

    public const string DefaultFollowingTemplate = "số {number} đến quầy số {counter}";

    /// <summary>Placeholders: {number} (the ticket) and {counter}.</summary>
    public string Template { get; init; } = DefaultTemplate;

    /// <summary>Each call after the first when several are said in one sentence (same placeholders).</summary>
    public string FollowingTemplate { get; init; } = DefaultFollowingTemplate;

    public NumberReading NumberReading { get; init; } = NumberReading.Digits;

    public VietnameseReadingOptions Reading { get; init; } = VietnameseReadingOptions.Default;
}

/// <summary>Builds the sentence a call says (pure, NFC).</summary>
public static class AnnouncementText
{
    public static readonly string[] Placeholders = ["{number}", "{counter}"];

    /// <summary>"A015", "3" -> "Xin mời công dân có số thứ tự a, không, một, năm đến quầy số ba".</summary>
    public static string Build(string ticketNumber, string counter, AnnouncementTextOptions? options = null) =>
        Fill((options ?? new AnnouncementTextOptions()).Template, ticketNumber, counter, options);

    /// <summary>
    /// Several calls in one sentence: the first with <see cref="AnnouncementTextOptions.Template"/>,
    /// the others with <see cref="AnnouncementTextOptions.FollowingTemplate"/>, joined by "; ".
    /// </summary>
    public static string BuildGroup(IReadOnlyList<(string TicketNumber, string Counter)> calls, AnnouncementTextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentOutOfRangeException.ThrowIfZero(calls.Count);
        options ??= new AnnouncementTextOptions();
        return string.Join("; ", calls.Select((c, i) => Fill(i == 0 ? options.Template : options.FollowingTemplate, c.TicketNumber, c.Counter, options)));
    }

    private static string Fill(string template, string ticketNumber, string counter, AnnouncementTextOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticketNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(counter);
        options ??= new AnnouncementTextOptions();
        var number = options.NumberReading == NumberReading.Digits
            ? VietnameseNumberReader.ReadCharacters(ticketNumber)
            : VietnameseNumberReader.ReadCode(ticketNumber, options.Reading);

        // Counters are read as numbers ("quầy số mười hai"), whatever the ticket reading.
        var counterText = VietnameseNumberReader.ReadCode(counter, options.Reading);
        return template.Normalize(NormalizationForm.FormC)
            .Replace("{number}", number, StringComparison.Ordinal)
            .Replace("{counter}", counterText, StringComparison.Ordinal);
    }

    /// <summary>Problems with a template: unknown placeholders, no {number}. Empty when valid.</summary>
    public static IReadOnlyList<string> Validate(string? template)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(template))
        {
            problems.Add("mẫu câu trống (template is empty)");
            return problems;
        }

        if (!template.Contains("{number}", StringComparison.Ordinal))
        {
            problems.Add("mẫu câu thiếu {number} (template lacks {number})");
        }

        var rest = Placeholders.Aggregate(template, (t, p) => t.Replace(p, string.Empty, StringComparison.Ordinal));
        if (rest.Contains('{', StringComparison.Ordinal) || rest.Contains('}', StringComparison.Ordinal))
        {
            problems.Add("mẫu câu có chỗ trống lạ; chỉ dùng {number} và {counter} (unknown placeholder; use {number} and {counter})");
        }

        return problems;
    }
}
