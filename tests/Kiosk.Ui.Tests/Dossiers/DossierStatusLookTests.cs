using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.Dossiers;
using QueueKiosk.KioskUi.Localization;

namespace QueueKiosk.KioskUi.Tests.Dossiers;

/// <summary>Each dossier status has its own colour and sentence (issue 10 item 11: "Quá hạn" and "Từ chối" were shown in the same green as a ready result).</summary>
public sealed class DossierStatusLookTests
{
    private static readonly ServiceDto ResultReturn = new(Guid.Parse("30000000-0000-0000-0000-000000000001"), "TKQ", "Trả kết quả", "Result return", "K", 0, 0, 15, true);

    public static TheoryData<DossierState> States() => [.. Enum.GetValues<DossierState>()];

    [Theory]
    [MemberData(nameof(States))]
    public void EveryStatus_HasASentenceInBothLanguages(DossierState state)
    {
        foreach (var hasService in new[] { true, false })
        {
            var key = DossierStatusLook.MeaningKey(state, hasService);
            var vi = KioskText.Get(KioskText.Vietnamese, key);
            var en = KioskText.Get(KioskText.English, key);
            Assert.NotEqual(key, vi);
            Assert.NotEqual(key, en);
            Assert.NotEqual(vi, en);
            Assert.Equal(vi.Normalize(System.Text.NormalizationForm.FormC), vi);
            Assert.EndsWith(".", vi, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Overdue_Refused_AndReady_EachHaveTheirOwnColour()
    {
        var ready = DossierStatusLook.ToneOf(DossierState.ReadyForPickup);
        var overdue = DossierStatusLook.ToneOf(DossierState.Overdue);
        var rejected = DossierStatusLook.ToneOf(DossierState.Rejected);

        Assert.Equal(DossierTone.Ready, ready);
        Assert.Equal(DossierTone.Late, overdue);
        Assert.Equal(DossierTone.Refused, rejected);
        Assert.Equal(3, new[] { ready, overdue, rejected }.Distinct().Count());
        Assert.Equal(DossierTone.ActionNeeded, DossierStatusLook.ToneOf(DossierState.AdditionalDocumentsRequired));
        Assert.Equal(DossierTone.Done, DossierStatusLook.ToneOf(DossierState.Returned));
    }

    [Fact]
    public void EveryTone_HasItsColourInTheStylesheet()
    {
        var css = File.ReadAllText(Path.Combine(QueueKiosk.TestSupport.Hosts.RepoPaths.Root, "Kiosk.Ui", "wwwroot", "css", "kiosk.css"));

        Assert.All(Enum.GetValues<DossierTone>(), tone => Assert.Contains($".tone-{tone} {{ --tone:", css, StringComparison.Ordinal));
    }

    [Fact]
    public void ReadyResult_WithTheResultReturnService_OffersItsNumber()
    {
        var view = DossierStatusLook.Describe(DossierState.ReadyForPickup, KioskText.Vietnamese, ResultReturn);

        Assert.Equal(ResultReturn.Id, view.ResultServiceId);
        Assert.Equal("Trả kết quả", view.ResultServiceName);
        Assert.Equal("Đã có kết quả. Mời quý khách lấy số nhận kết quả và mang theo giấy biên nhận.", view.Meaning);
        Assert.Equal("Result return", DossierStatusLook.Describe(DossierState.ReadyForPickup, KioskText.English, ResultReturn).ResultServiceName);
    }

    [Fact]
    public void ReadyResult_WithoutTheService_SaysWhereToGo_AndOffersNoNumber()
    {
        var none = DossierStatusLook.Describe(DossierState.ReadyForPickup, KioskText.Vietnamese, null);
        var retired = DossierStatusLook.Describe(DossierState.ReadyForPickup, KioskText.Vietnamese, ResultReturn with { Active = false });

        foreach (var view in new[] { none, retired })
        {
            Assert.Null(view.ResultServiceId);
            Assert.Contains("bộ phận tiếp nhận và trả kết quả", view.Meaning, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(DossierState.Processing)]
    [InlineData(DossierState.Overdue)]
    [InlineData(DossierState.Rejected)]
    [InlineData(DossierState.Returned)]
    public void OnlyAReadyResult_OffersANumber(DossierState state) =>
        Assert.Null(DossierStatusLook.Describe(state, KioskText.Vietnamese, ResultReturn).ResultServiceId);
}
