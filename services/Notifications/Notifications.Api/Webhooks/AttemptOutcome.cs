namespace ClientRequests.Notifications.Webhooks;

public sealed record AttemptOutcome(bool Succeeded, int? StatusCode, string? Error, string? Response, TimeSpan Duration);
