using System.Globalization;
using Microsoft.Extensions.Options;
using QueueKiosk.CounterDisplay.State;

namespace QueueKiosk.CounterDisplay.Voice;

/// <summary>Settings of the spoken calls (configuration section "Voice").</summary>
public sealed class VoiceOptions
{
    public const string Section = "Voice";

    /// <summary>Speak calls at all; when off the hall page only shows them.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>{number} and {counter} are replaced; the wording used in the field by default.</summary>
    public string Template { get; set; } = "Xin mời công dân có số thứ tự {number} đến quầy số {counter}";
}

/// <summary>Text from the configured template, no audio: used when voice is switched off.</summary>
public sealed class TemplateAnnouncementComposer(IOptions<VoiceOptions> options) : IAnnouncementComposer
{
    public string ComposeText(CallAnnouncement call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return options.Value.Template
            .Replace("{number}", call.TicketNumber, StringComparison.Ordinal)
            .Replace("{counter}", call.CounterNumber.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    public Task<AnnouncementAudio?> RenderAsync(string text, CancellationToken cancellationToken) =>
        Task.FromResult<AnnouncementAudio?>(null);
}
