using QueueKiosk.KioskUi.Configuration;

namespace QueueKiosk.KioskUi.Tests.Configuration;

public class KioskOptionsValidatorTests
{
    private static KioskOptions Valid() => new() { HubUrl = "http://127.0.0.1:5000", DeviceKey = "k", SiteCode = "DEMO", Name = "Kiosk 1" };

    [Fact]
    public void Validate_CompleteOptions_Succeeds()
    {
        Assert.True(new KioskOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Theory]
    [InlineData("", "Kiosk:HubUrl")]
    [InlineData("127.0.0.1:5000", "Kiosk:HubUrl")]
    [InlineData("ftp://hub", "Kiosk:HubUrl")]
    public void Validate_BadHubUrl_NamesTheKey(string url, string key)
    {
        var result = new KioskOptionsValidator().Validate(null, new KioskOptions { HubUrl = url, DeviceKey = "k", SiteCode = "DEMO" });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoSite_IsAllowed_TheHubsOnlySiteIsUsed()
    {
        var options = Valid();
        options.SiteCode = null;

        Assert.True(new KioskOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_BlankSiteCode_NamesTheKey()
    {
        var options = Valid();
        options.SiteCode = "   ";

        Assert.Contains("Kiosk:SiteCode", new KioskOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoDeviceKey_NamesTheKey()
    {
        var options = Valid();
        options.DeviceKey = " ";

        Assert.Contains("Kiosk:DeviceKey", new KioskOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }
}
