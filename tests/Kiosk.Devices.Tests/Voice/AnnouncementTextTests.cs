using QueueKiosk.Devices.Voice;

namespace QueueKiosk.Devices.Tests.Voice;

public class AnnouncementTextTests
{
    [Fact]
    public void Build_DefaultTemplate_ReadsDigitByDigit()
    {
        Assert.Equal(
            "Xin mời công dân có số thứ tự a, không, một, năm đến quầy số ba",
            AnnouncementText.Build("A015", "3"));
    }

    [Fact]
    public void Build_WordsMode_ReadsTheNumberAndTheCounterAsWords()
    {
        var options = new AnnouncementTextOptions { NumberReading = NumberReading.Words };
        Assert.Equal(
            "Xin mời công dân có số thứ tự bê, một nghìn không trăm hai mươi mốt đến quầy số mười hai",
            AnnouncementText.Build("B1021", "12", options));
    }

    [Fact]
    public void Build_CustomTemplateAndBon()
    {
        var options = new AnnouncementTextOptions
        {
            Template = "Mời số {number}, quầy {counter}",
            NumberReading = NumberReading.Words,
            Reading = new VietnameseReadingOptions { FourAfterTens = "bốn" },
        };
        Assert.Equal("Mời số hai mươi bốn, quầy hai mươi bốn", AnnouncementText.Build("24", "24", options));
    }

    [Theory]
    [InlineData(AnnouncementTextOptions.DefaultTemplate, 0)]
    [InlineData("Mời {number}", 0)]
    [InlineData("Mời quầy {counter}", 1)]
    [InlineData("Mời {number} {quay}", 1)]
    [InlineData("", 1)]
    public void Validate_FindsMissingAndUnknownPlaceholders(string template, int problems)
    {
        Assert.Equal(problems, AnnouncementText.Validate(template).Count);
    }
}
