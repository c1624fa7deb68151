using Microsoft.Extensions.Options;

namespace QueueKiosk.Devices.Printing.Queue;

/// <summary>Checks the "Printer" section on start; every message names its key.</summary>
public sealed class PrinterOptionsValidator : IValidateOptions<PrinterOptions>
{
    private const string Prefix = PrinterOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, PrinterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        switch (options.Transport)
        {
            case PrinterTransportKind.Tcp:
                if (string.IsNullOrWhiteSpace(options.Host))
                {
                    errors.Add($"{Prefix}Host: chưa khai báo địa chỉ máy in mạng (printer host is required for Transport=Tcp).");
                }

                if (options.Port is < 1 or > 65535)
                {
                    errors.Add($"{Prefix}Port: cổng {options.Port} không hợp lệ, thường là 9100 (port must be 1-65535).");
                }

                Positive(errors, nameof(options.ConnectTimeout), options.ConnectTimeout);
                Positive(errors, nameof(options.WriteTimeout), options.WriteTimeout);
                break;
            case PrinterTransportKind.Serial:
                errors.AddRange(options.Serial.ToSettings().Validate($"{Prefix}Serial:"));
                break;
            case PrinterTransportKind.Usb:
                // A USB printer that is off at boot is not a configuration error: it shows as Disconnected.
                if (string.IsNullOrWhiteSpace(options.UsbPath) || !options.UsbPath.StartsWith('/'))
                {
                    errors.Add($"{Prefix}UsbPath: cần đường dẫn tuyệt đối, ví dụ /dev/usb/lp0 (absolute device path required).");
                }

                Positive(errors, nameof(options.WriteTimeout), options.WriteTimeout);
                break;
            case PrinterTransportKind.Virtual:
                break;
            default:
                errors.Add($"{Prefix}Transport: '{options.Transport}' không hợp lệ (must be Tcp, Serial, Usb or Virtual).");
                break;
        }

        if (string.IsNullOrWhiteSpace(options.QueuePath))
        {
            errors.Add($"{Prefix}QueuePath: chưa khai báo tệp hàng đợi in (queue journal path is required).");
        }
        else if (Directory.Exists(options.QueuePath))
        {
            errors.Add($"{Prefix}QueuePath: '{options.QueuePath}' là thư mục, cần đường dẫn tệp (must be a file path, not a directory).");
        }

        Positive(errors, nameof(options.StatusPollInterval), options.StatusPollInterval);
        Positive(errors, nameof(options.StatusReplyTimeout), options.StatusReplyTimeout);
        Positive(errors, nameof(options.RetryInitialDelay), options.RetryInitialDelay);
        if (options.RetryMaxDelay < options.RetryInitialDelay)
        {
            errors.Add($"{Prefix}RetryMaxDelay: phải không nhỏ hơn RetryInitialDelay (must be at least RetryInitialDelay).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}{key}: thời gian {value} không hợp lệ, phải lớn hơn 0 (must be positive).");
        }
    }
}
