namespace ClientRequests.Notifications.Email;

public sealed record EmailContent(string Subject, string Text);
