using QueueKiosk.KioskUi.Catalogue;

namespace QueueKiosk.KioskUi.Tests.Catalogue;

/// <summary>
/// The kiosk lists only the fields with a procedure on offer: when a service is retired the hub
/// leaves its procedures out, and their field must not stay on screen as an empty choice.
/// </summary>
public sealed class OfferedFieldsTests
{
    [Fact]
    public void EveryFieldWithProcedures_IsOffered_InTheHubsOrder()
    {
        var catalogue = SampleCatalogue.Catalogue();

        Assert.Equal(
            [SampleCatalogue.CivilStatus, SampleCatalogue.Certification, SampleCatalogue.Business],
            catalogue.OfferedFields().Select(f => f.Id));
    }

    [Fact]
    public void AFieldWhoseProceduresAreAllGone_IsNotOffered()
    {
        var catalogue = SampleCatalogue.Catalogue();
        var withoutCivilStatus = catalogue with
        {
            Procedures = [.. catalogue.Procedures.Where(p => p.FieldId != SampleCatalogue.CivilStatus)],
        };

        Assert.Equal(
            [SampleCatalogue.Certification, SampleCatalogue.Business],
            withoutCivilStatus.OfferedFields().Select(f => f.Id));
        Assert.Null(withoutCivilStatus.OfferedFields().FirstOrDefault(f => f.Code == "HT"));
    }
}
