namespace ClientRequests.Messaging.Outbox;

public sealed class OutboxOptions
{
    public int BatchSize { get; set; } = 100;
    /// <summary>How long the dispatcher sleeps when nothing signals it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>How long one publish may wait for the broker's confirm before the batch is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>
    /// How long a claimed batch is left to its dispatcher: longer than a batch can take (its publishes run at once,
    /// each bounded by <see cref="PublishTimeout"/>). A dead dispatcher's rows are published by another after this.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>A row that cannot be published this many times is parked (kept, no longer tried) and logged.</summary>
    public int MaxAttempts { get; set; } = 20;
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(1);
    /// <summary>How often sent outbox rows and old inbox rows are deleted, by one replica at a time (lease <c>outbox-cleanup</c>).</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Longer than any redelivery can take, so a duplicate is still recognised.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);
}
