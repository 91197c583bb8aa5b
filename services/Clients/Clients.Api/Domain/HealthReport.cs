namespace ClientRequests.Clients.Domain;

/// <summary>Requests of one type submitted in one calendar month (UTC), Month as "yyyy-MM".</summary>
public sealed record MonthlyRequests(string Month, string Type, int Count);

public sealed record SatisfactionFigures(double? Average, int Ratings, double? Last30Days, double? Previous30Days, double? Trend);

/// <summary>Everything the account team reads about a client's health; see docs/decisions/0012-client-health.md for each figure's window.</summary>
public sealed record ClientHealthReport(
    int Score, string Band, int SignalCount, IReadOnlyList<HealthReason> Reasons,
    IReadOnlyList<MonthlyRequests> RequestsByMonth, int Requests, int Complaints, int ComplaintsLast30Days, double ComplaintShare,
    double? MedianHoursToFulfil, int Fulfilled, int SlaBreaches, int SlaAtRisk, SatisfactionFigures Satisfaction);

/// <summary>
/// The figures as a pure function of the stored signals and the moment asked: no arrival times, no stored totals,
/// so signals stored in any order, or stored again by a replay, give the same report.
/// </summary>
public static class HealthReports
{
    /// <summary>Months shown in <see cref="ClientHealthReport.RequestsByMonth"/>, the current one included.</summary>
    public const int Months = 12;

    /// <summary>The earliest moment a report at <paramref name="now"/> reads signals from.</summary>
    public static DateTimeOffset Since(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var monthStart = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1 - Months);
        return monthStart < now - ClientHealth.Window ? monthStart : now - ClientHealth.Window;
    }

    public static ClientHealthReport Build(IEnumerable<HealthSignal> signals, DateTimeOffset now)
    {
        // Two copies of one event share an id: count it once even if a caller hands both in.
        var all = signals.GroupBy(s => s.Id).Select(g => g.First()).ToList();
        var (reasons, count) = ClientHealth.Reasons(all, now);
        var score = ClientHealth.ScoreOf(reasons);
        var window = all.Where(s => now - s.OccurredAt < ClientHealth.Window).ToList();

        var requests = window.Where(s => s.Kind == HealthKinds.Submitted).ToList();
        var complaints = requests.Where(s => HealthWeights.IsComplaint(s.Detail)).ToList();
        var ratings = window.Where(s => s is { Kind: HealthKinds.Satisfaction, Value: not null }).Select(s => s.Value!.Value).ToList();
        var trend = ClientHealth.SatisfactionTrend(all, now);
        var fulfilHours = FulfilHours(all, now);

        return new ClientHealthReport(
            score, ClientHealth.Band(score), count,
            reasons.Select(r => r with { Points = Math.Round(r.Points, 1, MidpointRounding.AwayFromZero) }).ToList(),
            ByMonth(all, now), requests.Count, complaints.Count,
            complaints.Count(s => now - s.OccurredAt < ClientHealth.Recent),
            requests.Count == 0 ? 0 : (double)complaints.Count / requests.Count,
            Median(fulfilHours), fulfilHours.Count,
            window.Count(s => s.Kind == HealthKinds.SlaBreached), window.Count(s => s.Kind == HealthKinds.SlaAtRisk),
            new SatisfactionFigures(ClientHealth.Average(ratings), ratings.Count, trend.Last30Days, trend.Previous30Days, trend.Trend));
    }

    static List<MonthlyRequests> ByMonth(List<HealthSignal> signals, DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var first = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1 - Months);
        var end = first.AddMonths(Months);
        return signals
            .Where(s => s.Kind == HealthKinds.Submitted && s.OccurredAt >= first && s.OccurredAt < end)
            .GroupBy(s => (Month: s.OccurredAt.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                Type: (s.Detail ?? "").ToLowerInvariant()))
            .Select(g => new MonthlyRequests(g.Key.Month, g.Key.Type, g.Count()))
            .OrderBy(m => m.Month, StringComparer.Ordinal).ThenBy(m => m.Type, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Hours from submission to the first Fulfilled change, for requests first fulfilled within the window.
    /// The first, not the last: a reopened request was still answered then, and its second round is its own story.
    /// </summary>
    static List<double> FulfilHours(List<HealthSignal> signals, DateTimeOffset now)
    {
        var submitted = signals.Where(s => s.Kind == HealthKinds.Submitted).GroupBy(s => s.RequestId)
            .ToDictionary(g => g.Key, g => g.Min(s => s.OccurredAt));
        return signals.Where(s => s.Kind == HealthKinds.Fulfilled).GroupBy(s => s.RequestId)
            .Select(g => (Request: g.Key, At: g.Min(s => s.OccurredAt)))
            .Where(f => now - f.At < ClientHealth.Window && submitted.ContainsKey(f.Request))
            // Clocks of two services may disagree by a little; a fulfilment never took negative time.
            .Select(f => Math.Max(0, (f.At - submitted[f.Request]).TotalHours))
            .ToList();
    }

    static double? Median(List<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
