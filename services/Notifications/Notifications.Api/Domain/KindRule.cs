namespace ClientRequests.Notifications.Domain;

/// <summary>Which channels tell the user of one event kind, and whether its e-mails wait for the daily digest.</summary>
public sealed record KindRule(string Kind, bool InApp, bool Email, EmailDelivery Delivery);
