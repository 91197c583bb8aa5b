using ClientRequests.Clients.Domain;

namespace Clients.Tests;

public sealed class ClientHealthTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    static HealthSignal Signal(int weight, TimeSpan age) => new()
    {
        Id = Guid.NewGuid(), ClientId = Guid.Empty, RequestId = Guid.NewGuid(), Kind = "test", Weight = weight, OccurredAt = Now - age,
    };

    [Fact]
    public void A_client_without_signals_is_perfectly_healthy()
    {
        Assert.Equal(new HealthScore(100, "healthy", 0), ClientHealth.Score([], Now));
    }

    [Fact]
    public void A_fresh_signal_costs_its_full_weight_and_fades_linearly()
    {
        Assert.Equal(80, ClientHealth.Score([Signal(20, TimeSpan.Zero)], Now).Score);
        Assert.Equal(90, ClientHealth.Score([Signal(20, ClientHealth.Window / 2)], Now).Score);
        Assert.Equal(new HealthScore(100, "healthy", 0), ClientHealth.Score([Signal(20, ClientHealth.Window)], Now));
    }

    [Fact]
    public void The_score_never_drops_below_zero_and_bands_follow_it()
    {
        var many = Enumerable.Range(0, 10).Select(_ => Signal(30, TimeSpan.FromDays(1))).ToList();
        Assert.Equal(new HealthScore(0, "at-risk", 10), ClientHealth.Score(many, Now));
        Assert.Equal("watch", ClientHealth.Band(50));
        Assert.Equal("at-risk", ClientHealth.Band(49));
        Assert.Equal("healthy", ClientHealth.Band(80));
    }

    [Theory]
    [InlineData("complaint", "normal", 20)]
    [InlineData("Complaint", "urgent", 30)]
    [InlineData("billing", "high", 9)]
    [InlineData("need", "low", 4)]
    public void Complaints_and_urgency_weigh_more(string type, string priority, int weight)
    {
        Assert.Equal(weight, HealthWeights.RequestWeight(type, priority));
    }
}
