using QueueKiosk.Devices.Printing.Layout;
using QueueKiosk.Devices.Printing.Queue;
using QueueKiosk.KioskUi.Configuration;

namespace QueueKiosk.KioskUi.Tests.Configuration;

/// <summary>Every key documented for Kiosk.Ui, or in its appsettings.json, reaches a real option property.</summary>
public class ConfigurationKeysTests
{
    /// <summary>The sections Kiosk.Ui binds (KioskServiceCollectionExtensions) and their option classes; "Printer" holds two.</summary>
    private static readonly (string, Type)[] Sections =
    [
        (KioskOptions.SectionName, typeof(KioskOptions)),
        (PrinterOptions.SectionName, typeof(PrinterOptions)),
        (PrinterProfile.DefaultSectionName, typeof(PrinterProfile)),
    ];

    [Fact]
    public void DocumentedKeys_BindToOptions() => DocumentedConfiguration.DocumentsBindTo(Sections);

    [Fact]
    public void SampleSettings_BindToOptions() => DocumentedConfiguration.SampleSettingsBindTo("Kiosk.Ui", Sections);
}
