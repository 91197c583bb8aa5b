namespace ClientRequests.Identity;

public sealed class SigningKeyOptions
{
    /// <summary>A new signing key is made when the newest one is older than this.</summary>
    public TimeSpan RotationPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a replaced key stays published, so tokens it signed keep validating until they expire and every
    /// validator has fetched the new key set. Longer than the refresh token lifetime is not needed: access tokens are short.
    /// </summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(2);

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);
}
