using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace ClientRequests.Notifications.Email;

/// <summary>
/// Hands e-mails to an SMTP server with MailKit, one connection per message, the whole exchange bounded by
/// <see cref="SmtpOptions.Timeout"/>: a server that hangs fails the attempt instead of holding the dispatcher.
/// </summary>
public sealed class SmtpSender(IOptions<EmailOptions> options) : IEmailSender
{
    readonly EmailOptions settings = options.Value;

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var smtp = settings.Smtp;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(smtp.Timeout);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true), deadline.Token);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", deadline.Token);
            await client.SendAsync(email.ToMime(settings.From), deadline.Token);
            await client.DisconnectAsync(quit: true, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMTP server {smtp.Host}:{smtp.Port} did not finish within {smtp.Timeout}.");
        }
    }
}
