using System.Text;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Tests;

/// <summary>The error catalogue (Domain/Errors.cs): every entry speaks both languages with the arguments it declares.</summary>
public sealed class ErrorCatalogueTests
{
    public static TheoryData<string> Codes => [.. Errors.All().Select(e => e.Code)];

    [Fact]
    public void Codes_AreUnique_AndThereAreEntries()
    {
        var codes = Errors.All().Select(e => e.Code).ToList();

        Assert.True(codes.Count >= 30, $"only {codes.Count} entries found");
        Assert.Empty(codes.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Entry_HasBothTexts_InNfc_WithItsArguments(string code)
    {
        var entry = Errors.All().Single(e => e.Code == code);

        Assert.Matches("^[a-z]+(_[a-z]+)*\\.[a-z]+(_[a-z]+)*$", entry.Code);
        foreach (var text in new[] { entry.Vietnamese, entry.English })
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{code}: a text is empty");
            Assert.True(text.IsNormalized(NormalizationForm.FormC), $"{code}: '{text}' is not NFC");
            // Each argument is used, and nothing else is: a brace left over would show to the citizen.
            Assert.Equal(entry.Arguments.Order(StringComparer.Ordinal), ErrorEntry.Placeholders(text).Distinct().Order(StringComparer.Ordinal));
            var withoutPlaceholders = entry.Arguments.Aggregate(text, (t, a) => t.Replace("{" + a + "}", "", StringComparison.Ordinal));
            Assert.DoesNotContain('{', withoutPlaceholders);
            Assert.DoesNotContain('}', withoutPlaceholders);
        }

        Assert.NotEqual(entry.Vietnamese, entry.English);
        Assert.Equal(entry.Kind == ErrorKind.Unexpected, ProblemExceptionHandler.StatusOf(entry.Kind) == 500);
    }

    [Fact]
    public void NamedArguments_AreFilledInEachLanguage_InTheEntrysOrder()
    {
        var message = Errors.TooLong.With("reason", 400);

        Assert.Equal("Trường 'reason' dài quá 400 ký tự.", message.Text(english: false));
        Assert.Equal("The field 'reason' is longer than 400 characters.", message.Text(english: true));
        Assert.Equal("Số A012 đang ở trạng thái Served, không thể thực hiện thao tác này.", Errors.TicketBadStatus.With("A012", "Served").Text(english: false));
    }

    [Fact]
    public void EveryKind_HasItsOwnStatus()
    {
        var kinds = Enum.GetValues<ErrorKind>();

        Assert.Equal(kinds.Length, kinds.Select(ProblemExceptionHandler.StatusOf).Distinct().Count());
        Assert.Equal(409, ProblemExceptionHandler.StatusOf(Errors.SiteClosed.Kind));
        Assert.Equal(400, ProblemExceptionHandler.StatusOf(Errors.TooLong.Kind));
    }

    [Fact]
    public void DomainException_CarriesTheEntryAndNoStatus()
    {
        var error = new DomainException(Errors.TooLong.With("name", 100), "name");

        Assert.Equal("validation.too_long", error.Code);
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal("name", error.Field);
        Assert.Contains("longer than 100", error.Message, StringComparison.Ordinal);
    }
}
