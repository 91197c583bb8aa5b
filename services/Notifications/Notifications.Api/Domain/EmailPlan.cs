namespace ClientRequests.Notifications.Domain;

/// <summary>When an e-mail may go, and whether it goes alone or in the user's digest.</summary>
public sealed record EmailPlan(DateTimeOffset DueAt, bool Digest);
