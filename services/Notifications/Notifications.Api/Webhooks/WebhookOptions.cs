using ClientRequests.Notifications.Domain;

namespace ClientRequests.Notifications.Webhooks;

/// <summary>Bound from <c>Notifications:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Notifications:Webhooks";

    /// <summary>Lets subscriptions target loopback and private networks; for development and tests only.</summary>
    public bool AllowPrivateAddresses { get; set; }
    /// <summary>The whole exchange, connect to last byte read; a receiver that takes longer has failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How much of the receiver's answer is read and kept in the log; the rest is never read.</summary>
    public int MaxResponseBytes { get; set; } = 4096;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);
    public int PauseAfterFailures { get; set; } = 8;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int MaxConcurrentDeliveries { get; set; } = 16;

    public RetryPolicy RetryPolicy => new(BaseDelay, MaxDelay, PauseAfterFailures);
}
