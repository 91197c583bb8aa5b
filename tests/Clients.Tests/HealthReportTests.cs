using System.Text.Json;
using ClientRequests.Clients.Domain;

namespace Clients.Tests;

public sealed class HealthReportTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    static readonly Guid Client = new("c1000000-0000-0000-0000-000000000001");

    /// <summary>Records compare lists by reference; their JSON compares them by content.</summary>
    internal static string Json(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public void The_figures_match_the_hand_computed_fixture()
    {
        var report = HealthReports.Build(HealthProjection.Replay(HealthFixture.Events(Client, Now)), Now);

        // Fresh weight × (1 − age / 90 days): complaints 20 × 80/90 + 30 × 70/90 = 41.11; other requests 9 × 50/90 + 4 × 35/90 = 6.56;
        // breaches 10 × 75/90 + 5 × 71/90 = 12.28; ratings −(−8 × 45/90 − 4 × 40/90 + 4 × 82/90) = +2.13;
        // satisfaction 2.0 in the last 30 days against (5 + 4) / 2 = 4.5 before: down 2.5, 25 points. 100 − 82.81 = 17.
        Assert.Equal((17, "at-risk"), (report.Score, report.Band));
        Assert.Equal(
        [
            new HealthReason("complaints", "2 complaints in 90 days, 2 in the last 30", -41.1),
            new HealthReason("satisfaction-trend", "satisfaction down 2.5 (last 30 days 2.0 against 4.5)", -25.0),
            new HealthReason("sla-breaches", "2 SLA breaches in 90 days", -12.3),
            new HealthReason("requests", "2 other requests in 90 days", -6.6),
            new HealthReason("ratings", "3 satisfaction ratings in 90 days averaging 3.7 of 5", 2.1),
        ], report.Reasons);
        // 4 submitted, 4 fulfilments, 3 ratings, 2 breaches and 1 at-risk clock of the last 90 days (not the InProgress change).
        Assert.Equal(14, report.SignalCount);
        Assert.Equal([new("2026-07", "billing", 1), new("2026-10", "need", 2), new MonthlyRequests("2026-11", "complaint", 2)], report.RequestsByMonth);
        Assert.Equal((4, 2, 2, 0.5), (report.Requests, report.Complaints, report.ComplaintsLast30Days, report.ComplaintShare));
        // R1 48 h, R2 12 h (its first fulfilment, not the one after reopening), R4 395 days = 9,480 h: the median is 48 h.
        Assert.Equal((48.0, 3), (report.MedianHoursToFulfil, report.Fulfilled));
        Assert.Equal((2, 1), (report.SlaBreaches, report.SlaAtRisk));
        Assert.Equal(3, report.Satisfaction.Ratings);
        Assert.Equal(11.0 / 3, report.Satisfaction.Average!.Value, 9);
        Assert.Equal((2.0, 4.5, -2.5), (report.Satisfaction.Last30Days, report.Satisfaction.Previous30Days, report.Satisfaction.Trend));
    }

    [Fact]
    public void Events_in_any_order_and_twice_give_the_same_figures()
    {
        var events = HealthFixture.Events(Client, Now);
        var expected = Json(HealthReports.Build(HealthProjection.Replay(events), Now));

        for (var seed = 1; seed <= 20; seed++)
        {
            var shuffled = events.Concat(events).ToArray();
            new Random(seed).Shuffle(shuffled);
            Assert.Equal(expected, Json(HealthReports.Build(HealthProjection.Replay(shuffled), Now)));
        }
    }

    [Fact]
    public void The_breach_noticed_first_is_kept_whichever_copy_arrives_first()
    {
        var events = HealthFixture.Events(Client, Now);
        var signals = HealthProjection.Replay(events.AsEnumerable().Reverse());
        var breach = Assert.Single(signals, s => s is { Kind: HealthKinds.SlaBreached, Detail: "resolution" });
        Assert.Equal(Now - TimeSpan.FromDays(15), breach.OccurredAt);
    }

    [Fact]
    public void A_client_without_history_has_no_figures_to_show()
    {
        var report = HealthReports.Build([], Now);
        Assert.Equal((100, "healthy", 0, 0.0), (report.Score, report.Band, report.Requests, report.ComplaintShare));
        Assert.Empty(report.Reasons);
        Assert.Null(report.MedianHoursToFulfil);
        Assert.Equal(new SatisfactionFigures(null, 0, null, null, null), report.Satisfaction);
    }

    [Fact]
    public void Rising_satisfaction_costs_nothing_and_an_even_count_takes_the_middle_two()
    {
        var events = HealthFixture.Events(Client, Now).Where(e => e is not ClientRequests.Contracts.Requests.SatisfactionRecorded).ToList();
        var r4Fulfilled = events.OfType<ClientRequests.Contracts.Requests.RequestStatusChanged>().Single(e => e.RequestId == HealthFixture.Request(Client, 4));
        events.Remove(r4Fulfilled);
        var report = HealthReports.Build(HealthProjection.Replay(events), Now);

        Assert.Equal(30.0, report.MedianHoursToFulfil);
        Assert.DoesNotContain(report.Reasons, r => r.Code is "satisfaction-trend" or "ratings");
    }
}
