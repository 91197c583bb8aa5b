namespace ClientRequests.Notifications.Domain;

/// <summary>Exponential back-off with jitter, and when to stop trying.</summary>
public sealed record RetryPolicy(TimeSpan BaseDelay, TimeSpan MaxDelay, int PauseAfterFailures)
{
    /// <summary>
    /// The delay after the n-th failure in a row: base * 2^(n-1), capped, of which the upper half is random
    /// (<paramref name="jitter"/> in [0, 1)), so receivers that come back are not hit by every sender at once.
    /// </summary>
    public TimeSpan DelayAfter(int failures, double jitter)
    {
        var exponent = Math.Min(Math.Max(failures - 1, 0), 30);
        var ceiling = Math.Min(BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling / 2 + ceiling / 2 * Math.Clamp(jitter, 0, 1));
    }
}
