using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Printing.Layout;

namespace QueueKiosk.Devices.Tests.Layout;

public sealed class PrinterProfileTests
{
    [Fact]
    public void Default_IsValidRaster80mmEpson()
    {
        var profile = new PrinterProfile();

        Assert.Empty(PrinterProfileValidation.Validate(profile));
        Assert.Equal(PrinterTextMode.Raster, profile.Mode);
        Assert.Equal(576, profile.WidthDots);
        Assert.Equal(48, profile.TextColumns);
        Assert.Equal(new CodeTableSet(30, 31, 52), profile.ResolveCodeTables());
    }

    [Theory]
    [InlineData(58, 384, 32)]
    [InlineData(80, 576, 48)]
    public void PaperWidth_GivesDotsAndColumns(int millimetres, int dots, int columns)
    {
        var profile = new PrinterProfile { PaperWidthMm = millimetres };

        Assert.Equal(dots, profile.WidthDots);
        Assert.Equal(columns, profile.TextColumns);
    }

    [Theory]
    [InlineData("epson", 30, 31, 52)]
    [InlineData("EPSON", 30, 31, 52)]
    [InlineData("zjiang", null, null, 27)]
    [InlineData("zjiang-94", null, null, 94)]
    [InlineData("netum", null, null, 27)]
    [InlineData("rongta", null, null, 35)]
    [InlineData("generic-clone", null, null, null)]
    public void Presets_GiveCodeTables(string preset, int? lower, int? upper, int? cp1258)
    {
        var tables = new PrinterProfile { Preset = preset }.ResolveCodeTables();

        Assert.Equal(new CodeTableSet((byte?)lower, (byte?)upper, (byte?)cp1258), tables);
    }

    [Fact]
    public void Overrides_WinOverThePreset()
    {
        var profile = new PrinterProfile { Preset = "rongta", Cp1258Table = 94, Tcvn3LowerTable = 40, Tcvn3UpperTable = 41 };

        Assert.Equal(new CodeTableSet(40, 41, 94), profile.ResolveCodeTables());
    }

    [Fact]
    public void CancelKanjiMode_FollowsPresetUnlessSet()
    {
        Assert.False(new PrinterProfile { Preset = "epson" }.ResolveCancelKanjiMode());
        Assert.True(new PrinterProfile { Preset = "zjiang" }.ResolveCancelKanjiMode());
        Assert.True(new PrinterProfile { Preset = "epson", CancelKanjiMode = true }.ResolveCancelKanjiMode());
    }

    [Fact]
    public void Validate_MissingFont_NamesTheSettingAndThePath()
    {
        var errors = PrinterProfileValidation.Validate(new PrinterProfile { FontPath = "/x.ttf" });

        var error = Assert.Single(errors);
        Assert.StartsWith("Printer:FontPath: không tìm thấy tệp phông chữ '/x.ttf'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(PrinterProfile.PaperWidthMm), "PaperWidthMm")]
    [InlineData(nameof(PrinterProfile.Preset), "Preset")]
    [InlineData(nameof(PrinterProfile.BoldFontPath), "BoldFontPath")]
    [InlineData(nameof(PrinterProfile.Cp1258Table), "Cp1258Table")]
    [InlineData(nameof(PrinterProfile.MaxRasterRowsPerBand), "MaxRasterRowsPerBand")]
    [InlineData(nameof(PrinterProfile.QrModuleSize), "QrModuleSize")]
    [InlineData(nameof(PrinterProfile.CutFeedDots), "CutFeedDots")]
    public void Validate_OneBadSetting_OneErrorNamingIt(string setting, string key)
    {
        var profile = new PrinterProfile();
        switch (setting)
        {
            case nameof(PrinterProfile.PaperWidthMm): profile.PaperWidthMm = 76; break;
            case nameof(PrinterProfile.Preset): profile.Preset = "no-such-printer"; break;
            case nameof(PrinterProfile.BoldFontPath): profile.BoldFontPath = "/missing/bold.ttf"; break;
            case nameof(PrinterProfile.Cp1258Table): profile.Cp1258Table = 300; break;
            case nameof(PrinterProfile.MaxRasterRowsPerBand): profile.MaxRasterRowsPerBand = 0; break;
            case nameof(PrinterProfile.QrModuleSize): profile.QrModuleSize = 17; break;
            case nameof(PrinterProfile.CutFeedDots): profile.CutFeedDots = 256; break;
        }

        var error = Assert.Single(PrinterProfileValidation.Validate(profile, "Kiosk:Printer"));

        Assert.StartsWith($"Kiosk:Printer:{key}: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PrinterTextMode.Tcvn3, "zjiang", "Printer:Tcvn3LowerTable: ")]
    [InlineData(PrinterTextMode.Cp1258, "generic-clone", "Printer:Cp1258Table: ")]
    public void Validate_ModeWithoutTableNumber_NamesTheTableSetting(PrinterTextMode mode, string preset, string prefix)
    {
        var errors = PrinterProfileValidation.Validate(new PrinterProfile { Mode = mode, Preset = preset });

        Assert.Contains(errors, e => e.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void AddPrinterProfile_BindsConfiguration()
    {
        using var provider = Services(new()
        {
            ["Printer:Mode"] = "tcvn3",
            ["Printer:PaperWidthMm"] = "58",
            ["Printer:Preset"] = "rongta",
            ["Printer:Tcvn3LowerTable"] = "30",
            ["Printer:Tcvn3UpperTable"] = "31",
            ["Printer:CutMode"] = "Full",
        });

        var profile = provider.GetRequiredService<IOptions<PrinterProfile>>().Value;

        Assert.Equal(PrinterTextMode.Tcvn3, profile.Mode);
        Assert.Equal(384, profile.WidthDots);
        Assert.Equal(new CodeTableSet(30, 31, 35), profile.ResolveCodeTables());
        Assert.Equal(CutMode.Full, profile.CutMode);
    }

    [Fact]
    public void AddPrinterProfile_MissingFont_FailsWithTheKeyInTheMessage()
    {
        using var provider = Services(new() { ["Printer:FontPath"] = "/x.ttf" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PrinterProfile>>().Value);

        Assert.Contains("Printer:FontPath: không tìm thấy tệp phông chữ '/x.ttf'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPrinterProfile_ValidatesOnStart()
    {
        using var provider = Services(new() { ["Printer:PaperWidthMm"] = "110" });

        // ValidateOnStart registers a startup validator that hosts run before starting.
        var validator = provider.GetRequiredService<IStartupValidator>();
        var error = Assert.Throws<OptionsValidationException>(validator.Validate);

        Assert.Contains("Printer:PaperWidthMm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTicketRendering_GivesARendererForTheBoundProfile()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Printer:Mode"] = "ascii" }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddTicketRendering();
        using var provider = services.BuildServiceProvider();

        var renderer = provider.GetRequiredService<TicketRenderer>();
        var bytes = renderer.Render(TicketLayout.Demo(), provider.GetRequiredService<IOptions<PrinterProfile>>().Value);

        Assert.Same(renderer, provider.GetRequiredService<TicketRenderer>());
        Assert.All(bytes, b => Assert.True(b < 0x80));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPrinterProfile();
        return services.BuildServiceProvider();
    }
}
