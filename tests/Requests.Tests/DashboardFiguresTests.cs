using ClientRequests.Requests.Domain.Dashboard;

namespace Requests.Tests;

public sealed class DashboardFiguresTests
{
    [Fact]
    public void Percentiles_are_nearest_rank_the_smallest_value_with_p_percent_at_or_below_it()
    {
        double[] ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(5, DashboardFigures.Percentile(ten, 50));
        Assert.Equal(9, DashboardFigures.Percentile(ten, 90));
        Assert.Equal(10, DashboardFigures.Percentile(ten, 99));
        Assert.Equal(1, DashboardFigures.Percentile(ten, 0.1));
        Assert.Equal(10, DashboardFigures.Percentile(ten, 100));
    }

    [Fact]
    public void A_percentile_of_one_value_is_that_value_and_of_none_is_null()
    {
        Assert.Equal(7, DashboardFigures.Percentile([7.0], 50));
        Assert.Equal(7, DashboardFigures.Percentile([7.0], 99));
        Assert.Null(DashboardFigures.Percentile([], 50));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void A_percentile_outside_0_to_100_is_refused(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DashboardFigures.Percentile([1.0], p));

    [Fact]
    public void Cycle_times_are_sorted_converted_to_hours_and_a_negative_one_counts_as_zero()
    {
        var figures = DashboardFigures.CycleTimes([TimeSpan.FromHours(3), TimeSpan.FromMinutes(-5), TimeSpan.FromHours(1), TimeSpan.FromMinutes(90)]);
        Assert.Equal(4, figures.Count);
        Assert.Equal(1, figures.P50Hours);
        Assert.Equal(3, figures.P90Hours);
        Assert.Equal(3, figures.P99Hours);
    }

    [Fact]
    public void A_hundred_cycle_times_give_the_50th_90th_and_99th()
    {
        var figures = DashboardFigures.CycleTimes(Enumerable.Range(1, 100).Reverse().Select(h => TimeSpan.FromHours(h)));
        Assert.Equal((100, 50.0, 90.0, 99.0), (figures.Count, figures.P50Hours!.Value, figures.P90Hours!.Value, figures.P99Hours!.Value));
    }

    [Fact]
    public void No_cycle_times_give_no_percentiles()
    {
        Assert.Equal(new CycleTimeFigures(0, null, null, null), DashboardFigures.CycleTimes([]));
    }

    [Fact]
    public void The_window_starts_at_midnight_UTC_so_that_every_bucket_is_a_whole_day_and_today_is_the_last()
    {
        var asOf = new DateTimeOffset(2026, 11, 29, 15, 30, 0, TimeSpan.FromHours(2));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero), DashboardFigures.WindowStart(asOf, 1));
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 0, 0, 0, TimeSpan.Zero), DashboardFigures.WindowStart(asOf, 30));
    }

    [Fact]
    public void Submissions_are_counted_per_UTC_day_and_type_in_order()
    {
        var daily = DashboardFigures.Daily(
        [
            (new DateTimeOffset(2026, 11, 2, 23, 30, 0, TimeSpan.Zero), "need"),
            // 00:30 in Paris is still the 2nd in UTC.
            (new DateTimeOffset(2026, 11, 3, 0, 30, 0, TimeSpan.FromHours(1)), "complaint"),
            (new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.Zero), "need"),
            (new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), "need"),
        ]);
        Assert.Equal([new("2026-11-02", "complaint", 1), new("2026-11-02", "need", 2), new DailyCount("2026-11-03", "need", 1)], daily);
    }

    [Fact]
    public void Closed_and_open_SLA_figures_merge_per_key_with_zeros_where_a_side_is_missing()
    {
        var rows = DashboardFigures.Merge(
            [("billing", "Billing", 4, 3), ("legal", "Legal", 2, 2), ("billing", "Billing", 1, 0)],
            [("billing", "billing", 1, 2), ("support", "Support", 0, 1)]);

        Assert.Equal(
        [
            new SlaRow("billing", "Billing", 5, 3, 1, 2),
            new SlaRow("legal", "Legal", 2, 2, 0, 0),
            new SlaRow("support", "Support", 0, 0, 0, 1),
        ], rows);
        Assert.Equal(0.6, rows[0].Compliance);
        Assert.Equal(1, rows[1].Compliance);
        Assert.Null(rows[2].Compliance);
    }
}
