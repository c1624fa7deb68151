using System.ComponentModel.DataAnnotations;
using QueueKiosk.Devices.Voice;

namespace QueueKiosk.CounterDisplay.Voice;

/// <summary>Settings of the spoken calls (configuration section "Voice").</summary>
public sealed class VoiceOptions : IValidatableObject
{
    public const string Section = "Voice";

    /// <summary>Speak calls at all; when off the hall page only shows them.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>{number} and {counter} are replaced; the wording used in the field by default.</summary>
    public string Template { get; set; } = AnnouncementTextOptions.DefaultTemplate;

    /// <summary>Digits ("a, không, một, năm") or Words ("a, mười lăm").</summary>
    public NumberReading NumberReading { get; set; } = NumberReading.Digits;

    /// <summary>espeak-ng voice: vi (Northern), vi-vn-x-central, vi-vn-x-south.</summary>
    public string EspeakVoice { get; set; } = "vi";

    [Range(80, 450, ErrorMessage = "Voice:Rate phải từ 80 đến 450 / Voice:Rate must be 80..450")]
    public int Rate { get; set; } = 130;

    /// <summary>How many times the sentence is said (the field says it twice).</summary>
    [Range(1, 5, ErrorMessage = "Voice:Repeat phải từ 1 đến 5 / Voice:Repeat must be 1..5")]
    public int Repeat { get; set; } = 2;

    public bool Chime { get; set; } = true;

    /// <summary>A folder of recorded clips to join instead of espeak-ng (hardware-docs/voice.md); empty = espeak-ng.</summary>
    public string? ClipFolder { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AnnouncementText.Validate(Template).Select(problem => new ValidationResult($"Voice:Template: {problem}", [nameof(Template)]));
}
