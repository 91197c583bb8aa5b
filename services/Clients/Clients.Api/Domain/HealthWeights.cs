namespace ClientRequests.Clients.Domain;

/// <summary>
/// How much each kind of signal costs a perfect score while fresh (docs/decisions/0012-client-health.md).
/// A pure function of the signal's facts, so a rebuild can re-derive every stored weight when these rules change.
/// </summary>
public static class HealthWeights
{
    public static int Of(HealthSignal signal) => signal.Kind switch
    {
        HealthKinds.Submitted => RequestWeight(signal.Detail ?? "", signal.Priority ?? ""),
        HealthKinds.SlaBreached => BreachWeight(signal.Detail ?? ""),
        HealthKinds.Satisfaction => SatisfactionWeight(signal.Value ?? 3),
        // Fulfilment feeds the time-to-fulfil figure and at-risk clocks are shown, not scored: a clock that then
        // breaches is counted by its breach, and one that recovers should not cost the client anything.
        _ => 0,
    };

    /// <summary>
    /// A complaint costs most; other requests cost a little (a client who needs much is a client at some risk);
    /// urgency adds to either.
    /// </summary>
    public static int RequestWeight(string type, string priority)
    {
        var weight = IsComplaint(type) ? 20 : 4;
        return weight + priority.ToLowerInvariant() switch
        {
            "critical" or "urgent" => 10,
            "high" => 5,
            _ => 0,
        };
    }

    /// <summary>The client feels the request's resolution most, its first response less, a department's internal target least.</summary>
    public static int BreachWeight(string clock) => clock switch
    {
        "resolution" => 10,
        "first-response" => 5,
        _ => 3,
    };

    /// <summary>3 of 5 is neutral; a 1 costs 8 points, a 5 gives 8 back (a negative weight rewards good news).</summary>
    public static int SatisfactionWeight(int score) => (3 - Math.Clamp(score, 1, 5)) * 4;

    public static bool IsComplaint(string? type) => string.Equals(type, "complaint", StringComparison.OrdinalIgnoreCase);
}
