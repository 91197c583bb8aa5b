namespace ClientRequests.Notifications.Domain;

/// <summary>How a recipient is told about an event; one notification per (event, recipient, channel).</summary>
public enum NotificationChannel
{
    InApp,
    Email,
}

/// <summary>One event told to one recipient through one channel. In-app notifications form the recipient's inbox.</summary>
public sealed class Notification
{
    public Guid Id { get; init; }
    public required string RecipientId { get; init; }
    public NotificationChannel Channel { get; init; }
    /// <summary>The message id of the event, so a redelivered or re-published event cannot notify twice.</summary>
    public Guid EventId { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public Guid? RequestId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; private set; }
    /// <summary>Where an e-mail goes; null for in-app notifications.</summary>
    public string? Address { get; init; }
    /// <summary>When an e-mail was handed to the mail system; null until then, and for in-app notifications.</summary>
    public DateTimeOffset? SentAt { get; private set; }
    /// <summary>
    /// When an e-mail may be sent: at once, at the end of the recipient's quiet hours, at their digest hour, or after a
    /// failed attempt's back-off. Unused for in-app notifications.
    /// </summary>
    public DateTimeOffset DueAt { get; init; }
    /// <summary>An e-mail that waits for the recipient's daily digest instead of going alone.</summary>
    public bool Digest { get; init; }
    /// <summary>Failed attempts to hand the e-mail to the mail system; the next waits longer.</summary>
    public int FailedAttempts { get; init; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

public static class NotificationKinds
{
    public const string RequestSubmitted = "request-submitted";
    public const string RequestStatusChanged = "request-status-changed";
    public const string SatisfactionRecorded = "satisfaction-recorded";
    public const string CommentAdded = "comment-added";
    public const string SlaAtRisk = "sla-at-risk";
    public const string SlaBreached = "sla-breached";
    public const string WorkItemQueued = "work-item-queued";
    public const string WorkItemClaimed = "work-item-claimed";
    public const string WorkItemStarted = "work-item-started";
    public const string WorkItemCompleted = "work-item-completed";
    public const string WorkItemRejected = "work-item-rejected";
    public const string WorkItemHandedOver = "work-item-handed-over";
    /// <summary>A webhook event type only: the team change itself notifies nobody in the app (see ADR 0006).</summary>
    public const string AccountTeamChanged = "account-team-changed";

    /// <summary>The kinds that reach users, so the ones a preference may name.</summary>
    public static readonly IReadOnlySet<string> ForUsers = new SortedSet<string>(StringComparer.Ordinal)
    {
        RequestSubmitted, RequestStatusChanged, SatisfactionRecorded, CommentAdded, SlaAtRisk, SlaBreached, WorkItemQueued, WorkItemClaimed,
        WorkItemStarted, WorkItemCompleted, WorkItemRejected, WorkItemHandedOver,
    };
}
