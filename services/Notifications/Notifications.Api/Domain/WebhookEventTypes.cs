namespace ClientRequests.Notifications.Domain;

public static class WebhookEventTypes
{
    public const string RequestSubmitted = NotificationKinds.RequestSubmitted;

    // Each event kind is also its webhook event type, so an integrator subscribes to what users see.
    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        RequestSubmitted, NotificationKinds.RequestStatusChanged, NotificationKinds.SatisfactionRecorded, NotificationKinds.CommentAdded,
        NotificationKinds.SlaAtRisk,
        NotificationKinds.SlaBreached, NotificationKinds.WorkItemQueued, NotificationKinds.WorkItemClaimed, NotificationKinds.WorkItemStarted,
        NotificationKinds.WorkItemCompleted, NotificationKinds.WorkItemRejected, NotificationKinds.WorkItemHandedOver,
        NotificationKinds.AccountTeamChanged,
    };
}
