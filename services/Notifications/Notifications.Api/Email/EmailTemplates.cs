using ClientRequests.Contracts.Requests;
using ClientRequests.Notifications.Audience;

namespace ClientRequests.Notifications.Email;

/// <summary>Plain text, so every mail client shows the same thing.</summary>
public static class EmailTemplates
{
    public static EmailContent RequestSubmitted(RequestSubmitted e) => new(
        $"[ClientRequests] New {e.Priority} {e.Type} request for {e.ClientName}: {e.Title}",
        $"""
        Hello,

        A {e.Priority}-priority {e.Type} request was opened for {e.ClientName} by {e.OpenedBy}:

            {e.Title}

        Departments working on it: {string.Join(", ", e.DepartmentCodes)}
        Request id: {e.RequestId}
        Submitted at: {e.SubmittedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC

        You receive this because you are on the account team of {e.ClientName}.
        """);

    /// <summary>The updates after submission all say one thing each; the in-app title and body are the mail, plus why it came.</summary>
    public static EmailContent Announcement(Announcement a, string reason) => new(
        $"[ClientRequests] {a.Title}",
        $"""
        Hello,

        {a.Title}.

        {a.Body}

        Request id: {a.RequestId}

        You receive this because {reason}.
        """);
}
