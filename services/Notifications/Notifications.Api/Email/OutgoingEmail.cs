using MimeKit;

namespace ClientRequests.Notifications.Email;

/// <summary>
/// One message for the mail system: a single notification, or a digest of several. The id is the first notification's,
/// so sending the same message again (after a crash before it was marked sent) carries the same Message-ID.
/// </summary>
public sealed record OutgoingEmail(Guid Id, string To, string Subject, string Text, string Kind, DateTimeOffset Date)
{
    public MimeMessage ToMime(string from)
    {
        var message = new MimeMessage
        {
            MessageId = $"{Id:N}@clientrequests",
            Date = Date,
            Subject = Subject,
            Body = new TextPart("plain") { Text = Text },
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(To));
        message.Headers.Add("X-ClientRequests-Event", Kind);
        return message;
    }
}
