using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace QueueKiosk.Devices.Camera;

/// <summary>
/// Checks the camera list on start so a bad configuration stops the host with a message naming
/// the key, in Vietnamese then English.
/// </summary>
public sealed partial class CameraOptionsValidator : IValidateOptions<CamerasOptions>
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex IdPattern();

    public ValidateOptionsResult Validate(string? name, CamerasOptions options)
    {
        var errors = Validate(options.Cameras);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Returns one message per problem, each starting with the configuration key.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<CameraOptions> cameras)
    {
        var errors = new List<string>();
        var seenIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < cameras.Count; i++)
        {
            var c = cameras[i];
            var key = $"{CamerasOptions.SectionName}:{i}";
            void Fail(string field, string message) => errors.Add($"{key}:{field}: {message}");

            if (!IdPattern().IsMatch(c.Id))
                Fail("Id", "mã camera phải gồm chữ, số, '-' hoặc '_' (1-40 ký tự) / id must be 1-40 letters, digits, '-' or '_'");
            else if (!seenIds.Add(c.Id))
                Fail("Id", $"mã camera '{c.Id}' bị trùng / duplicate camera id");

            if (!Enum.TryParse<CameraSourceKind>(c.Source, ignoreCase: true, out var kind) || int.TryParse(c.Source, out _))
            {
                Fail("Source", $"nguồn '{c.Source}' không hợp lệ, dùng Rtsp, V4l2, File hoặc Synthetic / unknown source kind");
                continue;
            }

            switch (kind)
            {
                case CameraSourceKind.Rtsp:
                    if (string.IsNullOrWhiteSpace(c.Url))
                        Fail("Url", "thiếu địa chỉ RTSP / missing RTSP URL");
                    else if (!Uri.TryCreate(c.Url, UriKind.Absolute, out var uri) || (uri.Scheme != "rtsp" && uri.Scheme != "rtsps"))
                        Fail("Url", $"địa chỉ RTSP không hợp lệ (phải bắt đầu bằng rtsp://) / not an rtsp:// URL");
                    break;
                case CameraSourceKind.V4l2:
                    if (string.IsNullOrWhiteSpace(c.Device))
                        Fail("Device", "thiếu thiết bị V4L2, ví dụ /dev/video0 / missing V4L2 device");
                    break;
                case CameraSourceKind.File:
                    if (string.IsNullOrWhiteSpace(c.File))
                        Fail("File", "thiếu đường dẫn tệp video / missing video file");
                    break;
                case CameraSourceKind.Synthetic:
                    if (string.IsNullOrWhiteSpace(c.Pattern) || !c.Pattern.All(ch => char.IsAsciiLetterOrDigit(ch)))
                        Fail("Pattern", "mẫu hình phải là testsrc2 hoặc tên màu / pattern must be testsrc2 or a colour name");
                    break;
            }

            if (c.Width is < 16 or > 7680) Fail("Width", "chiều rộng phải từ 16 đến 7680 / width out of range");
            if (c.Height is < 16 or > 4320) Fail("Height", "chiều cao phải từ 16 đến 4320 / height out of range");
            if (c.FrameRate is < 1 or > 120) Fail("FrameRate", "tốc độ khung hình phải từ 1 đến 120 / frame rate out of range");
            if (c.PreviewFps is < 1 or > 30) Fail("PreviewFps", "tốc độ xem trước phải từ 1 đến 30 / preview fps out of range");
            if (c.AnalysisFps is < 1 or > 5) Fail("AnalysisFps", "tốc độ phân tích phải từ 1 đến 5 khung hình/giây / analysis fps must be 1-5");
            if (c.PreviewWidth is < 32 or > 3840 || c.PreviewWidth % 2 != 0)
                Fail("PreviewWidth", "chiều rộng xem trước phải là số chẵn từ 32 đến 3840 / preview width must be even, 32-3840");
            if (c.SegmentSeconds is < 1 or > 3600) Fail("SegmentSeconds", "độ dài đoạn ghi phải từ 1 đến 3600 giây / segment length out of range");
            if (c.RetentionDays < 0) Fail("RetentionDays", "số ngày lưu không được âm / retention days must not be negative");
            if (c.DiskBudgetMb < 0) Fail("DiskBudgetMb", "dung lượng đĩa không được âm / disk budget must not be negative");
            if (c.RecordingCodec is not ("auto" or "copy" or "libx264" or "mpeg4"))
                Fail("RecordingCodec", "bộ mã hoá phải là auto, copy, libx264 hoặc mpeg4 / codec must be auto, copy, libx264 or mpeg4");
            if (c.RecordingCodec == "copy" && kind != CameraSourceKind.Rtsp)
                Fail("RecordingCodec", "chỉ nguồn RTSP mới ghi nguyên bản (copy) / copy only works for RTSP sources");
            if (c.StallSeconds <= 0) Fail("StallSeconds", "phải lớn hơn 0 / must be positive");
            if (c.RtspTimeoutSeconds <= 0) Fail("RtspTimeoutSeconds", "phải lớn hơn 0 / must be positive");
            if (c.MinRestartDelaySeconds <= 0) Fail("MinRestartDelaySeconds", "phải lớn hơn 0 / must be positive");
            if (c.MaxRestartDelaySeconds < c.MinRestartDelaySeconds)
                Fail("MaxRestartDelaySeconds", "phải không nhỏ hơn MinRestartDelaySeconds / must be at least MinRestartDelaySeconds");
            if (c.RetentionIntervalSeconds <= 0) Fail("RetentionIntervalSeconds", "phải lớn hơn 0 / must be positive");
            if (string.IsNullOrWhiteSpace(c.FfmpegPath)) Fail("FfmpegPath", "thiếu đường dẫn ffmpeg / missing ffmpeg path");
        }
        return errors;
    }
}
