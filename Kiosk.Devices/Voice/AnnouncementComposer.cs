namespace QueueKiosk.Devices.Voice;

/// <summary>How a call sounds: chime, then the sentence a number of times with pauses.</summary>
public sealed record AnnouncementSoundOptions
{
    public bool Chime { get; init; } = true;

    /// <summary>How many times the sentence is said (the field says it twice).</summary>
    public int Repeat { get; init; } = 2;

    public TimeSpan AfterChime { get; init; } = TimeSpan.FromMilliseconds(300);

    public TimeSpan BetweenRepeats { get; init; } = TimeSpan.FromMilliseconds(800);
}

/// <summary>Builds the one WAV of a call: chime + (speech + pause) x repeat.</summary>
public sealed class AnnouncementComposer
{
    private readonly ISpeechSynthesizer _speech;
    private readonly AnnouncementTextOptions _text;
    private readonly AnnouncementSoundOptions _sound;

    public AnnouncementComposer(ISpeechSynthesizer speech, AnnouncementTextOptions? text = null, AnnouncementSoundOptions? sound = null)
    {
        ArgumentNullException.ThrowIfNull(speech);
        _speech = speech;
        _text = text ?? new AnnouncementTextOptions();
        _sound = sound ?? new AnnouncementSoundOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_sound.Repeat, 1);
    }

    public string TextFor(string ticketNumber, string counter) => AnnouncementText.Build(ticketNumber, counter, _text);

    /// <summary>
    /// Several calls in one sentence, said once (a backlog: repeating it would make the last call
    /// later still): "Xin mời công dân có số thứ tự A005 đến quầy số hai; số B003 đến quầy số bốn".
    /// </summary>
    public async Task<(string Text, PcmAudio Audio)> ComposeGroupAsync(IReadOnlyList<(string TicketNumber, string Counter)> calls, CancellationToken cancellationToken = default)
    {
        var text = AnnouncementText.BuildGroup(calls, _text);
        var speech = await _speech.SynthesizeAsync(text, cancellationToken);
        var pieces = new List<PcmAudio>();
        if (_sound.Chime)
        {
            pieces.Add(Chime.Generate(speech.Format));
            pieces.Add(PcmAudio.Silence(speech.Format, _sound.AfterChime));
        }

        pieces.Add(speech);
        return (text, PcmAudio.Concat(speech.Format, pieces));
    }

    public async Task<(string Text, PcmAudio Audio)> ComposeAsync(string ticketNumber, string counter, CancellationToken cancellationToken = default)
    {
        var text = TextFor(ticketNumber, counter);
        var speech = await _speech.SynthesizeAsync(text, cancellationToken);
        var format = speech.Format;
        var pieces = new List<PcmAudio>();
        if (_sound.Chime)
        {
            pieces.Add(Chime.Generate(format));
            pieces.Add(PcmAudio.Silence(format, _sound.AfterChime));
        }

        for (var i = 0; i < _sound.Repeat; i++)
        {
            if (i > 0)
            {
                pieces.Add(PcmAudio.Silence(format, _sound.BetweenRepeats));
            }

            pieces.Add(speech);
        }

        return (text, PcmAudio.Concat(format, pieces));
    }
}
