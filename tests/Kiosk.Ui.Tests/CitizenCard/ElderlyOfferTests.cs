using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.CitizenCard;
using QueueKiosk.KioskUi.Localization;

namespace QueueKiosk.KioskUi.Tests.CitizenCard;

/// <summary>
/// The elderly priority is offered when the card's date of birth reaches Kiosk:ElderlyAge (60 by
/// default, Law on the Elderly) on the office's date, and only if the office offers that group,
/// named as on the priority question.
/// </summary>
public sealed class ElderlyOfferTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static CitizenCardData BornOn(int year, int month, int day) => new("079095001234", "Nguyễn Văn An", new DateOnly(year, month, day));

    [Fact]
    public void FromTheSixtiethBirthday_TheElderlyGroupIsOffered_ByItsName()
    {
        var catalogue = SampleCatalogue.Catalogue();

        Assert.Equal("Người cao tuổi", CitizenCardApi.ElderlyChoice(BornOn(1966, 12, 4), Today, catalogue, 60, KioskText.Vietnamese));
        Assert.Equal("Elderly person", CitizenCardApi.ElderlyChoice(BornOn(1950, 3, 15), Today, catalogue, 60, KioskText.English));
        Assert.Null(CitizenCardApi.ElderlyChoice(BornOn(1966, 12, 5), Today, catalogue, 60, KioskText.Vietnamese));
        Assert.Null(CitizenCardApi.ElderlyChoice(BornOn(1990, 1, 1), Today, catalogue, 60, KioskText.Vietnamese));
    }

    [Fact]
    public void TheAgeLimit_IsTheKiosksSetting()
    {
        Assert.Equal("Người cao tuổi", CitizenCardApi.ElderlyChoice(BornOn(1990, 1, 1), Today, null, 30, KioskText.Vietnamese));
        Assert.Null(CitizenCardApi.ElderlyChoice(BornOn(1950, 3, 15), Today, null, 80, KioskText.Vietnamese));
    }

    [Fact]
    public void TheOfficesOwnGroupName_IsUsed_AndAnOfficeWithoutTheGroupOffersNothing()
    {
        var catalogue = SampleCatalogue.Catalogue();
        var withElderly = catalogue with { Site = catalogue.Site with { PriorityGroups = [new PriorityGroupDto(PriorityCategory.Elderly, "Người cao tuổi (từ 60)", "Senior (60+)", 1)] } };
        var withoutElderly = catalogue with { Site = catalogue.Site with { PriorityGroups = [new PriorityGroupDto(PriorityCategory.Pregnant, "Phụ nữ có thai", null, 1)] } };

        Assert.Equal("Người cao tuổi (từ 60)", CitizenCardApi.ElderlyChoice(BornOn(1950, 3, 15), Today, withElderly, 60, KioskText.Vietnamese));
        Assert.Equal("Senior (60+)", CitizenCardApi.ElderlyChoice(BornOn(1950, 3, 15), Today, withElderly, 60, KioskText.English));
        Assert.Null(CitizenCardApi.ElderlyChoice(BornOn(1950, 3, 15), Today, withoutElderly, 60, KioskText.Vietnamese));
    }
}
