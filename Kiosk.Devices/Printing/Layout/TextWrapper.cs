namespace QueueKiosk.Devices.Printing.Layout;

/// <summary>Greedy word wrap with a caller's width measure (dots for raster, columns for text modes).</summary>
public static class TextWrapper
{
    public static IReadOnlyList<string> Wrap(string text, int maxWidth, Func<string, int> measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (measure(candidate) <= maxWidth)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            // A single word wider than the line is cut where it overflows.
            while (current.Length > 1 && measure(current) > maxWidth)
            {
                var fit = current.Length - 1;
                while (fit > 1 && measure(current[..fit]) > maxWidth)
                {
                    fit--;
                }

                lines.Add(current[..fit]);
                current = current[fit..];
            }
        }

        if (current.Length > 0 || lines.Count == 0)
        {
            lines.Add(current);
        }

        return lines;
    }
}
