using Microsoft.Extensions.Logging.Abstractions;
using QueueKiosk.KioskUi.Catalogue;

namespace QueueKiosk.KioskUi.Tests.Catalogue;

public sealed class CatalogueStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kiosk-cache-").FullName;

    private string CachePath => Path.Combine(_dir, "sub", "catalogue.json");

    [Fact]
    public void NewStore_WithoutFile_HasNoCatalogue()
    {
        var store = new CatalogueStore(CachePath, NullLogger<CatalogueStore>.Instance);

        Assert.Null(store.Current);
        Assert.Empty(store.Search.Search("khai sinh"));
    }

    [Fact]
    public async Task Replace_ThenRestart_LoadsTheSameCatalogueFromDiskAndSearchesIt()
    {
        var first = new CatalogueStore(CachePath, NullLogger<CatalogueStore>.Instance);
        var catalogue = SampleCatalogue.Catalogue();
        await first.ReplaceAsync(catalogue, CancellationToken.None);
        Assert.False(first.IsFromCache);

        var restarted = new CatalogueStore(CachePath, NullLogger<CatalogueStore>.Instance);

        Assert.True(restarted.IsFromCache);
        Assert.NotNull(restarted.Current);
        Assert.Equal(catalogue.Site, restarted.Current.Site with { OpeningHours = catalogue.Site.OpeningHours });
        Assert.Equal(catalogue.Site.OpeningHours, restarted.Current.Site.OpeningHours);
        Assert.Equal(catalogue.Procedures.Select(p => (p.Id, p.Code, p.Name)), restarted.Current.Procedures.Select(p => (p.Id, p.Code, p.Name)));
        Assert.Equal("Tờ khai theo mẫu", restarted.Current.Procedures[0].Documents[0].Name);
        Assert.Equal([1, 2], restarted.Current.CounterNumbersFor(SampleCatalogue.CivilStatusService));
        Assert.Equal(catalogue.FetchedAt, restarted.Current.FetchedAt);
        Assert.Equal("Đăng ký khai sinh", restarted.Search.Search("khai sinh")[0].Name);
        Assert.False(File.Exists(CachePath + ".tmp"));
    }

    [Fact]
    public async Task TheLogo_IsKeptWithTheCatalogue_SoARestartWithoutTheHubStillShowsIt()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var first = new CatalogueStore(CachePath, NullLogger<CatalogueStore>.Instance);
        await first.ReplaceAsync(SampleCatalogue.Catalogue() with { Logo = new HubClient.Rest.SiteLogo(png, "image/png") }, CancellationToken.None);

        var restarted = new CatalogueStore(CachePath, NullLogger<CatalogueStore>.Instance);

        Assert.NotNull(restarted.Current?.Logo);
        Assert.Equal(png, restarted.Current.Logo.Bytes);
        Assert.Equal("image/png", restarted.Current.Logo.ContentType);
    }

    [Fact]
    public void DamagedFile_IsIgnoredNotFatal()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CachePath)!);
        File.WriteAllText(CachePath, "{ this is not json");

        var store = new CatalogueStore(CachePath, NullLogger<CatalogueStore>.Instance);

        Assert.Null(store.Current);
    }

    [Fact]
    public async Task Replace_Twice_KeepsTheNewest()
    {
        var store = new CatalogueStore(CachePath, NullLogger<CatalogueStore>.Instance);
        await store.ReplaceAsync(SampleCatalogue.Catalogue(), CancellationToken.None);
        var newer = SampleCatalogue.Catalogue(DateTimeOffset.Parse("2026-11-23T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await store.ReplaceAsync(newer with { Procedures = newer.Procedures.Take(1).ToList() }, CancellationToken.None);

        var restarted = new CatalogueStore(CachePath, NullLogger<CatalogueStore>.Instance);

        Assert.Single(restarted.Current!.Procedures);
        Assert.Equal(newer.FetchedAt, restarted.Current.FetchedAt);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
