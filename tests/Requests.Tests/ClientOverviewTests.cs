using ClientRequests.Requests.Domain.Overview;

namespace Requests.Tests;

public sealed class ClientOverviewTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Satisfaction_is_averaged_per_calendar_month_over_the_current_and_eleven_before()
    {
        var months = ClientOverview.ByMonth(
        [
            (new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), 5),
            (new DateTimeOffset(2026, 12, 3, 23, 0, 0, TimeSpan.FromHours(-2)), 2),   // 4 December UTC
            (new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero), 4),
            (new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), 3),
            (new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.Zero), 1),          // before the window
            (Now.AddMinutes(1), 1),                                                     // not yet
        ], Now);

        Assert.Equal(12, months.Count);
        Assert.Equal("2026-01", months[0].Month);
        Assert.Equal(new MonthSatisfaction("2026-01", 1, 3), months[0]);
        Assert.Equal(new MonthSatisfaction("2026-11", 1, 4), months[10]);
        Assert.Equal(new MonthSatisfaction("2026-12", 2, 3.5), months[11]);
        Assert.All(months.Skip(1).Take(9), m => Assert.Equal((0, (double?)null), (m.Ratings, m.Average)));
    }

    [Fact]
    public void Averages_keep_two_decimals()
    {
        var month = ClientOverview.ByMonth([(Now, 5), (Now, 4), (Now, 4)], Now)[^1];
        Assert.Equal(4.33, month.Average);
    }

    [Fact]
    public void Breached_requests_come_first_then_at_risk_then_the_soonest_due()
    {
        var due = Now.AddHours(1);
        var requests = new[]
        {
            (Id: "on-track-late", State: "on-track", Due: (DateTimeOffset?)Now.AddDays(3), Submitted: Now.AddDays(-1)),
            (Id: "paused", State: "paused", Due: null, Submitted: Now),
            (Id: "on-track-soon", State: "on-track", Due: due, Submitted: Now.AddDays(-2)),
            (Id: "at-risk", State: "at-risk", Due: Now.AddDays(5), Submitted: Now),
            (Id: "breached", State: "breached", Due: Now.AddDays(-1), Submitted: Now.AddDays(-3)),
            (Id: "on-track-soon-newer", State: "on-track", Due: due, Submitted: Now.AddDays(-1)),
        };

        var ordered = ClientOverview.MostUrgentFirst(requests, r => r.State, r => r.Due, r => r.Submitted).Select(r => r.Id);

        Assert.Equal(["breached", "at-risk", "on-track-soon-newer", "on-track-soon", "on-track-late", "paused"], ordered);
    }
}
