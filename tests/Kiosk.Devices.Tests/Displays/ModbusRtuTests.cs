using QueueKiosk.Devices.Displays;
using QueueKiosk.Devices.Displays.Modbus;

namespace QueueKiosk.Devices.Tests.Displays;

public class ModbusRtuTests
{
    [Theory]
    [InlineData(1, 0, 1, "010600000001480A")]
    [InlineData(0x11, 1, 3, "1106000100039A9B")]
    [InlineData(1, 0, 1234, "0106000004D20B57")]
    [InlineData(2, 0, 15, "02060000000FC9FD")]
    public void BuildWriteSingleRegister_IsByteExact(byte unit, ushort register, ushort value, string expectedHex)
    {
        Assert.Equal(expectedHex, Convert.ToHexString(ModbusRtu.BuildWriteSingleRegister(unit, register, value)));
    }

    [Fact]
    public void BuildWriteMultipleRegisters_SegmentsOf0123_IsByteExact()
    {
        ushort[] segments = [0x3F, 0x06, 0x5B, 0x4F];
        var frame = ModbusRtu.BuildWriteMultipleRegisters(1, 0, segments);
        Assert.Equal("0110000000040800" + "3F0006005B004F" + "C15E", Convert.ToHexString(frame));
    }

    [Fact]
    public void BuildWriteMultipleRegisters_RejectsEmptyAndOversized()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRtu.BuildWriteMultipleRegisters(1, 0, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRtu.BuildWriteMultipleRegisters(1, 0, new ushort[124]));
    }

    [Theory]
    [InlineData("", 5)]
    [InlineData("01", 5)]
    [InlineData("0106", 8)]
    [InlineData("0110", 8)]
    [InlineData("0186", 5)]
    [InlineData("0190", 5)]
    public void ExpectedResponseLength_FollowsTheFunctionByte(string receivedHex, int expected)
    {
        Assert.Equal(expected, ModbusRtu.ExpectedResponseLength(Convert.FromHexString(receivedHex)));
    }

    [Fact]
    public void CheckResponse_AcceptsFc06Echo()
    {
        var request = ModbusRtu.BuildWriteSingleRegister(1, 0, 1);
        ModbusRtu.CheckResponse(request, request, "b1");
    }

    [Fact]
    public void CheckResponse_AcceptsFc16AddressAndCountEcho()
    {
        var request = ModbusRtu.BuildWriteMultipleRegisters(1, 0, [0x3F, 0x06, 0x5B, 0x4F]);
        ModbusRtu.CheckResponse(request, Convert.FromHexString("011000000004C1CA"), "b1");
    }

    [Fact]
    public void CheckResponse_ExceptionResponse_ThrowsWithCode()
    {
        var request = ModbusRtu.BuildWriteSingleRegister(1, 0, 1);
        var e = Assert.Throws<ModbusExceptionResponseException>(() => ModbusRtu.CheckResponse(request, Convert.FromHexString("018602C3A1"), "quầy 1"));
        Assert.Equal(2, e.ExceptionCode);
        Assert.Equal(0x06, e.FunctionCode);
        Assert.Contains("quầy 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("illegal data address", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
    }

    public static TheoryData<string, byte[]> CorruptOrForeignReplies => new()
    {
        { "bad CRC", Convert.FromHexString("010600000001480B") },
        { "too short", Convert.FromHexString("0106") },
        { "another unit", ModbusRtu.BuildWriteSingleRegister(2, 0, 1) },
        { "echo of another value", ModbusRtu.BuildWriteSingleRegister(1, 0, 2) },
        { "FC16 reply to FC06", Convert.FromHexString("011000000004C1CA") },
    };

    [Theory]
    [MemberData(nameof(CorruptOrForeignReplies))]
    public void CheckResponse_RejectsCorruptOrForeignReplies(string why, byte[] response)
    {
        var request = ModbusRtu.BuildWriteSingleRegister(1, 0, 1);
        var e = Assert.Throws<LedBoardException>(() => ModbusRtu.CheckResponse(request, response, "b1"));
        Assert.True(e.IsTransient, why);
        Assert.Equal("b1", e.BoardName);
    }

    [Fact]
    public void TryParseRequest_Fc06_RoundTrips()
    {
        var status = ModbusRtu.TryParseRequest(Convert.FromHexString("010600000001480A"), out var request, out var consumed);
        Assert.Equal(ModbusParseStatus.Frame, status);
        Assert.Equal(8, consumed);
        Assert.Equal(1, request!.Unit);
        Assert.Equal(ModbusRtu.WriteSingleRegister, request.Function);
        Assert.Equal((ushort)0, request.StartRegister);
        Assert.Equal([(ushort)1], request.Values);
        Assert.Equal("010600000001480A", Convert.ToHexString(ModbusRtu.BuildWriteResponse(request)));
    }

    [Fact]
    public void TryParseRequest_Fc16_RoundTripsAndAnswersWithCount()
    {
        var frame = ModbusRtu.BuildWriteMultipleRegisters(1, 0, [0x3F, 0x06, 0x5B, 0x4F]);
        var status = ModbusRtu.TryParseRequest(frame, out var request, out var consumed);
        Assert.Equal(ModbusParseStatus.Frame, status);
        Assert.Equal(frame.Length, consumed);
        Assert.Equal([(ushort)0x3F, 0x06, 0x5B, 0x4F], request!.Values);
        Assert.Equal("011000000004C1CA", Convert.ToHexString(ModbusRtu.BuildWriteResponse(request)));
    }

    [Theory]
    [InlineData("01", ModbusParseStatus.NeedMoreData, 0)]
    [InlineData("0106000000", ModbusParseStatus.NeedMoreData, 0)]
    [InlineData("011000000004", ModbusParseStatus.NeedMoreData, 0)]
    [InlineData("010600000001480B", ModbusParseStatus.BadCrc, 8)]
    [InlineData("010300000001840A", ModbusParseStatus.UnknownFunction, 0)]
    public void TryParseRequest_IncompleteCorruptOrUnknown(string hex, ModbusParseStatus expected, int expectedConsumed)
    {
        var status = ModbusRtu.TryParseRequest(Convert.FromHexString(hex), out var request, out var consumed);
        Assert.Equal(expected, status);
        Assert.Equal(expectedConsumed, consumed);
        Assert.Null(request);
    }

    [Fact]
    public void BuildExceptionResponse_IsByteExact()
    {
        Assert.Equal("018602C3A1", Convert.ToHexString(ModbusRtu.BuildExceptionResponse(1, 0x06, 2)));
    }

    // The examples printed in hardware-docs/displays.md, so the document cannot drift from the code.
    [Fact]
    public void DocumentedExamples_AreWhatTheCodeSends()
    {
        Assert.Equal("01060000000FC9CE", Convert.ToHexString(ModbusRtu.BuildWriteSingleRegister(1, 0, 15)));
        Assert.Equal("01060000FFFF887A", Convert.ToHexString(ModbusRtu.BuildWriteSingleRegister(1, 0, 0xFFFF)));
        Assert.Equal("030600020006A9EA", Convert.ToHexString(ModbusRtu.BuildWriteSingleRegister(3, 2, 6)));
        var segments = SevenSegment.Encode("A015").Select(b => (ushort)b).ToArray();
        var fc16 = ModbusRtu.BuildWriteMultipleRegisters(2, 0, segments);
        Assert.Equal("02100000000408007700" + "3F0006006DC795", Convert.ToHexString(fc16));
        ModbusRtu.TryParseRequest(fc16, out var request, out _);
        Assert.Equal("021000000004C1F9", Convert.ToHexString(ModbusRtu.BuildWriteResponse(request!)));
    }
}
