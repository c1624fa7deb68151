using QueueKiosk.CounterDisplay.State;

namespace QueueKiosk.CounterDisplay.Voice;

/// <summary>Audio of one announcement, ready to send to the hall page.</summary>
public sealed record AnnouncementAudio(byte[] Data, string ContentType);

/// <summary>
/// Turns a call into the words to say and, when voice is on, their audio. The seam between the
/// display host and Kiosk.Devices/Voice (text rules, espeak-ng or recorded clips).
/// </summary>
public interface IAnnouncementComposer
{
    string ComposeText(CallAnnouncement call);

    /// <summary>The audio of <paramref name="text"/>, or null when voice is switched off.</summary>
    Task<AnnouncementAudio?> RenderAsync(string text, CancellationToken cancellationToken);
}
