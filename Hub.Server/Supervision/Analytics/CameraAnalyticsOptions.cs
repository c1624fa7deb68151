using System.Globalization;
using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Camera.Analytics;

namespace QueueKiosk.HubServer.Supervision.Analytics;

/// <summary>
/// Section "CameraAnalytics" (hardware-docs/cameras.md): which part of which camera shows each
/// counter's seat and the waiting area, and when presence raises alerts. Empty: analytics off.
/// </summary>
public sealed class CameraAnalyticsOptions
{
    public const string Section = "CameraAnalytics";

    /// <summary>Counter number (as text, e.g. "3") -> the camera and the region of its seat.</summary>
    public Dictionary<string, CameraRegionOptions> Counters { get; } = new(StringComparer.Ordinal);

    /// <summary>Parts of cameras that show the waiting area; the estimate is their sum.</summary>
    public List<CameraRegionOptions> Hall { get; } = [];

    /// <summary>An open counter with nobody seen at it this long raises an alert.</summary>
    public double EmptyCounterMinutes { get; set; } = 10;

    /// <summary>A closed counter with someone seen at it this long raises an alert.</summary>
    public double OccupiedClosedCounterMinutes { get; set; } = 3;

    /// <summary>Share (0..1) of a seat's region that must differ from the empty scene to count as someone there.</summary>
    public double PresentShare { get; set; } = 0.12;

    /// <summary>Someone perfectly still fades into the background after about this long.</summary>
    public double StillPersonMinutes { get; set; } = 30;
}

/// <summary>A camera and a rectangle of its picture, in fractions of its width and height.</summary>
public sealed class CameraRegionOptions
{
    public string CameraId { get; set; } = "";

    public double X { get; set; }

    public double Y { get; set; }

    public double Width { get; set; } = 1;

    public double Height { get; set; } = 1;

    public NormalizedRegion Region => new(X, Y, Width, Height);
}

/// <summary>Refuses a bad section on start, naming the key, in Vietnamese then English.</summary>
public sealed class CameraAnalyticsOptionsValidator : IValidateOptions<CameraAnalyticsOptions>
{
    public ValidateOptionsResult Validate(string? name, CameraAnalyticsOptions options)
    {
        var errors = Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IReadOnlyList<string> Validate(CameraAnalyticsOptions o)
    {
        var errors = new List<string>();
        foreach (var (number, region) in o.Counters)
        {
            var key = $"{CameraAnalyticsOptions.Section}:Counters:{number}";
            if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
                errors.Add($"{key}: số quầy phải là số nguyên dương / the key must be a counter number");
            CheckRegion(key, region, errors);
        }
        for (var i = 0; i < o.Hall.Count; i++)
            CheckRegion($"{CameraAnalyticsOptions.Section}:Hall:{i}", o.Hall[i], errors);
        if (o.EmptyCounterMinutes <= 0)
            errors.Add($"{CameraAnalyticsOptions.Section}:EmptyCounterMinutes: phải lớn hơn 0 / must be positive");
        if (o.OccupiedClosedCounterMinutes <= 0)
            errors.Add($"{CameraAnalyticsOptions.Section}:OccupiedClosedCounterMinutes: phải lớn hơn 0 / must be positive");
        if (o.PresentShare is <= 0 or >= 1)
            errors.Add($"{CameraAnalyticsOptions.Section}:PresentShare: phải lớn hơn 0 và nhỏ hơn 1 / must be between 0 and 1");
        if (o.StillPersonMinutes <= 0)
            errors.Add($"{CameraAnalyticsOptions.Section}:StillPersonMinutes: phải lớn hơn 0 / must be positive");
        return errors;
    }

    private static void CheckRegion(string key, CameraRegionOptions r, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(r.CameraId))
            errors.Add($"{key}:CameraId: thiếu mã camera / missing camera id");
        if (!r.Region.IsValid)
            errors.Add($"{key}: vùng ảnh phải nằm trong khung hình (X, Y, Width, Height từ 0 đến 1) / the region must lie inside the picture (fractions 0..1)");
    }
}
