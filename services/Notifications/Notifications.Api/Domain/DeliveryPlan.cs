namespace ClientRequests.Notifications.Domain;

/// <summary>What to record for one user and one event: an in-app notification now, an e-mail due at some instant.</summary>
public sealed record DeliveryPlan(bool InApp, EmailPlan? Email)
{
    /// <summary>
    /// Applies the user's rule for the event kind, quiet hours and digest hour (local times in the user's zone) at
    /// <paramref name="now"/>. In-app is never deferred: it is silent. E-mail inside quiet hours waits for their end;
    /// a digest e-mail waits for the next digest hour, and for the end of quiet hours if that hour falls inside them.
    /// </summary>
    public static DeliveryPlan For(Preferences preferences, string kind, DateTimeOffset now, TimeOnly digestAt)
    {
        var rule = preferences.RuleFor(kind);
        if (!rule.Email) return new DeliveryPlan(rule.InApp, null);
        var zone = LocalTime.Zone(preferences.TimeZone);
        var digest = rule.Delivery == EmailDelivery.Digest;
        var dueAt = digest ? LocalTime.Next(now, digestAt, zone) : now;
        if (preferences.QuietHours is { } quiet) dueAt = LocalTime.OutsideQuietHours(dueAt, quiet, zone);
        return new DeliveryPlan(rule.InApp, new EmailPlan(dueAt, digest));
    }
}
