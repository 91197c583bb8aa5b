namespace ClientRequests.Requests.Domain.Dashboard;

/// <summary>p50, p90 and p99 of submitted-to-fulfilled times, in hours; null when there were none.</summary>
public sealed record CycleTimeFigures(int Count, double? P50Hours, double? P90Hours, double? P99Hours);

/// <summary>Requests of one type submitted on one UTC day (yyyy-MM-dd).</summary>
public sealed record DailyCount(string Day, string Type, int Count);

/// <summary>SLA figures of one department or client: closed in the window (and how many within SLA), open now breached or at risk.</summary>
public sealed record SlaRow(string Key, string Name, int Closed, int ClosedWithinSla, int BreachedOpen, int AtRiskOpen)
{
    /// <summary>Share of the closed ones closed within SLA; null when none closed.</summary>
    public double? Compliance => Closed == 0 ? null : (double)ClosedWithinSla / Closed;
}

/// <summary>
/// The dashboard's arithmetic, apart from the queries that feed it (ADR 0021): the window, percentiles by nearest rank,
/// daily buckets, and the merge of closed and open SLA figures.
/// </summary>
public static class DashboardFigures
{
    public const int DefaultDays = 30;
    public const int MaxDays = 90;

    /// <summary>Midnight UTC of the first of <paramref name="days"/> calendar days that end with today's (partial) day.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset asOf, int days) =>
        new DateTimeOffset(asOf.UtcDateTime.Date, TimeSpan.Zero).AddDays(-(days - 1));

    /// <summary>
    /// The nearest-rank percentile of ascending values: the smallest value with at least p % of the values at or below it.
    /// Null for no values; p in (0, 100].
    /// </summary>
    public static double? Percentile(IReadOnlyList<double> ascending, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        if (ascending.Count == 0) return null;
        var rank = (int)Math.Ceiling(p / 100 * ascending.Count);
        return ascending[Math.Clamp(rank, 1, ascending.Count) - 1];
    }

    /// <summary>Percentiles of durations in hours; a negative duration (clock skew between writers) counts as zero.</summary>
    public static CycleTimeFigures CycleTimes(IEnumerable<TimeSpan> durations)
    {
        var hours = durations.Select(d => Math.Max(0, d.TotalHours)).Order().ToList();
        return new(hours.Count, Percentile(hours, 50), Percentile(hours, 90), Percentile(hours, 99));
    }

    /// <summary>Submissions counted per UTC day and type, ordered by day then type; empty days are left out.</summary>
    public static IReadOnlyList<DailyCount> Daily(IEnumerable<(DateTimeOffset SubmittedAt, string Type)> submissions) =>
        submissions.GroupBy(s => (Day: s.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd"), s.Type))
            .Select(g => new DailyCount(g.Key.Day, g.Key.Type, g.Count()))
            .OrderBy(d => d.Day, StringComparer.Ordinal).ThenBy(d => d.Type, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// One row per key from the closed figures and the open ones (a key missing on one side has zeros there), ordered by
    /// name then key. The name comes from the closed side when both have one: it is the more recent.
    /// </summary>
    public static IReadOnlyList<SlaRow> Merge(IEnumerable<(string Key, string Name, int Closed, int WithinSla)> closed,
        IEnumerable<(string Key, string Name, int Breached, int AtRisk)> open)
    {
        var rows = new Dictionary<string, SlaRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in closed)
        {
            var row = rows.GetValueOrDefault(c.Key) ?? new SlaRow(c.Key, c.Name, 0, 0, 0, 0);
            rows[c.Key] = row with { Name = c.Name, Closed = row.Closed + c.Closed, ClosedWithinSla = row.ClosedWithinSla + c.WithinSla };
        }
        foreach (var o in open)
        {
            var row = rows.GetValueOrDefault(o.Key) ?? new SlaRow(o.Key, o.Name, 0, 0, 0, 0);
            rows[o.Key] = row with { BreachedOpen = row.BreachedOpen + o.Breached, AtRiskOpen = row.AtRiskOpen + o.AtRisk };
        }
        return rows.Values.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
    }
}
