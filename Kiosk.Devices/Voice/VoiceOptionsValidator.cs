using System.Text;
using Microsoft.Extensions.Options;

namespace QueueKiosk.Devices.Voice;

/// <summary>Checks "Voice" on start; every message starts with the key at fault.</summary>
public sealed class VoiceOptionsValidator : IValidateOptions<VoiceOptions>
{
    private const string Section = VoiceOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, VoiceOptions options)
    {
        var errors = Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IReadOnlyList<string> Validate(VoiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        switch (options.Engine.ToUpperInvariant())
        {
            case "ESPEAKNG":
                if (string.IsNullOrWhiteSpace(options.EspeakVoice))
                {
                    errors.Add($"{Section}:EspeakVoice: chưa chọn giọng, ví dụ vi, vi-vn-x-central, vi-vn-x-south (voice is required).");
                }

                if (options.EspeakRate is < 80 or > 450)
                {
                    errors.Add($"{Section}:EspeakRate: tốc độ phải từ 80 đến 450 từ/phút (rate must be 80..450 wpm).");
                }

                break;
            case "CLIPS":
                if (string.IsNullOrWhiteSpace(options.ClipsFolder) || !Directory.Exists(options.ClipsFolder))
                {
                    errors.Add($"{Section}:ClipsFolder: không có thư mục '{options.ClipsFolder}' (clip folder not found).");
                }

                break;
            default:
                errors.Add($"{Section}:Engine: '{options.Engine}' không hợp lệ, dùng EspeakNg hoặc Clips (engine must be EspeakNg or Clips).");
                break;
        }

        foreach (var problem in AnnouncementText.Validate(options.Template))
        {
            errors.Add($"{Section}:Template: {problem}.");
        }

        foreach (var problem in AnnouncementText.Validate(options.FollowingTemplate))
        {
            errors.Add($"{Section}:FollowingTemplate: {problem}.");
        }

        if (!Enum.TryParse<NumberReading>(options.NumberReading, ignoreCase: true, out _) || int.TryParse(options.NumberReading, out _))
        {
            errors.Add($"{Section}:NumberReading: '{options.NumberReading}' không hợp lệ, dùng Digits hoặc Words (must be Digits or Words).");
        }

        if (Nfc(options.FourAfterTens) is not ("tư" or "bốn"))
        {
            errors.Add($"{Section}:FourAfterTens: dùng \"tư\" hoặc \"bốn\" (must be tư or bốn).");
        }

        if (Nfc(options.ZeroTens) is not ("linh" or "lẻ"))
        {
            errors.Add($"{Section}:ZeroTens: dùng \"linh\" hoặc \"lẻ\" (must be linh or lẻ).");
        }

        if (options.Repeat is < 1 or > 5)
        {
            errors.Add($"{Section}:Repeat: số lần đọc phải từ 1 đến 5 (repeat must be 1..5).");
        }

        if (options.PauseBetweenRepeatsMs is < 0 or > 10_000)
        {
            errors.Add($"{Section}:PauseBetweenRepeatsMs: phải từ 0 đến 10000 (must be 0..10000 ms).");
        }

        if (options.GapAfterPlaybackMs is < 0 or > 10_000)
        {
            errors.Add($"{Section}:GapAfterPlaybackMs: phải từ 0 đến 10000 (must be 0..10000 ms).");
        }

        if (options.KeepLast is < 1 or > 10_000)
        {
            errors.Add($"{Section}:KeepLast: phải từ 1 đến 10000 (must be 1..10000).");
        }

        if (options.CacheSize is < 1 or > 10_000)
        {
            errors.Add($"{Section}:CacheSize: phải từ 1 đến 10000 (must be 1..10000).");
        }

        return errors;
    }

    private static string Nfc(string? value) => (value ?? string.Empty).Trim().Normalize(NormalizationForm.FormC);
}
