namespace ClientRequests.Notifications.Domain;

/// <summary>
/// How a user wants to be told. A user without a row gets the defaults: every kind in the app and by e-mail at once,
/// in UTC, without quiet hours.
/// </summary>
public sealed class Preferences
{
    public const string DefaultTimeZone = "UTC";

    public required string UserId { get; init; }
    /// <summary>The default for event kinds without a rule of their own.</summary>
    public bool InApp { get; set; } = true;
    /// <summary>The default for event kinds without a rule of their own (immediately).</summary>
    public bool Email { get; set; } = true;
    /// <summary>Overrides the address the platform derives from the user id.</summary>
    public string? EmailAddress { get; set; }
    /// <summary>An IANA time zone id: quiet hours and the digest hour are the user's local times.</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;
    public TimeOnly? QuietStart { get; private set; }
    public TimeOnly? QuietEnd { get; private set; }
    /// <summary>Rules per event kind; always replaced as a whole (the column holds them as JSON).</summary>
    public IReadOnlyList<KindRule> Kinds { get; set; } = [];

    public QuietHours? QuietHours => QuietStart is { } start && QuietEnd is { } end ? new QuietHours(start, end) : null;

    public void SetQuietHours(QuietHours? quiet) => (QuietStart, QuietEnd) = (quiet?.Start, quiet?.End);

    public static Preferences DefaultFor(string userId) => new() { UserId = userId };

    public KindRule RuleFor(string kind) =>
        Kinds.FirstOrDefault(k => k.Kind == kind) ?? new KindRule(kind, InApp, Email, EmailDelivery.Immediate);
}
