using Microsoft.Extensions.Logging.Abstractions;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Localization;

namespace QueueKiosk.KioskUi.Tests.Catalogue;

/// <summary>The priority question offers the office's groups, sent by the hub with the site; a hub older than the groups leaves the law's four.</summary>
public sealed class PriorityChoicesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kiosk-priority-").FullName;

    private static KioskCatalogue WithGroups()
    {
        var catalogue = SampleCatalogue.Catalogue();
        return catalogue with
        {
            Site = catalogue.Site with
            {
                PriorityGroups =
                [
                    new PriorityGroupDto(PriorityCategory.Elderly, "Người cao tuổi (từ 60)", "Senior (60+)", 20),
                    new PriorityGroupDto(PriorityCategory.Pregnant, "Phụ nữ có thai", null, 10),
                ],
            },
        };
    }

    [Fact]
    public void GroupsFromTheHub_AreOfferedInTheirOrder_WithTheOfficesNames()
    {
        var catalogue = WithGroups();

        Assert.Equal(
            [new PriorityChoice(PriorityCategory.Pregnant, "Phụ nữ có thai"), new PriorityChoice(PriorityCategory.Elderly, "Người cao tuổi (từ 60)")],
            catalogue.PriorityChoices(KioskText.Vietnamese));
        // English where the office gave an English name, Vietnamese otherwise.
        Assert.Equal(["Phụ nữ có thai", "Senior (60+)"], catalogue.PriorityChoices(KioskText.English).Select(c => c.Name));
        Assert.Equal("Người cao tuổi (từ 60)", catalogue.PriorityName(PriorityCategory.Elderly));
        Assert.Equal("Người khuyết tật", catalogue.PriorityName(PriorityCategory.Disabled));
    }

    [Fact]
    public void HubWithoutGroups_LeavesTheLawsFour()
    {
        var choices = SampleCatalogue.Catalogue().PriorityChoices(KioskText.Vietnamese);

        Assert.Equal(
            [PriorityCategory.Elderly, PriorityCategory.Disabled, PriorityCategory.Pregnant, PriorityCategory.RevolutionaryMerit],
            choices.Select(c => c.Category));
        Assert.Equal("Người cao tuổi", choices[0].Name);
    }

    [Fact]
    public async Task Groups_SurviveTheCatalogueCache_AcrossARestart()
    {
        var path = Path.Combine(_dir, "catalogue.json");
        await new CatalogueStore(path, NullLogger<CatalogueStore>.Instance).ReplaceAsync(WithGroups(), CancellationToken.None);

        var restarted = new CatalogueStore(path, NullLogger<CatalogueStore>.Instance);

        Assert.Equal(["Phụ nữ có thai", "Người cao tuổi (từ 60)"], restarted.Current!.PriorityChoices(KioskText.Vietnamese).Select(c => c.Name));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
