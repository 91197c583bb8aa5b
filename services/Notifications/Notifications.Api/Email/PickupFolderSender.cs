using ClientRequests.Notifications.Domain;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ClientRequests.Notifications.Email;

/// <summary>
/// Hands e-mails to the mail system as .eml files in a pickup folder. The file is named after the notification,
/// and written under a temporary name then renamed, so a repeated send replaces it instead of mailing twice.
/// </summary>
public sealed class PickupFolderSender
{
    readonly EmailOptions options;

    public PickupFolderSender(IOptions<EmailOptions> options, IConfiguration configuration)
    {
        this.options = options.Value;
        Folder = Path.GetFullPath(this.options.PickupFolder ?? Path.Combine(configuration["Data:Folder"] ?? ".data", "mail"));
    }

    public string Folder { get; }

    public async Task SendAsync(Notification email, CancellationToken cancellationToken)
    {
        var message = new MimeMessage
        {
            MessageId = $"{email.Id:N}@clientrequests",
            Date = email.CreatedAt,
            Subject = email.Title,
            Body = new TextPart("plain") { Text = email.Body },
        };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(email.Address ?? throw new InvalidOperationException($"E-mail {email.Id} has no address.")));
        message.Headers.Add("X-ClientRequests-Event", email.Kind);

        Directory.CreateDirectory(Folder);
        var target = Path.Combine(Folder, $"{email.Id:N}.eml");
        var temporary = target + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, target, overwrite: true);
    }
}
