using Microsoft.AspNetCore.SignalR.Client;
using QueueKiosk.HubClient.Realtime;

namespace QueueKiosk.HubClient.Tests.Realtime;

public class BackoffRetryPolicyTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 2)]
    [InlineData(2, 5)]
    [InlineData(3, 10)]
    [InlineData(4, 30)]
    [InlineData(5, 30)]
    [InlineData(500, 30)]
    public void Default_Is0_2_5_10_30_ThenEvery30Seconds(long attempt, int expectedSeconds)
    {
        var delay = new BackoffRetryPolicy().NextRetryDelay(new RetryContext { PreviousRetryCount = attempt });
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Fact]
    public void WithoutRepeat_GivesUpAfterTheList()
    {
        var policy = new BackoffRetryPolicy([TimeSpan.FromMilliseconds(10)], repeatLast: false);
        Assert.Equal(TimeSpan.FromMilliseconds(10), policy.NextRetryDelay(new RetryContext { PreviousRetryCount = 0 }));
        Assert.Null(policy.NextRetryDelay(new RetryContext { PreviousRetryCount = 1 }));
    }

    [Fact]
    public void NegativeOrEmptyDelays_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => new BackoffRetryPolicy([]));
        Assert.Throws<ArgumentException>(() => new BackoffRetryPolicy([TimeSpan.FromSeconds(-1)]));
    }
}
