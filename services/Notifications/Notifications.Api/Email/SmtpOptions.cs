namespace ClientRequests.Notifications.Email;

/// <summary>Bound from <c>Notifications:Email:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>The whole exchange for one message, connect to QUIT; a server that takes longer has failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
