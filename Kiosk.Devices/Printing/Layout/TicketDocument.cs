using System.Globalization;
using QueueKiosk.Devices.EscPos;

namespace QueueKiosk.Devices.Printing.Layout;

/// <summary>What a line of a ticket is for; each text mode maps roles to its own sizes.</summary>
public enum TicketTextRole
{
    Body,
    BodyBold,
    Small,
    CentreName,
    Heading,

    /// <summary>The ticket number: as large as fits the paper.</summary>
    Number,
}

/// <summary>One piece of a ticket, in print order.</summary>
public abstract record TicketElement;

/// <summary>A paragraph; encoders wrap it to the paper width.</summary>
public sealed record TicketText(string Text, TicketTextRole Role, Justification Align) : TicketElement;

/// <summary>Blank paper, in dots (8 per mm); text modes round it to whole lines.</summary>
public sealed record TicketGap(int Dots) : TicketElement;

/// <summary>A horizontal separator.</summary>
public sealed record TicketRule : TicketElement;

/// <summary>A QR code, centred, printed by the printer's own QR engine.</summary>
public sealed record TicketQrCode(string Data) : TicketElement;

/// <summary>Turns a <see cref="TicketLayout"/> into the element list every text mode renders.</summary>
public static class TicketComposer
{
    public static IReadOnlyList<TicketElement> Compose(TicketLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var elements = new List<TicketElement>
        {
            new TicketText(layout.CentreName, TicketTextRole.CentreName, Justification.Center),
        };
        if (!string.IsNullOrWhiteSpace(layout.Header))
        {
            elements.Add(new TicketText(layout.Header, TicketTextRole.Body, Justification.Center));
        }

        elements.AddRange(
        [
            new TicketGap(8),
            new TicketRule(),
            new TicketGap(16),
            new TicketText(layout.Heading, TicketTextRole.Heading, Justification.Center),
            new TicketGap(8),
            new TicketText(layout.Number, TicketTextRole.Number, Justification.Center),
            new TicketGap(16),
            new TicketText(layout.ServiceName, TicketTextRole.BodyBold, Justification.Center),
        ]);

        if (!string.IsNullOrWhiteSpace(layout.ProcedureName))
        {
            elements.Add(new TicketText(layout.ProcedureName, TicketTextRole.Body, Justification.Center));
        }

        elements.Add(new TicketGap(8));
        elements.Add(new TicketRule());
        elements.Add(new TicketGap(8));
        var labels = layout.Labels;
        if (layout.Counters.Count > 0)
        {
            elements.Add(Info($"{labels.Counters}: {string.Join(", ", layout.Counters)}"));
        }

        elements.Add(Info(string.Create(CultureInfo.InvariantCulture, $"{labels.PeopleAhead}: {layout.PeopleAhead}")));
        if (layout.EstimatedWait is { } wait)
        {
            elements.Add(Info($"{labels.EstimatedWait}: {labels.FormatWait(wait)}"));
        }

        elements.Add(Info($"{labels.IssuedAt}: {layout.IssuedAt.ToString("HH:mm:ss dd/MM/yyyy", CultureInfo.InvariantCulture)}"));
        elements.Add(new TicketGap(16));
        if (!string.IsNullOrWhiteSpace(layout.LookupUrl))
        {
            elements.Add(new TicketQrCode(layout.LookupUrl));
            elements.Add(new TicketGap(8));
            elements.Add(new TicketText(layout.LookupCaption, TicketTextRole.Small, Justification.Center));
            elements.Add(new TicketGap(16));
        }

        if (!string.IsNullOrWhiteSpace(layout.Notes))
        {
            foreach (var line in layout.Notes.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                elements.Add(new TicketText(line, TicketTextRole.Small, Justification.Center));
            }

            elements.Add(new TicketGap(8));
        }

        elements.Add(new TicketText(layout.Footer, TicketTextRole.BodyBold, Justification.Center));
        return elements;
    }

    private static TicketText Info(string text) => new(text, TicketTextRole.Body, Justification.Left);
}
