using System.Text;
using QueueKiosk.HubClient.Realtime.Transport;

namespace QueueKiosk.HubClient.Tests.Protocol;

public class NegotiatorTests
{
    private static readonly Uri From = new("http://127.0.0.1:5000/hubs/queue/negotiate?negotiateVersion=1");

    private static NegotiateResult Parse(string json) => Negotiator.Parse(Encoding.UTF8.GetBytes(json), From);

    [Fact]
    public void Version1Answer_GivesIdTokenAndTransports()
    {
        var result = Parse("""
            {"connectionId":"abc","connectionToken":"tok","negotiateVersion":1,
             "availableTransports":[{"transport":"WebSockets","transferFormats":["Text","Binary"]},
                                    {"transport":"LongPolling","transferFormats":["Text"]}]}
            """);

        Assert.Equal("abc", result.ConnectionId);
        Assert.Equal("tok", result.ConnectionToken);
        Assert.Equal(["WebSockets", "LongPolling"], result.Transports);
    }

    [Fact]
    public void Version0Answer_UsesConnectionIdAsToken()
    {
        var result = Parse("""{"connectionId":"abc","availableTransports":[{"transport":"WebSockets"}]}""");
        Assert.Equal("abc", result.ConnectionToken);
    }

    [Fact]
    public void ErrorAnswer_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Parse("""{"error":"Negotiate disabled"}"""));
        Assert.Contains("Negotiate disabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoWebSockets_Throws()
    {
        var error = Assert.Throws<NotSupportedException>(() =>
            Parse("""{"connectionId":"a","connectionToken":"t","availableTransports":[{"transport":"LongPolling"}]}"""));
        Assert.Contains("LongPolling", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotJson_Throws()
    {
        Assert.Throws<InvalidDataException>(() => Parse("<html>"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/hubs/queue", "tok+/=", null, "ws://127.0.0.1:5000/hubs/queue?id=tok%2B%2F%3D")]
    [InlineData("https://hub.local/hubs/queue", "t", null, "wss://hub.local/hubs/queue?id=t")]
    [InlineData("http://localhost:8080/hubs/queue?site=1", "t", "k y", "ws://localhost:8080/hubs/queue?site=1&id=t&access_token=k%20y")]
    public void WebSocketUrl_SwitchesSchemeAndAddsIdAndToken(string hub, string token, string? accessToken, string expected)
    {
        Assert.Equal(expected, Negotiator.WebSocketUrl(new Uri(hub), token, accessToken).AbsoluteUri);
    }

    [Fact]
    public void NegotiateUrl_AddsSegmentAndVersion()
    {
        Assert.Equal(
            "http://127.0.0.1:5000/hubs/queue/negotiate?negotiateVersion=1",
            Negotiator.AppendQuery(new Uri("http://127.0.0.1:5000/hubs/queue"), "negotiate", "negotiateVersion=1").AbsoluteUri);
    }
}
