using System.Text;
using QueueKiosk.KioskUi.CitizenCard;
using QueueKiosk.KioskUi.Localization;

namespace QueueKiosk.KioskUi.Tests.CitizenCard;

/// <summary>
/// The QR on the back of a chip ID card (issue 12 item 4): good cards are read, and every malformed
/// string is refused with a Vietnamese sentence that names the field at fault.
/// </summary>
public sealed class CitizenCardQrTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    private const string Good = "079095001234|025123456|Nguyễn Văn An|15031950|Nam|12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|01072021";

    [Fact]
    public void AGoodCard_GivesNumberNameAndBirthDate_AndNothingElse()
    {
        Assert.True(CitizenCardQr.TryParse(Good, Today, out var card, out var problem));

        Assert.Equal(CitizenCardProblem.None, problem);
        Assert.Equal("079095001234", card!.IdNumber);
        Assert.Equal("Nguyễn Văn An", card.FullName);
        Assert.Equal(new DateOnly(1950, 3, 15), card.DateOfBirth);
        Assert.Equal(76, card.AgeOn(Today));
        // Formatting the card (a log line, an exception) shows neither the number nor the name.
        Assert.DoesNotContain("079095001234", card.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn", card.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyOldId_IsAccepted()
    {
        Assert.True(CitizenCardQr.TryParse("001090012345||Trần Thị Bình|01011990|Nữ|Thôn 3, Xã Tả Van|20052022", Today, out var card, out _));
        Assert.Equal("Trần Thị Bình", card!.FullName);
        Assert.Equal(36, card.AgeOn(Today));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void TheScannersTrailingEnter_IsNotPartOfTheData(string suffix)
    {
        Assert.True(CitizenCardQr.TryParse(Good + suffix, Today, out var card, out _));
        Assert.Equal("079095001234", card!.IdNumber);
        Assert.Equal(new DateOnly(1950, 3, 15), card.DateOfBirth);
    }

    [Fact]
    public void AVietnameseNameInNfd_IsReadAsNfc()
    {
        var nfd = Good.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(Good, nfd);

        Assert.True(CitizenCardQr.TryParse(nfd, Today, out var card, out _));

        Assert.Equal("Nguyễn Văn An", card!.FullName);
        Assert.True(card.FullName.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Age_TurnsOnTheBirthday()
    {
        var card = new CitizenCardData("079095001234", "A", new DateOnly(1966, 12, 5));
        Assert.Equal(59, card.AgeOn(Today));
        Assert.Equal(60, card.AgeOn(Today.AddDays(1)));
    }

    [Theory]
    [InlineData("079095001234|025123456|Nguyễn Văn An|15031950|Nam|12 Lê Lợi", CitizenCardProblem.FieldCount, "7 trường")]
    [InlineData("079095001234|025123456|Nguyễn Văn An|15031950|Nam|12 Lê Lợi|Quận 1|01072021", CitizenCardProblem.FieldCount, "7 trường")]
    [InlineData("079095001234|025123456|Nguyễn Văn An|15031950|Nam|12 Lê Lợi|01072021|", CitizenCardProblem.FieldCount, "7 trường")]
    [InlineData("000.00.31.H29-200203-0001", CitizenCardProblem.FieldCount, "7 trường")]
    [InlineData("07909500123A|025123456|Nguyễn Văn An|15031950|Nam|12 Lê Lợi|01072021", CitizenCardProblem.IdNumber, "Số định danh")]
    [InlineData("07909500123|025123456|Nguyễn Văn An|15031950|Nam|12 Lê Lợi|01072021", CitizenCardProblem.IdNumber, "Số định danh")]
    [InlineData("0790950012345|025123456|Nguyễn Văn An|15031950|Nam|12 Lê Lợi|01072021", CitizenCardProblem.IdNumber, "Số định danh")]
    [InlineData("０７９０９５００１２３４|025123456|Nguyễn Văn An|15031950|Nam|12 Lê Lợi|01072021", CitizenCardProblem.IdNumber, "Số định danh")]
    [InlineData("079095001234|025123456|  |15031950|Nam|12 Lê Lợi|01072021", CitizenCardProblem.FullName, "Họ và tên")]
    [InlineData("079095001234|025123456|Nguyễn Văn An|31021950|Nam|12 Lê Lợi|01072021", CitizenCardProblem.DateOfBirth, "Ngày sinh")]
    [InlineData("079095001234|025123456|Nguyễn Văn An|1503195|Nam|12 Lê Lợi|01072021", CitizenCardProblem.DateOfBirth, "Ngày sinh")]
    [InlineData("079095001234|025123456|Nguyễn Văn An|1950-03-15|Nam|12 Lê Lợi|01072021", CitizenCardProblem.DateOfBirth, "Ngày sinh")]
    [InlineData("079095001234|025123456|Nguyễn Văn An|15032050|Nam|12 Lê Lợi|01072021", CitizenCardProblem.DateOfBirth, "Ngày sinh")]
    [InlineData("079095001234|025123456|Nguyễn Văn An|15031950|Nam|12 Lê Lợi|32072021", CitizenCardProblem.IssueDate, "Ngày cấp")]
    [InlineData("079095001234|025123456|Nguyễn Văn An|15031950|Nam|12 Lê Lợi|01072099", CitizenCardProblem.IssueDate, "Ngày cấp")]
    [InlineData("079095001234|025123456|Nguyễn Văn An|15031950|Nam|12 Lê Lợi|01011940", CitizenCardProblem.IssueDate, "Ngày cấp")]
    [InlineData("", CitizenCardProblem.Empty, "mã QR")]
    [InlineData("\r\n", CitizenCardProblem.Empty, "mã QR")]
    public void AMalformedString_IsRefused_WithASentenceNamingTheField(string text, CitizenCardProblem expected, string field)
    {
        Assert.False(CitizenCardQr.TryParse(text, Today, out var card, out var problem));

        Assert.Null(card);
        Assert.Equal(expected, problem);
        var sentence = KioskText.Get(KioskText.Vietnamese, "cccd.problem." + problem);
        Assert.Contains(field, sentence, StringComparison.Ordinal);
        Assert.EndsWith(".", sentence, StringComparison.Ordinal);
        Assert.NotEqual(sentence, KioskText.Get(KioskText.English, "cccd.problem." + problem));
    }

    [Fact]
    public void AFarTooLongString_IsRefused()
    {
        var text = Good + new string('x', CitizenCardQr.MaxLength);
        Assert.False(CitizenCardQr.TryParse(text, Today, out _, out var problem));
        Assert.Equal(CitizenCardProblem.TooLong, problem);
        Assert.Contains("mã QR", KioskText.Get(KioskText.Vietnamese, "cccd.problem.TooLong"), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Nguyễn Văn An", "Nguyễn V** A*")]
    [InlineData("Nguyễn Văn A", "Nguyễn V** A")]
    [InlineData("Trần  Thị   Bình", "Trần T** B***")]
    [InlineData("An", "An")]
    public void TheNameIsMasked_AfterUse(string name, string masked) =>
        Assert.Equal(masked, CitizenNameMask.Mask(name));
}
