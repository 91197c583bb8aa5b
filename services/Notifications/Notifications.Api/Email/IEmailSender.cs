namespace ClientRequests.Notifications.Email;

/// <summary>Hands one message to the mail system, or throws.</summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
