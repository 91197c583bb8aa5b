using Microsoft.Extensions.Options;

namespace ClientRequests.Notifications.Email;

/// <summary>
/// Hands e-mails to the mail system as .eml files in a pickup folder. The file is named after the message, and written
/// under a temporary name then renamed, so a repeated send replaces it instead of mailing twice.
/// </summary>
public sealed class PickupFolderSender : IEmailSender
{
    readonly EmailOptions options;

    public PickupFolderSender(IOptions<EmailOptions> options, IConfiguration configuration)
    {
        this.options = options.Value;
        Folder = Path.GetFullPath(this.options.PickupFolder ?? Path.Combine(configuration["Data:Folder"] ?? ".data", "mail"));
    }

    public string Folder { get; }

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var target = Path.Combine(Folder, $"{email.Id:N}.eml");
        var temporary = target + ".tmp";
        await email.ToMime(options.From).WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, target, overwrite: true);
    }
}
