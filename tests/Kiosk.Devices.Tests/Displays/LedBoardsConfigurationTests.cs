using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Displays;
using QueueKiosk.Devices.Displays.Configuration;
using QueueKiosk.Devices.Displays.Modbus;
using QueueKiosk.Devices.Serial;

namespace QueueKiosk.Devices.Tests.Displays;

public class LedBoardsConfigurationTests
{
    private static readonly Dictionary<string, string?> ValidSection = new()
    {
        ["LedBoards:Port:PortName"] = "/dev/null",
        ["LedBoards:Port:BaudRate"] = "9600",
        ["LedBoards:ResponseTimeoutMs"] = "2000",
        ["LedBoards:Boards:0:CounterNumber"] = "1",
        ["LedBoards:Boards:0:Protocol"] = "ModbusRtu",
        ["LedBoards:Boards:0:Address"] = "1",
        ["LedBoards:Boards:0:Digits"] = "4",
        ["LedBoards:Boards:1:CounterNumber"] = "2",
        ["LedBoards:Boards:1:Protocol"] = "ModbusRtu",
        ["LedBoards:Boards:1:Address"] = "2",
        ["LedBoards:Boards:1:Digits"] = "3",
        ["LedBoards:Boards:1:LeadingZeros"] = "false",
        ["LedBoards:Boards:1:Blank"] = "Dashes",
        ["LedBoards:Boards:1:Modbus:Mode"] = "Segments",
    };

    [Fact]
    public void Validate_ValidSection_HasNoErrors()
    {
        Assert.Empty(LedBoardsOptionsValidator.Validate(Bind(ValidSection), checkPortExists: true));
    }

    [Theory]
    [InlineData("LedBoards:Boards:0:Address", "0", "LedBoards:Boards:0:Address")]
    [InlineData("LedBoards:Boards:0:Address", "248", "LedBoards:Boards:0:Address")]
    [InlineData("LedBoards:Boards:1:Address", "1", "LedBoards:Boards:1:Address")]
    [InlineData("LedBoards:Boards:1:CounterNumber", "1", "LedBoards:Boards:1:CounterNumber")]
    [InlineData("LedBoards:Boards:0:Protocol", "Ascii", "LedBoards:Boards:0:Protocol")]
    [InlineData("LedBoards:Boards:0:Digits", "9", "LedBoards:Boards:0:Digits")]
    [InlineData("LedBoards:Boards:0:Blank", "Off", "LedBoards:Boards:0:Blank")]
    [InlineData("LedBoards:Boards:1:Modbus:Mode", "Bcd", "LedBoards:Boards:1:Modbus:Mode")]
    [InlineData("LedBoards:Boards:1:Modbus:NumberRegister", "70000", "LedBoards:Boards:1:Modbus:NumberRegister")]
    [InlineData("LedBoards:Port:PortName", "/dev/ttyNOPE9", "LedBoards:Port:PortName")]
    [InlineData("LedBoards:Port:BaudRate", "12345", "LedBoards:Port:BaudRate")]
    [InlineData("LedBoards:Port:Parity", "Mark", "LedBoards:Port:Parity")]
    [InlineData("LedBoards:ResponseTimeoutMs", "0", "LedBoards:ResponseTimeoutMs")]
    public void Validate_BadValue_NamesTheKey(string key, string value, string expectedKey)
    {
        var section = new Dictionary<string, string?>(ValidSection) { [key] = value };

        var errors = LedBoardsOptionsValidator.Validate(Bind(section), checkPortExists: true);

        Assert.Single(errors);
        Assert.StartsWith(expectedKey + ":", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FramedAllowsAddressesUpTo254()
    {
        var section = new Dictionary<string, string?>(ValidSection)
        {
            ["LedBoards:Boards:0:Protocol"] = "Framed",
            ["LedBoards:Boards:0:Address"] = "254",
        };
        Assert.Empty(LedBoardsOptionsValidator.Validate(Bind(section), checkPortExists: true));
    }

    [Fact]
    public async Task HostStart_WithABadKey_FailsNamingIt()
    {
        var section = new Dictionary<string, string?>(ValidSection) { ["LedBoards:Boards:1:Address"] = "300" };
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(section);
        builder.Services.AddLedBoards(builder.Configuration);
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("LedBoards:Boards:1:Address", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LedBoardSet_FromConfiguration_DrivesEachCounterOverAPty()
    {
        await using var line = await PtyBoardEmulator.StartAsync(new LedBoardEmulator(EmulatedProtocol.ModbusRtu, 1, 2));
        var section = new Dictionary<string, string?>(ValidSection) { ["LedBoards:Port:PortName"] = line.HostPath };
        var options = Bind(section);
        await using var set = LedBoardSet.Create(options, () => new SerialPortFactory().Open(options.Port.ToSerialPortSettings()));

        Assert.True(set.TryGetBoard(1, out var counter1));
        Assert.True(set.TryGetBoard(2, out var counter2));
        await counter1.ShowNumberAsync(15);
        await counter2.ShowNumberAsync(7);
        await counter2.BlankAsync();

        Assert.Equal("15", line.Boards.Shown[1]);
        Assert.Equal("---", line.Boards.Shown[2]);
        Assert.Equal("quầy 2 (Modbus RTU, địa chỉ 2)", counter2.Name);
        Assert.Equal(new DisplayFormat(3, false, BlankStyle.Dashes), counter2.Format);
        Assert.IsType<ModbusCounterBoard>(counter2);
    }

    [Fact]
    public async Task LedBoardSet_NoBoards_OpensNothing()
    {
        await using var set = LedBoardSet.Create(new LedBoardsOptions(), () => throw new InvalidOperationException("must not open"));
        Assert.Empty(set.Boards);
    }

    private static LedBoardsOptions Bind(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = new LedBoardsOptions();
        configuration.GetSection(LedBoardsOptions.SectionName).Bind(options);
        return options;
    }
}
