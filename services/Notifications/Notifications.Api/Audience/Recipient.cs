namespace ClientRequests.Notifications.Audience;

/// <summary>Someone to tell, and why: the reason ends each e-mail, so people can tell a watch from a team membership.</summary>
public sealed record Recipient(string Id, string Reason);

/// <summary>What every channel says about one event.</summary>
public sealed record Announcement(string Kind, string Title, string Body, Guid RequestId);
