using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Localization;

namespace QueueKiosk.KioskUi.Tests.Catalogue;

/// <summary>In English the kiosk shows the catalogue's English names where the office gave them, and says so where it did not (issue 10 item 12).</summary>
public sealed class EnglishNamesTests
{
    [Fact]
    public void Field_WithAnEnglishName_IsShownInEnglish_OnlyInEnglish()
    {
        var catalogue = SampleCatalogue.Catalogue();
        var field = catalogue.FindField(SampleCatalogue.CivilStatus)!;

        Assert.Equal(new CatalogueText("Justice - Civil status", true), catalogue.FieldText(field, KioskText.English));
        Assert.Equal(new CatalogueText("Tư pháp - Hộ tịch", true), catalogue.FieldText(field, KioskText.Vietnamese));
    }

    [Fact]
    public void Field_WithoutAnEnglishName_StaysVietnamese_MarkedUntranslated()
    {
        var catalogue = SampleCatalogue.Catalogue();
        var field = catalogue.FindField(SampleCatalogue.Business)!;

        Assert.Equal(new CatalogueText("Kinh doanh", false), catalogue.FieldText(field with { NameEn = null }, KioskText.English));
        Assert.Equal(new CatalogueText("Kinh doanh", false), catalogue.FieldText(field with { NameEn = "" }, KioskText.English));
    }

    [Fact]
    public void Procedure_HasNoEnglishVersion_SoInEnglishItIsVietnameseAndSaidSo()
    {
        var procedure = SampleCatalogue.Procedures[3];

        Assert.Equal(new CatalogueText("Đăng ký khai sinh", false), KioskCatalogue.ProcedureText(procedure, KioskText.English));
        Assert.Equal(new CatalogueText("Đăng ký khai sinh", true), KioskCatalogue.ProcedureText(procedure, KioskText.Vietnamese));
        Assert.Equal("No English version; shown in Vietnamese", KioskText.Get(KioskText.English, "catalogue.untranslated"));
    }

    [Fact]
    public void Procedure_WithAnEnglishName_IsShownInEnglish_OnlyInEnglish()
    {
        var procedure = SampleCatalogue.Procedures[3] with { NameEn = "Birth registration" };

        Assert.Equal(new CatalogueText("Birth registration", true), KioskCatalogue.ProcedureText(procedure, KioskText.English));
        Assert.Equal(new CatalogueText("Đăng ký khai sinh", true), KioskCatalogue.ProcedureText(procedure, KioskText.Vietnamese));
        Assert.Equal(new CatalogueText("Đăng ký khai sinh", false), KioskCatalogue.ProcedureText(procedure with { NameEn = "" }, KioskText.English));
    }

    [Fact]
    public void Search_FindsAProcedureByItsEnglishName_AsWellAsItsVietnameseOne()
    {
        var procedures = SampleCatalogue.Procedures.Select(p => p.Code == "1.000894" ? p with { NameEn = "Marriage registration" } : p).ToList();
        var search = new ProcedureSearch(procedures);

        Assert.Equal("1.000894", search.Search("marriage").First().Code);
        Assert.Equal("1.000894", search.Search("ket hon").First().Code);
        Assert.Empty(search.Search("guardianship"));
    }

    [Fact]
    public void ServiceName_IsTheEnglishOneInEnglish()
    {
        var catalogue = SampleCatalogue.Catalogue();

        Assert.Equal("Civil status", catalogue.ServiceName(SampleCatalogue.CivilStatusService, KioskText.English));
        Assert.Equal("Hộ tịch", catalogue.ServiceName(SampleCatalogue.CivilStatusService, KioskText.Vietnamese));
        Assert.Null(catalogue.ServiceName(Guid.NewGuid(), KioskText.English));
    }

    [Fact]
    public void ResultReturnService_IsFoundByCode_OnlyWhenActive()
    {
        var catalogue = SampleCatalogue.Catalogue();

        Assert.Equal(SampleCatalogue.CivilStatusService, catalogue.FindActiveService(" ht ")?.Id);
        Assert.Null(catalogue.FindActiveService(null));
        Assert.Null(catalogue.FindActiveService("TKQ"));
        var retired = catalogue with { Services = [.. catalogue.Services.Select(s => s with { Active = false })] };
        Assert.Null(retired.FindActiveService("HT"));
    }
}
