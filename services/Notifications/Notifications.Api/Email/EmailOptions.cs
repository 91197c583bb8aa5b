using ClientRequests.Notifications.Domain;

namespace ClientRequests.Notifications.Email;

/// <summary>Bound from <c>Notifications:Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Notifications:Email";

    /// <summary><see cref="EmailTransport.Pickup"/> (the default: needs no mail server) or <see cref="EmailTransport.Smtp"/>.</summary>
    public EmailTransport Transport { get; set; } = EmailTransport.Pickup;
    /// <summary>Where .eml files are written for the mail system to pick up; defaults to "mail" under <c>Data:Folder</c>.</summary>
    public string? PickupFolder { get; set; }
    public SmtpOptions Smtp { get; set; } = new();
    public string From { get; set; } = "ClientRequests <notifications@clientrequests.local>";
    /// <summary>Users without an address in their preferences get "{user id}@{this}".</summary>
    public string RecipientDomain { get; set; } = "clientrequests.local";
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>The local time (in each user's zone) at which the day's digest goes out.</summary>
    public TimeOnly DigestAt { get; set; } = new(8, 0);
    /// <summary>After the n-th failed hand-over the e-mail waits BaseDelay * 2^(n-1), at most MaxDelay; it is never dropped.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    public string AddressOf(string userId) => $"{userId}@{RecipientDomain}";

    /// <summary>E-mails are never parked: a mail server's outage only makes them wait longer.</summary>
    public RetryPolicy RetryPolicy() => new(BaseDelay, MaxDelay, int.MaxValue);
}
