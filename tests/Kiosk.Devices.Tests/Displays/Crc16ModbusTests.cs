using QueueKiosk.Devices.Displays.Modbus;

namespace QueueKiosk.Devices.Tests.Displays;

public class Crc16ModbusTests
{
    [Theory]
    // Published examples: FC06 unit 1 register 0 value 1; the Modbus spec's FC06 and FC03 examples (unit 0x11).
    [InlineData("010600000001", "480A")]
    [InlineData("110600010003", "9A9B")]
    [InlineData("1103006B0003", "7687")]
    [InlineData("010300000001", "840A")]
    [InlineData("01030000000A", "C5CD")]
    [InlineData("02060000000F", "C9FD")]
    [InlineData("018602", "C3A1")]
    public void Compute_PublishedExamples_LowByteFirst(string hexBody, string expectedCrcLowHigh)
    {
        var body = Convert.FromHexString(hexBody);
        var crc = new byte[2];
        Crc16Modbus.Write(body, crc);
        Assert.Equal(expectedCrcLowHigh, Convert.ToHexString(crc));
    }

    [Fact]
    public void Compute_MatchesBitwiseReferenceOnManyInputs()
    {
        var random = new Random(1234);
        for (var i = 0; i < 500; i++)
        {
            var data = new byte[random.Next(0, 64)];
            random.NextBytes(data);
            Assert.Equal(BitwiseReference(data), Crc16Modbus.Compute(data));
        }
    }

    [Fact]
    public void IsValid_DetectsAnyFlippedBit()
    {
        var frame = Convert.FromHexString("010600000001480A");
        Assert.True(Crc16Modbus.IsValid(frame));
        for (var bit = 0; bit < frame.Length * 8; bit++)
        {
            var copy = (byte[])frame.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(Crc16Modbus.IsValid(copy));
        }
    }

    // Independent of the table-driven implementation: the shift-and-xor definition.
    private static ushort BitwiseReference(byte[] data)
    {
        var crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) == 1 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }
        }

        return (ushort)crc;
    }
}
