namespace ClientRequests.ServiceDefaults.Security;

/// <summary>
/// Claim types of the identity the services see, whatever the provider calls them (<see cref="ClaimMapping"/> turns a
/// provider's claims into these); the embedded provider issues them under these names.
/// </summary>
public static class PlatformClaims
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string Role = "role";
    /// <summary>Department codes an agent or lead works for; one claim per code.</summary>
    public const string Department = "dept";
}
