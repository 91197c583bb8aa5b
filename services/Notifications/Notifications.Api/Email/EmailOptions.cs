namespace ClientRequests.Notifications.Email;

/// <summary>Bound from <c>Notifications:Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Notifications:Email";

    /// <summary>Where .eml files are written for the mail system to pick up; defaults to "mail" under <c>Data:Folder</c>.</summary>
    public string? PickupFolder { get; set; }
    public string From { get; set; } = "ClientRequests <notifications@clientrequests.local>";
    /// <summary>Users without an address in their preferences get "{user id}@{this}".</summary>
    public string RecipientDomain { get; set; } = "clientrequests.local";
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public string AddressOf(string userId) => $"{userId}@{RecipientDomain}";
}
