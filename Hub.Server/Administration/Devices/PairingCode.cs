using QRCoder;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Administration.Devices;

/// <summary>
/// What an installer needs to pair a host with the hub: the lines of its settings file (the names of
/// hardware-docs/systemd.md and Counter.Display/README.md, ":" written "__"), shown as text and as
/// a QR code to read with a phone at the device instead of copying a 52-character key by hand.
/// </summary>
public static class PairingCode
{
    public static string Settings(DeviceKind kind, string hubUrl, string key) => kind switch
    {
        DeviceKind.Kiosk => $"Kiosk__HubUrl={hubUrl}\nKiosk__DeviceKey={key}\n",
        // A rating tablet is a browser: the QR opens its page, which keeps the key and drops it from the address.
        DeviceKind.RatingTablet => $"{hubUrl}{HubRoutes.RatingTabletPage}#key={Uri.EscapeDataString(key)}",
        _ => $"Hub__Url={hubUrl}\nHub__DeviceKey={key}\n",
    };

    /// <summary>The text as a PNG QR code, in a data: URL an &lt;img&gt; shows directly.</summary>
    public static string QrPngDataUrl(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
