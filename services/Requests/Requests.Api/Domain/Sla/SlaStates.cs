namespace ClientRequests.Requests.Domain.Sla;

/// <summary>The states a clock is shown in. Strings, because REST, gRPC and GraphQL all carry them as they are.</summary>
public static class SlaStates
{
    public const string OnTrack = "on-track";
    public const string AtRisk = "at-risk";
    public const string Breached = "breached";
    public const string Paused = "paused";
    public const string Met = "met";
    public const string Missed = "missed";
    /// <summary>Stored for a clock the policy does not have (a request type without a first-response target).</summary>
    public const string None = "none";

    /// <summary>A stopped clock is met or missed for good; a breach outranks a pause, since waiting on the client does not undo it.</summary>
    public static string Of(SlaVerdict verdict, bool stopped, bool paused) =>
        stopped ? (verdict == SlaVerdict.Breached ? Missed : Met)
        : verdict == SlaVerdict.Breached ? Breached
        : paused ? Paused
        : verdict == SlaVerdict.AtRisk ? AtRisk
        : OnTrack;

    /// <summary>
    /// The request's one state from its two clocks: a missed first response is a broken promise the resolution clock cannot
    /// mend, so it shows as breached while the request is open and missed once it closed.
    /// </summary>
    public static string Combine(string resolution, string? firstResponse)
    {
        var firstBroken = firstResponse is Breached or Missed;
        if (resolution is Met or Missed) return firstBroken ? Missed : resolution;
        if (firstBroken || resolution == Breached) return Breached;
        if (resolution == Paused) return Paused;
        return resolution == AtRisk || firstResponse == AtRisk ? AtRisk : OnTrack;
    }

    public static bool IsRunning(string state) => state is OnTrack or AtRisk or Breached;
}
