using Microsoft.Extensions.Options;

namespace QueueKiosk.KioskUi.Configuration;

/// <summary>Checks what data annotations cannot: a usable hub URL and a device key.</summary>
public sealed class KioskOptionsValidator : IValidateOptions<KioskOptions>
{
    public ValidateOptionsResult Validate(string? name, KioskOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.HubUrl, UriKind.Absolute, out var hub) || (hub.Scheme != Uri.UriSchemeHttp && hub.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"Kiosk:HubUrl phải là địa chỉ http(s) đầy đủ / must be an absolute http(s) URL (was '{options.HubUrl}').");
        }

        if (string.IsNullOrWhiteSpace(options.DeviceKey))
        {
            failures.Add("Kiosk:DeviceKey chưa được cấu hình / is required.");
        }

        if (options.SiteCode is { Length: > 0 } code && code.Trim().Length == 0)
        {
            failures.Add("Kiosk:SiteCode không được chỉ có dấu cách / must not be blank.");
        }

        if (!string.IsNullOrWhiteSpace(options.TicketLookupUrl)
            && (!Uri.TryCreate(options.TicketLookupUrl.Replace("{number}", "A001", StringComparison.Ordinal), UriKind.Absolute, out var lookup)
                || (lookup.Scheme != Uri.UriSchemeHttp && lookup.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"Kiosk:TicketLookupUrl phải là địa chỉ http(s) đầy đủ / must be an absolute http(s) URL (was '{options.TicketLookupUrl}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
