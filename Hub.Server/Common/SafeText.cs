using System.Globalization;
using System.Text;

namespace QueueKiosk.HubServer.Common;

/// <summary>
/// What text must be before it is stored. PostgreSQL refuses a NUL character and text that is not
/// valid UTF-16 (an unpaired surrogate, e.g. an emoji cut in half), and one refused row would fail
/// the commit it shares with other clients' actions; so every request text is checked here first
/// (<see cref="Validate"/>), and text that the hub itself shortens is cut between whole characters.
/// </summary>
public static class SafeText
{
    /// <summary>True when the text holds no control character (tab and line breaks allowed) and no unpaired surrogate.</summary>
    public static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The text in NFC. Text that cannot be normalised (an unpaired surrogate, a control character)
    /// is returned unchanged, for <see cref="Validate"/> to refuse by its field's name.
    /// </summary>
    public static string ToNfc(string text) =>
        !IsStorable(text) || text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>
    /// Untrusted text the hub keeps anyway (a device's printer message, an alert's detail): NFC,
    /// control characters and broken surrogates dropped, cut to at most <paramref name="max"/>
    /// UTF-16 units between whole characters.
    /// </summary>
    public static string Clean(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var kept = IsStorable(text) ? text : Strip(text);
        return Truncate(kept.IsNormalized(NormalizationForm.FormC) ? kept : kept.Normalize(NormalizationForm.FormC), max);
    }

    /// <summary>The longest start of the text that fits <paramref name="max"/> UTF-16 units and ends on a whole character (text element).</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + ((string)elements.Current).Length;
            if (next > max)
            {
                break;
            }

            end = next;
        }

        return text[..end];
    }

    private static string Strip(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && (!char.IsControl(c) || c is '\t' or '\n' or '\r'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
