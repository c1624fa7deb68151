using System.Text;
using System.Text.Json;
using QueueKiosk.HubClient.Realtime.Protocol;

namespace QueueKiosk.HubClient.Tests.Protocol;

public class JsonHubProtocolTests
{
    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void HandshakeRequest_IsJsonVersion1_EndedBySeparator()
    {
        Assert.Equal("{\"protocol\":\"json\",\"version\":1}\u001e", Text(JsonHubProtocol.WriteHandshakeRequest()));
    }

    [Fact]
    public void Ping_IsType6_EndedBySeparator()
    {
        Assert.Equal("{\"type\":6}\u001e", Text(JsonHubProtocol.WritePing()));
    }

    [Theory]
    [InlineData("{}", null)]
    [InlineData("{\"minorVersion\":0}", null)]
    [InlineData("{\"error\":\"Requested protocol 'json' is not available.\"}", "Requested protocol 'json' is not available.")]
    public void HandshakeResponse_AcceptedOrError(string json, string? expectedError)
    {
        Assert.Equal(expectedError, JsonHubProtocol.ParseHandshakeResponse(Bytes(json)));
    }

    [Fact]
    public void Invocation_WithId_CarriesTargetAndCamelCaseArguments()
    {
        var protocol = new JsonHubProtocol();
        var bytes = protocol.WriteInvocation("7", "JoinCounter", [42, "Quầy số 3", null, new { CounterNumber = 3 }]);

        Assert.Equal(0x1E, bytes[^1]);
        using var json = JsonDocument.Parse(bytes.AsMemory(0, bytes.Length - 1));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("type").GetInt32());
        Assert.Equal("7", root.GetProperty("invocationId").GetString());
        Assert.Equal("JoinCounter", root.GetProperty("target").GetString());
        var args = root.GetProperty("arguments");
        Assert.Equal(4, args.GetArrayLength());
        Assert.Equal(42, args[0].GetInt32());
        Assert.Equal("Quầy số 3", args[1].GetString());
        Assert.Equal(JsonValueKind.Null, args[2].ValueKind);
        Assert.Equal(3, args[3].GetProperty("counterNumber").GetInt32());
    }

    [Fact]
    public void Invocation_WithoutId_HasNoInvocationIdProperty()
    {
        var text = Text(new JsonHubProtocol().WriteInvocation(null, "Note", []));
        Assert.Equal("{\"type\":1,\"target\":\"Note\",\"arguments\":[]}\u001e", text);
    }

    [Fact]
    public void CompletionError_ForServerToClientInvocation()
    {
        Assert.Equal(
            "{\"type\":3,\"invocationId\":\"5\",\"error\":\"no\"}\u001e",
            Text(JsonHubProtocol.WriteCompletionError("5", "no")));
    }

    [Fact]
    public void Parse_Invocation_KeepsArgumentsAsJson()
    {
        var message = Assert.IsType<InvocationMessage>(
            JsonHubProtocol.Parse(Bytes("{\"type\":1,\"target\":\"TicketCalled\",\"arguments\":[{\"sequence\":4},\"A012\"]}")));

        Assert.Null(message.InvocationId);
        Assert.Equal("TicketCalled", message.Target);
        Assert.Equal(4, message.Arguments[0].GetProperty("sequence").GetInt64());
        Assert.Equal("A012", message.Arguments[1].GetString());
    }

    [Fact]
    public void Parse_Invocation_WithoutArguments_HasEmptyList()
    {
        var message = Assert.IsType<InvocationMessage>(JsonHubProtocol.Parse(Bytes("{\"type\":1,\"invocationId\":\"9\",\"target\":\"Refresh\"}")));
        Assert.Equal("9", message.InvocationId);
        Assert.Empty(message.Arguments);
    }

    [Fact]
    public void Parse_CompletionWithResult()
    {
        var message = Assert.IsType<CompletionMessage>(JsonHubProtocol.Parse(Bytes("{\"type\":3,\"invocationId\":\"1\",\"result\":42}")));
        Assert.Equal("1", message.InvocationId);
        Assert.True(message.HasResult);
        Assert.Equal(42, message.Result!.Value.GetInt32());
        Assert.Null(message.Error);
    }

    [Fact]
    public void Parse_CompletionOfVoidMethod_HasNoResult()
    {
        var message = Assert.IsType<CompletionMessage>(JsonHubProtocol.Parse(Bytes("{\"type\":3,\"invocationId\":\"2\"}")));
        Assert.False(message.HasResult);
        Assert.Null(message.Error);
    }

    [Fact]
    public void Parse_CompletionWithError()
    {
        var message = Assert.IsType<CompletionMessage>(JsonHubProtocol.Parse(Bytes("{\"type\":3,\"invocationId\":\"3\",\"error\":\"boom\"}")));
        Assert.Equal("boom", message.Error);
    }

    [Theory]
    [InlineData("{\"type\":7}", null, false)]
    [InlineData("{\"type\":7,\"error\":\"Server is shutting down\"}", "Server is shutting down", false)]
    [InlineData("{\"type\":7,\"error\":\"x\",\"allowReconnect\":true}", "x", true)]
    public void Parse_Close(string json, string? error, bool allowReconnect)
    {
        var message = Assert.IsType<CloseMessage>(JsonHubProtocol.Parse(Bytes(json)));
        Assert.Equal(error, message.Error);
        Assert.Equal(allowReconnect, message.AllowReconnect);
    }

    [Fact]
    public void Parse_PingAndUnknownTypes()
    {
        Assert.IsType<PingMessage>(JsonHubProtocol.Parse(Bytes("{\"type\":6}")));
        var other = Assert.IsType<OtherMessage>(JsonHubProtocol.Parse(Bytes("{\"type\":8,\"sequenceId\":3}")));
        Assert.Equal(HubMessageType.Ack, other.RawType);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"target\":\"X\"}", "no numeric 'type'")]
    [InlineData("{\"type\":1,\"arguments\":[]}", "no 'target'")]
    [InlineData("{\"type\":1,\"target\":\"X\",\"arguments\":5}", "not an array")]
    [InlineData("{\"type\":3,\"result\":1}", "no 'invocationId'")]
    public void Parse_BadMessage_SaysWhatIsWrong(string json, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => JsonHubProtocol.Parse(Bytes(json)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
