using ClientRequests.Contracts.Requests;
using ClientRequests.Notifications.Audience;

namespace ClientRequests.Notifications.Email;

public sealed record EmailContent(string Subject, string Text);
