namespace ClientRequests.Notifications.Domain;

/// <summary>How a user wants to be told. A user without a row gets the defaults: in the app and by e-mail.</summary>
public sealed class Preferences
{
    public required string UserId { get; init; }
    public bool InApp { get; set; } = true;
    public bool Email { get; set; } = true;
    /// <summary>Overrides the address the platform derives from the user id.</summary>
    public string? EmailAddress { get; set; }

    public static Preferences DefaultFor(string userId) => new() { UserId = userId };
}
