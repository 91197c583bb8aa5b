namespace ClientRequests.Notifications.Domain;

/// <summary>An integrator's endpoint for one event type, and the keys its deliveries are signed with.</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; init; }
    public required string EventType { get; init; }
    public required string Url { get; init; }
    /// <summary>
    /// The HMAC key of the current secret (the bytes its <c>whsec_</c> form encodes). Kept readable because every
    /// delivery is signed with it; the database is the trust boundary.
    /// </summary>
    public required byte[] SigningKey { get => signingKey; init => signingKey = value; }
    byte[] signingKey = [];
    /// <summary>The key before the last rotation, still signed with until <see cref="PreviousKeyValidUntil"/>.</summary>
    public byte[]? PreviousSigningKey { get; private set; }
    public DateTimeOffset? PreviousKeyValidUntil { get; private set; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public SubscriptionStatus Status { get; private set; }
    public DateTimeOffset? PausedAt { get; private set; }

    /// <summary>
    /// Makes <paramref name="key"/> the current key. For <paramref name="grace"/> deliveries carry a signature with the
    /// old key too, so the receiver can switch secrets whenever it likes in that time; with no grace the old key is
    /// dropped at once (a leaked secret). Only one old key is kept: rotating again ends the previous grace.
    /// </summary>
    public void RotateKey(byte[] key, DateTimeOffset now, TimeSpan grace)
    {
        var kept = grace > TimeSpan.Zero;
        PreviousSigningKey = kept ? SigningKey : null;
        PreviousKeyValidUntil = kept ? now + grace : null;
        signingKey = key;
    }

    /// <summary>The keys a delivery sent at <paramref name="now"/> is signed with: the current one first.</summary>
    public IReadOnlyList<byte[]> SigningKeysAt(DateTimeOffset now) =>
        PreviousSigningKey is { } previous && PreviousKeyValidUntil > now ? [SigningKey, previous] : [SigningKey];

    public void Pause(DateTimeOffset now)
    {
        if (Status == SubscriptionStatus.Paused) return;
        Status = SubscriptionStatus.Paused;
        PausedAt = now;
    }

    public void Resume()
    {
        Status = SubscriptionStatus.Active;
        PausedAt = null;
    }
}
