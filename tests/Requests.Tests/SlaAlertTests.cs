using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Sla;

namespace Requests.Tests;

/// <summary>At-risk and breach are raised once each, on the rising edge, and the flags follow the report.</summary>
public sealed class SlaAlertTests
{
    static SlaClock Clock(SlaVerdict verdict, string name = "resolution") => new(name, TimeSpan.FromHours(9), TimeSpan.FromHours(10), false, false, verdict);

    static SlaReport Report(SlaVerdict resolution, Guid? item = null, SlaVerdict ola = SlaVerdict.OnTrack) =>
        new(null, Clock(resolution), item is { } id ? new Dictionary<Guid, SlaClock> { [id] = Clock(ola, "ola:billing") } : []);

    [Fact]
    public void At_risk_then_breached_raise_one_alert_each_with_a_timeline_entry()
    {
        var request = Requests.New("billing");
        var now = Requests.T0.AddHours(9);

        Assert.Equal([false], request.ApplySla(Report(SlaVerdict.AtRisk), now).Select(a => a.Breach));
        Assert.Empty(request.ApplySla(Report(SlaVerdict.AtRisk), now.AddMinutes(1)));
        Assert.Equal([true], request.ApplySla(Report(SlaVerdict.Breached), now.AddHours(2)).Select(a => a.Breach));
        Assert.Empty(request.ApplySla(Report(SlaVerdict.Breached), now.AddHours(3)));

        Assert.True(request.Breached);
        Assert.False(request.AtRisk);
        Assert.Equal([TimelineKinds.SlaAtRisk, TimelineKinds.SlaBreached],
            request.Timeline.Where(e => e.Kind.StartsWith("sla-")).Select(e => e.Kind));
    }

    [Fact]
    public void A_relaxed_policy_lowers_the_flags_and_a_new_risk_is_raised_again()
    {
        var request = Requests.New("billing");
        request.ApplySla(Report(SlaVerdict.AtRisk), Requests.T0);
        Assert.Empty(request.ApplySla(Report(SlaVerdict.OnTrack), Requests.T0.AddMinutes(1)));
        Assert.False(request.AtRisk);
        Assert.Single(request.ApplySla(Report(SlaVerdict.AtRisk), Requests.T0.AddMinutes(2)));
    }

    [Fact]
    public void A_departments_breach_is_raised_for_its_work_item()
    {
        var request = Requests.New("billing");
        var item = request.WorkItems[0];

        var alert = Assert.Single(request.ApplySla(Report(SlaVerdict.OnTrack, item.Id, SlaVerdict.Breached), Requests.T0));

        Assert.Equal((true, item, "ola:billing"), (alert.Breach, alert.WorkItem, alert.Clock.Name));
        Assert.True(item.Breached);
        Assert.False(request.Breached);
    }
}
