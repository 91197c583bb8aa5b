using System.Globalization;

namespace ClientRequests.Clients.Domain;

public sealed record HealthScore(int Score, string Band, int SignalCount);

/// <summary>One part of the score: what it is (<see cref="Code"/>), in words, and the points it adds (negative: costs).</summary>
public sealed record HealthReason(string Code, string Text, double Points);

/// <summary>
/// The documented score (docs/decisions/0012-client-health.md): 100 minus the weight of every signal of the last
/// <see cref="Window"/> days, each fading linearly to nothing across the window, minus 10 points per point the average
/// satisfaction fell (last 30 days against the 30 before); rounded, clamped to 0..100.
/// Bands: healthy at 80 and above, watch from 50, at-risk below.
/// </summary>
public static class ClientHealth
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);
    public static readonly TimeSpan Recent = TimeSpan.FromDays(30);
    public const double PointsPerSatisfactionDrop = 10;

    public static HealthScore Score(IEnumerable<HealthSignal> signals, DateTimeOffset now)
    {
        var list = signals as IReadOnlyCollection<HealthSignal> ?? signals.ToList();
        var (reasons, count) = Reasons(list, now);
        return new HealthScore(ScoreOf(reasons), Band(ScoreOf(reasons)), count);
    }

    public static string Band(int score) => score >= 80 ? "healthy" : score >= 50 ? "watch" : "at-risk";

    /// <summary>Unrounded points are summed, so the reasons (rounded to one decimal for reading) explain the score exactly up to rounding.</summary>
    internal static int ScoreOf(IReadOnlyList<HealthReason> reasons) =>
        Math.Clamp((int)Math.Round(100 + reasons.Sum(r => r.Points), MidpointRounding.AwayFromZero), 0, 100);

    /// <summary>The score's parts, most costly first, and how many signals of the window count.</summary>
    internal static (IReadOnlyList<HealthReason> Reasons, int Count) Reasons(IReadOnlyCollection<HealthSignal> signals, DateTimeOffset now)
    {
        var fresh = signals.Select(s => (Signal: s, Age: now - s.OccurredAt)).Where(x => x.Age < Window).ToList();
        var reasons = new List<HealthReason>();
        foreach (var group in fresh.Where(x => x.Signal.Weight != 0).GroupBy(x => ReasonCode(x.Signal)))
        {
            // A signal from the future (clock skew between services) counts as brand new.
            var points = -group.Sum(x => x.Signal.Weight * (x.Age <= TimeSpan.Zero ? 1.0 : 1.0 - x.Age / Window));
            reasons.Add(new HealthReason(group.Key, Describe(group.Key, group.Select(x => x.Signal).ToList(), now), points));
        }
        var trend = SatisfactionTrend(signals, now);
        if (trend.Trend < 0)
            reasons.Add(new HealthReason("satisfaction-trend",
                Invariant($"satisfaction down {-trend.Trend.Value:0.0} (last 30 days {trend.Last30Days:0.0} against {trend.Previous30Days:0.0})"),
                trend.Trend.Value * PointsPerSatisfactionDrop));
        var ordered = reasons.OrderBy(r => r.Points).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        return (ordered, fresh.Count);
    }

    /// <summary>Average rating of the last 30 days, of the 30 before, and their difference when both have ratings.</summary>
    public static (double? Last30Days, double? Previous30Days, double? Trend) SatisfactionTrend(IEnumerable<HealthSignal> signals, DateTimeOffset now)
    {
        var ratings = signals.Where(s => s is { Kind: HealthKinds.Satisfaction, Value: not null }).Select(s => (Age: now - s.OccurredAt, Value: s.Value!.Value)).ToList();
        var last = Average(ratings.Where(r => r.Age < Recent).Select(r => r.Value));
        var previous = Average(ratings.Where(r => r.Age >= Recent && r.Age < 2 * Recent).Select(r => r.Value));
        return (last, previous, last is { } l && previous is { } p ? l - p : null);
    }

    internal static double? Average(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Average();
    }

    static string ReasonCode(HealthSignal signal) => signal.Kind switch
    {
        HealthKinds.Submitted => HealthWeights.IsComplaint(signal.Detail) ? "complaints" : "requests",
        HealthKinds.SlaBreached => "sla-breaches",
        HealthKinds.Satisfaction => "ratings",
        var kind => kind,
    };

    static string Describe(string code, List<HealthSignal> signals, DateTimeOffset now)
    {
        var n = signals.Count;
        return code switch
        {
            "complaints" => Invariant($"{Plural(n, "complaint")} in 90 days, {signals.Count(s => now - s.OccurredAt < Recent)} in the last 30"),
            "requests" => Invariant($"{Plural(n, "other request")} in 90 days"),
            "sla-breaches" => Invariant($"{Plural(n, "SLA breach", "SLA breaches")} in 90 days"),
            "ratings" => Invariant($"{Plural(n, "satisfaction rating")} in 90 days averaging {signals.Average(s => s.Value ?? 3):0.0} of 5"),
            _ => Invariant($"{Plural(n, $"{code} signal")} in 90 days"),
        };
    }

    static string Plural(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
