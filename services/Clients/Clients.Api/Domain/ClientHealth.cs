namespace ClientRequests.Clients.Domain;

/// <summary>
/// One thing that happened to a client and bears on its health: a projection of other services' events.
/// New kinds of events become new signals with their own weight; the score does not change shape.
/// </summary>
public sealed class HealthSignal
{
    /// <summary>The id of what caused it (for a submitted request, the request id), so it is counted once.</summary>
    public required Guid Id { get; init; }
    public required Guid ClientId { get; init; }
    public required string Kind { get; init; }
    /// <summary>Points taken off a perfect score while the signal is fresh.</summary>
    public required int Weight { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record HealthScore(int Score, string Band, int SignalCount);

/// <summary>
/// The documented score (docs/decisions/0004-clients-access-rules.md): 100 minus the weight of every signal of
/// the last <see cref="Window"/> days, each fading linearly to nothing across the window; clamped to 0..100.
/// Bands: healthy at 80 and above, watch from 50, at-risk below.
/// </summary>
public static class ClientHealth
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    public static HealthScore Score(IEnumerable<HealthSignal> signals, DateTimeOffset now)
    {
        double penalty = 0;
        var count = 0;
        foreach (var signal in signals)
        {
            var age = now - signal.OccurredAt;
            if (age >= Window) continue;
            // A signal from the future (clock skew between services) counts as brand new.
            var freshness = age <= TimeSpan.Zero ? 1.0 : 1.0 - age / Window;
            penalty += signal.Weight * freshness;
            count++;
        }
        var score = Math.Clamp((int)Math.Round(100 - penalty), 0, 100);
        return new HealthScore(score, Band(score), count);
    }

    public static string Band(int score) => score >= 80 ? "healthy" : score >= 50 ? "watch" : "at-risk";

    /// <summary>
    /// A complaint costs most; other requests cost a little (a client who needs much is a client at some risk);
    /// urgency adds to either.
    /// </summary>
    public static int RequestWeight(string type, string priority)
    {
        var weight = string.Equals(type, "complaint", StringComparison.OrdinalIgnoreCase) ? 20 : 4;
        return weight + priority.ToLowerInvariant() switch
        {
            "critical" or "urgent" => 10,
            "high" => 5,
            _ => 0,
        };
    }
}
